import ArgumentParser
import Foundation
import LoopscopePython

/// `loopscope bench python`: the scheduler bench's workload on CPython, untraced and
/// recorded through loopscope's recorder, in one run.
struct BenchPythonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "python",
        abstract: "Tasks that reschedule themselves on CPython: recorded vs untraced time, and trace bytes per switch.")

    @Option(help: "How many tasks.") var tasks = 1_000
    @Option(help: "How many reschedules (await asyncio.sleep(0)) each task does.") var reschedules = 1_000
    @Option(help: "Measured runs of each kind (the best is reported).") var runs = 3
    @Option(name: .long, help: "The Python interpreter (default: $LOOPSCOPE_PYTHON, else python3 on PATH).")
    var python: String?

    static func workload(tasks: Int, reschedules: Int) -> String {
        """
        import asyncio

        async def worker():
            for _ in range(\(reschedules)):
                await asyncio.sleep(0)

        async def main():
            await asyncio.gather(*[worker() for _ in range(\(tasks))])

        asyncio.run(main())

        """
    }

    static func executable(of python: String) -> String? {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python)
        probe.arguments = ["-c", "import sys; print(sys.executable)"]
        let pipe = Pipe()
        probe.standardOutput = pipe
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        probe.waitUntilExit()
        let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return probe.terminationStatus == 0 && !path.isEmpty ? path : nil
    }

    func run() throws {
        try reporting {
            var options = PythonOptions()
            options.python = python
            options.maxEvents = 10 * tasks * (reschedules + 1) + 1_000
            options.wallTimeout = 3_600
            let found = try recordingPython { () throws(PythonError) in try PythonRecorder.interpreter(options) }
            // The interpreter itself, not a launcher script in front of it (pyenv's shims
            // take longer to start than the workload's untraced run).
            let interpreter = Self.executable(of: found) ?? found
            options.python = interpreter
            let folder = FileManager.default.temporaryDirectory.appending(path: "loopscope-bench-\(getpid())")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let script = folder.appending(path: "switches.py")
            try Self.workload(tasks: tasks, reschedules: reschedules).write(to: script, atomically: true, encoding: .utf8)
            let switches = tasks * (reschedules + 1)
            print("workload: \(tasks) tasks × \(reschedules) reschedules (await asyncio.sleep(0)) = \(switches) task steps, "
                + "\(interpreter), best of \(runs)")
            var untraced = Double.infinity, recorded = Double.infinity
            var bytes = 0, events = 0
            for _ in 0..<max(1, runs) {
                let start = Date()
                let plain = Process()
                plain.executableURL = URL(fileURLWithPath: interpreter)
                plain.arguments = [script.path]
                plain.standardOutput = FileHandle.nullDevice
                plain.standardInput = FileHandle.nullDevice
                try plain.run()
                plain.waitUntilExit()
                guard plain.terminationStatus == 0 else { throw CLIError("the untraced run failed (status \(plain.terminationStatus)).") }
                untraced = min(untraced, Date().timeIntervalSince(start))
                let r = try recordingPython { () throws(PythonError) in
                    try PythonRecorder.record(program: script.path, options: options)
                }
                recorded = min(recorded, r.seconds)
                bytes = r.traceBytes
                events = r.trace.events.count
            }
            print(String(format: "untraced: %.3f s", untraced))
            print(String(format: "recorded: %.3f s, %d events, %d bytes on disk", recorded, events, bytes))
            print(String(format: "recording cost: %.2f× the untraced time (goal ≤ 2×)", recorded / untraced))
            print(String(format: "trace size: %.1f bytes per switch (goal ≤ 100)", Double(bytes) / Double(switches)))
        }
    }
}
