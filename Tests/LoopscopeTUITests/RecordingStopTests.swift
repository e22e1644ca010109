import Foundation
import LoopscopePython
import LoopscopeTrace
import Testing
@testable import LoopscopeTUI

/// Recording a Python program is a part of the load: `q` or a signal while the interpreter
/// runs ends it (by its pid) and reaps it, and only then does the player end. The keyboard
/// and the clock are fake; the interpreter is real, running a program that would wait a
/// minute for nothing if it were not ended.
@Suite(.timeLimit(.minutes(30)), .enabled(if: (try? PythonRecorder.interpreter()) != nil,
                                         "python3 (3.11 or newer) is not installed: CI installs it"))
struct RecordingStopTests {
    /// Writes its pid where its first argument says, then waits in real time.
    static let program = """
        import os, select, sys

        with open(sys.argv[1] + ".part", "w") as f:
            f.write(str(os.getpid()))
        os.replace(sys.argv[1] + ".part", sys.argv[1])
        select.select([], [], [], 60)

        """

    /// A keyboard with `key` waiting once the program has written its pid.
    final class ProgramBackend: WaitingKeyBackend, @unchecked Sendable {
        let pidFile: String
        /// The program's pid, once it wrote it.
        var pid: pid_t?

        init(pidFile: String, key: InputEvent) {
            self.pidFile = pidFile
            super.init(key: key)
        }

        override func keyIsThere() -> Bool {
            if pid == nil, let text = try? String(contentsOfFile: pidFile, encoding: .utf8) { pid = pid_t(text) }
            return pid != nil
        }
    }

    /// A process that is gone and reaped: not even a zombie answers.
    static func isGone(_ pid: pid_t) -> Bool {
        kill(pid, 0) == -1 && errno == ESRCH
    }

    @Test(arguments: [(InputEvent.key(.char("q")), Int32(0)), (.terminate, 15), (.key(.ctrl("c")), 2)])
    func aStopWhileRecordingEndsTheInterpreterThenThePlayer(key: InputEvent, signal: Int32) throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "loopscope-stop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appending(path: "sleeper.py").path
        try Self.program.write(toFile: path, atomically: true, encoding: .utf8)
        let backend = ProgramBackend(pidFile: folder.appending(path: "pid").path, key: key)
        var options = PythonOptions()
        options.arguments = [backend.pidFile]
        var readReturned = false
        var ends: [(outcome: PlayerOutcome, afterRead: Bool, childGone: Bool)] = []
        let phase = LoadPhase.recording(program: "sleeper.py", python: "python3")
        #expect(!phase.endsAtOnce)
        let loaded = try Player.load(on: backend, clock: LoadingTests.FakeClock().read, atStop: { outcome in
            ends.append((outcome, readReturned, backend.pid.map(Self.isGone) ?? false))
        }) { watch in
            backend.watch = watch
            watch.show(phase)
            defer { readReturned = true }
            guard let r = try PythonRecorder.record(program: path, options: options, shouldStop: {
                watch.shouldStop(phase)
            }) else { return nil }
            return (r.trace, PlayerOptions())
        }
        guard case .stopped(let outcome) = loaded else {
            Issue.record("\(key) while recording did not stop the load")
            return
        }
        #expect(outcome.signal == signal)
        let pid = try #require(backend.pid, "the program ran and wrote its pid")
        #expect(Self.isGone(pid), "the interpreter was ended and reaped")
        #expect(ends.count == 1)
        #expect(ends.first?.afterRead == true, "the player ends after the recording unwound")
        #expect(ends.first?.childGone == true, "with the interpreter already reaped")
        #expect(ends.first?.outcome == outcome)
        #expect(backend.frames.first?.text().contains("recording sleeper.py with python3...") == true)
    }
}
