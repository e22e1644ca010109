import Foundation

/// Runs a child process to its end, with a wall-clock limit after which it is killed.
enum ChildProcess {
    enum Output { case discard, capture }

    struct Result {
        var status: Int32
        /// Standard output, when captured.
        var output: String
        var timedOut: Bool
        /// Whether `shouldStop` ended it.
        var stopped = false
    }

    /// How often, while the child runs, `run` asks `shouldStop`.
    static let stopPollInterval = DispatchTimeInterval.milliseconds(10)
    /// How long a child ended by `shouldStop` has, after SIGTERM, before SIGKILL.
    static let stopGrace = DispatchTimeInterval.milliseconds(40)

    /// Runs `executable` with `arguments`. Standard input is `/dev/null` unless `stdin`;
    /// standard error goes to the file at `stderr` (or is discarded). Captured output is
    /// read while the child runs, so a chatty child never blocks on a full pipe. While it
    /// runs, `shouldStop` is asked every `stopPollInterval`; when it answers true the child
    /// is ended (SIGTERM to its pid, SIGKILL after `stopGrace`) and reaped.
    static func run(_ executable: String, _ arguments: [String], stdin: Bool, stdout: Output,
                    stderr: URL?, timeout: Double, in folder: URL? = nil,
                    shouldStop: () -> Bool = { false }) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        process.standardInput = stdin ? FileHandle.standardInput : FileHandle.nullDevice
        if let stderr {
            _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: stderr)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        let pipe = Pipe()
        let collected = Collected()
        if stdout == .capture {
            process.standardOutput = pipe
            pipe.fileHandleForReading.readabilityHandler = { handle in collected.append(handle.availableData) }
        } else {
            process.standardOutput = FileHandle.nullDevice
        }
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        let pid = process.processIdentifier
        let deadline = DispatchTime.now() + timeout
        var timedOut = false, stopped = false
        while exited.wait(timeout: min(.now() + stopPollInterval, deadline)) == .timedOut {
            if DispatchTime.now() >= deadline {
                timedOut = true
            } else if shouldStop() {
                stopped = true
            } else {
                continue
            }
            break
        }
        // The child ends on its own (the recorder has its own limits); this only stops one
        // that does not (SIGTERM, then SIGKILL two seconds later) or one asked to stop
        // (SIGKILL sooner). Once the termination handler ran, Foundation has reaped it.
        if timedOut || stopped {
            kill(pid, SIGTERM)
            if exited.wait(timeout: .now() + (stopped ? stopGrace : .seconds(2))) == .timedOut {
                kill(pid, SIGKILL)
                exited.wait()
            }
        }
        process.waitUntilExit()
        if stdout == .capture {
            pipe.fileHandleForReading.readabilityHandler = nil
            collected.append(pipe.fileHandleForReading.readDataToEndOfFile())
        }
        if let handle = process.standardError as? FileHandle { try? handle.close() }
        return Result(status: process.terminationStatus, output: collected.text, timedOut: timedOut, stopped: stopped)
    }

    /// Bytes gathered from a pipe on Foundation's reading thread.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func append(_ more: Data) { lock.lock(); data.append(more); lock.unlock() }
        var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: data, as: UTF8.self) }
    }
}
