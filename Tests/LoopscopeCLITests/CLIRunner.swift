import Foundation

/// The built `loopscope` executable, which sits beside the test bundle in the build folder
/// (`swift test` builds it too), and the usual way to run it (see `CLIProcess`).
enum CLIRunner {
    /// `LOOPSCOPE_EXECUTABLE` overrides it (e.g. to run these tests against an older build).
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["LOOPSCOPE_EXECUTABLE"] { return URL(fileURLWithPath: path) }
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return testBinary.deletingLastPathComponent().appendingPathComponent("loopscope")
    }

    /// Runs `loopscope arguments` with standard output and standard error captured. The
    /// time limit only ends a hang: the longest of these runs takes seconds.
    static func run(_ arguments: [String], environment: [String: String] = [:], removing: [String] = [],
                    input: String? = nil) throws -> CLIProcess.Result {
        try CLIProcess.run(arguments, captureStdout: true, environment: environment, removing: removing,
                           input: input, timeLimit: 600)
    }

    static func temporaryFile(_ name: String, contents: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("loopscope-cli-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
