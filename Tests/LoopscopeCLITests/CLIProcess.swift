import Foundation

/// Runs `loopscope` with more control than `CLIRunner.run`: standard output sent where the
/// test says, extra environment, and a time limit after which the process is killed (so a
/// hang fails the test instead of stalling the run).
struct CLIProcess {
    struct Result {
        var status: Int32
        /// Whether the process ended by a signal (`status` is then the signal number).
        var signalled: Bool
        var stderr: String
        var timedOut: Bool
    }

    static func run(_ arguments: [String], executable: String = CLIRunner.executable.path,
                    stdout: FileHandle? = nil, environment: [String: String] = [:],
                    timeLimit: Double = 60) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let err = Pipe()
        process.standardOutput = stdout ?? FileHandle.nullDevice
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        let errData = LockedData()
        let reader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        var timedOut = false
        if done.wait(timeout: .now() + timeLimit) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            done.wait()
        }
        return Result(status: process.terminationStatus,
                      signalled: process.terminationReason == .uncaughtSignal,
                      stderr: String(decoding: errData.waitForData(), as: UTF8.self), timedOut: timedOut)
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
