import Foundation

/// Runs `loopscope` (or another program) and waits for it: standard output captured, sent
/// where the test says or dropped; extra environment; text on standard input; and a time
/// limit after which the process is killed, so a hang fails the test instead of stalling
/// the run. Every command-line test runs its processes through here.
struct CLIProcess {
    struct Result {
        var status: Int32
        /// Whether the process ended by a signal (`status` is then the signal number).
        var signalled: Bool
        /// What it wrote on standard output, when that was captured (else empty).
        var stdout: String
        /// The same, byte for byte.
        var stdoutBytes: [UInt8]
        var stderr: String
        var timedOut: Bool
    }

    /// - Parameters:
    ///   - stdout: where standard output goes; nil: captured in the result when
    ///     `captureStdout`, else dropped.
    ///   - removing: environment variables the process must not see.
    ///   - input: text on standard input (else /dev/null).
    ///   - inputBytes: bytes on standard input, through a pipe written from a thread (so an
    ///     input larger than the pipe's buffer cannot block the test, and a process that
    ///     stops reading early does not end the test run by SIGPIPE).
    ///   - stdin: a file standard input reads instead (a pseudo-terminal, say).
    static func run(_ arguments: [String], executable: String = CLIRunner.executable.path,
                    stdout: FileHandle? = nil, captureStdout: Bool = false,
                    environment: [String: String] = [:], removing: [String] = [], input: String? = nil,
                    inputBytes: [UInt8]? = nil, stdin: FileHandle? = nil,
                    timeLimit: Double = 60) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        for k in removing { env[k] = nil }
        process.environment = env
        let out = Pipe(), err = Pipe(), inputPipe = Pipe()
        process.standardOutput = stdout ?? (captureStdout ? out : FileHandle.nullDevice)
        process.standardError = err
        let feed = inputBytes ?? input.map { Array($0.utf8) }
        // The pipe itself, so the child gets its reading end only (and sees the end of input).
        process.standardInput = stdin ?? (feed == nil ? FileHandle.nullDevice : inputPipe)
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        let outData = LockedData(), errData = LockedData()
        if stdout == nil && captureStdout {
            Thread { outData.set(out.fileHandleForReading.readDataToEndOfFile()) }.start()
        } else {
            outData.set(Data())
        }
        Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }.start()
        if let feed, stdin == nil {
            signal(SIGPIPE, SIG_IGN)
            let writer = inputPipe.fileHandleForWriting
            Thread {
                feed.withUnsafeBytes { buffer in
                    var offset = 0
                    while offset < buffer.count {
                        let n = write(writer.fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                        if n < 0 && errno == EINTR { continue }
                        if n <= 0 { break }
                        offset += n
                    }
                }
                try? writer.close()
            }.start()
        }
        var timedOut = false
        if done.wait(timeout: .now() + timeLimit) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            done.wait()
        }
        let outBytes = [UInt8](outData.waitForData())
        return Result(status: process.terminationStatus,
                      signalled: process.terminationReason == .uncaughtSignal,
                      stdout: String(decoding: outBytes, as: UTF8.self), stdoutBytes: outBytes,
                      stderr: String(decoding: errData.waitForData(), as: UTF8.self), timedOut: timedOut)
    }

    /// Runs a program through `env` and returns what it printed on standard output.
    static func runCapturing(_ arguments: [String]) throws -> String {
        try run(arguments, executable: "/usr/bin/env", captureStdout: true, timeLimit: 600).stdout
    }

    /// A scratch folder for one test, removed by the caller.
    static func scratchFolder(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("loopscope-\(name)-\(getpid())").path
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// Data handed from a reader thread to the test.
final class LockedData: @unchecked Sendable {
    private let lock = NSCondition()
    private var data: Data?

    func set(_ d: Data) {
        lock.lock(); data = d; lock.signal(); lock.unlock()
    }

    var isSet: Bool {
        lock.lock(); defer { lock.unlock() }
        return data != nil
    }

    func waitForData() -> Data {
        lock.lock(); defer { lock.unlock() }
        while data == nil { lock.wait() }
        return data!
    }
}
