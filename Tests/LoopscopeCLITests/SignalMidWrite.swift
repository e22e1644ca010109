import Foundation
import Glibc
import Testing

/// A real signal sent to `loopscope` in the middle of writing an `-o` file, with nothing in
/// the product to help: strace stops the process at its first `write(2)` (the first bytes
/// into the output's temporary file) and has the kernel deliver the signal as that write
/// returns. strace's log of the calls then shows that the temporary file was made and
/// written to before the signal came, and that the handler removed it.
enum SignalMidWrite {
    static let strace = "/usr/bin/strace"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: strace) }

    /// What strace saw: the temporary file's path, and whether it was written to and then
    /// removed, in that order, after the signal.
    struct Seen: CustomStringConvertible {
        var temporary: String?
        var writtenThenRemoved = false
        var log = ""
        var description: String { "temporary file \(temporary ?? "none"), log:\n\(log)" }
    }

    /// Runs `loopscope arguments` under strace, which sends `SIG<signal>` (TERM, INT, HUP) at
    /// its first write.
    static func run(_ arguments: [String], signal: String) throws -> (result: CLIProcess.Result, seen: Seen) {
        let logFolder = try CLIProcess.scratchFolder("strace-\(signal)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: logFolder) }
        let log = logFolder + "/calls"
        // Foundation starts children with every signal blocked; the shell starts its own
        // child with them unblocked, as a terminal's shell does, so the signal is delivered
        // at once, and the shell reports it as 128 + its number (strace ends itself with
        // the signal that ended the process it ran).
        let result = try CLIProcess.run(["-c", "\"$0\" \"$@\"", strace, "-f", "-qq", "-o", log,
                                         "-e", "trace=openat,write,unlink,rename",
                                         "-e", "inject=write:signal=SIG\(signal):when=1",
                                         CLIRunner.executable.path] + arguments, executable: "/bin/sh")
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return (result, seen(in: text))
    }

    /// With an old file `out` in a scratch folder, runs `loopscope arguments -o out` with
    /// `SIG<signal>` at its first write, and checks that the process ended by that signal
    /// while it wrote the temporary file, that the handler removed that file, and that the old
    /// file is whole.
    static func expectTheOldFileKept(_ arguments: [String], signal: String, scratch: String,
                                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dir = try CLIProcess.scratchFolder(scratch)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "old".write(toFile: dir + "/out", atomically: false, encoding: .utf8)
        let (r, seen) = try run(arguments + ["-o", dir + "/out"], signal: signal)
        let number: Int32 = ["TERM": SIGTERM, "INT": SIGINT, "HUP": SIGHUP][signal] ?? 0
        #expect(r.status == 128 + number, "ended by the signal: \(r.status) \(r.stderr)", sourceLocation: sourceLocation)
        #expect(seen.writtenThenRemoved, "the signal came while the temporary file was written: \(seen)",
                sourceLocation: sourceLocation)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out"], "no temporary file left",
                sourceLocation: sourceLocation)
        #expect(FileManager.default.contents(atPath: dir + "/out") == Data("old".utf8), "the old file is whole",
                sourceLocation: sourceLocation)
    }

    /// Finds the temporary file's creation, then a write to its descriptor, the signal, and
    /// the file's removal, in that order.
    static func seen(in log: String) -> Seen {
        let lines = log.split(separator: "\n").map(String.init)
        var seen = Seen(log: lines.filter { !$0.contains("/lib") && !$0.contains("/proc/") }.joined(separator: "\n"))
        guard let made = lines.firstIndex(where: { $0.contains(".loopscope-") && $0.contains("O_CREAT|O_EXCL") }),
              let path = lines[made].split(separator: "\"").dropFirst().first.map(String.init),
              let fd = lines[made].split(separator: "=").last?.trimmingCharacters(in: .whitespaces),
              Int(fd) != nil else { return seen }
        seen.temporary = path
        let rest = lines[(made + 1)...]
        guard let written = rest.firstIndex(where: { $0.contains("write(\(fd),") }),
              let signalled = rest[(written + 1)...].firstIndex(where: { $0.contains("--- SIG") }),
              rest[(signalled + 1)...].contains(where: { $0.contains("unlink(\"\(path)\") = 0") }) else { return seen }
        seen.writtenThenRemoved = true
        return seen
    }
}
