import Foundation
import Glibc
import LoopscopeTrace
import Testing

/// `export` and `explain` write as they render: to standard output and to `-o`, with every
/// promise `-o` makes kept when the output is streamed.
@Suite(.serialized, .timeLimit(.minutes(30))) struct StreamingCLITests {
    /// About 10,000 events over 830 lanes: at width 200, every long format is more than one
    /// 64 KB chunk.
    static let big: (path: String, bytes: [UInt8]) = {
        let bytes = TraceJSONL.encodeBytes(SyntheticTrace.make(tasks: 2_500, events: 10_000, seed: 7))
        let path = (try? CLIRunner.temporaryFile("stream-big.jsonl", contents: String(decoding: bytes, as: UTF8.self))) ?? ""
        return (path, bytes)
    }()

    static let longFormats = ["text", "unicode", "breakdown", "markdown", "chrome", "jsonl"]

    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("LoopscopeRenderTests/Golden")

    func read(_ path: String) -> [UInt8] { FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? [] }

    /// The streamed output, on standard output and in a file, is byte for byte the golden
    /// file the string renderer was checked against.
    @Test func streamedOutputIsTheGoldenFile() throws {
        let dir = try CLIProcess.scratchFolder("stream-golden")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = [("sequence", "sequence", "txt"), ("breakdown", "breakdown", "txt"), ("mermaid", "mermaid", "mmd"),
                     ("chrome", "chrome", "json"), ("markdown", "markdown", "md"), ("jsonl", "jsonl", "jsonl"),
                     ("text", "lanes", "text80.txt"), ("unicode", "lanes", "unicode80.txt")]
        for demo in ["seed000-fetch-url", "seed001-futures-await-both", "seed004-jobs-threads"] {
            for (format, folder, ext) in files {
                let expected = read(Self.golden.appendingPathComponent("\(folder)/demos/\(demo).\(ext)").path)
                let folderFile = Self.golden.appendingPathComponent("demos/\(format)/\(demo).\(ext)").path
                let want = expected.isEmpty ? read(folderFile) : expected
                #expect(!want.isEmpty, "no golden file for \(demo) \(format)")
                let args = ["export", demo, "--format", format, "--width", "80", "--no-color"]
                let out = try CLIRunner.run(args)
                #expect(out.status == 0, "\(demo) \(format): \(out.stderr)")
                #expect(Array(out.stdout.utf8) == want, "\(demo) \(format) on standard output")
                let file = dir + "/\(demo).\(format)"
                #expect(try CLIProcess.run(args + ["-o", file]).status == 0)
                #expect(read(file) == want, "\(demo) \(format) with -o")
            }
        }
    }

    /// A long run: standard output and `-o` agree for every long format, and the JSON Lines
    /// export of a file the encoder wrote is that file, byte for byte.
    @Test func aLongRunStreamedIsTheSameOnStandardOutputAndInAFile() throws {
        let dir = try CLIProcess.scratchFolder("stream-long")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for format in Self.longFormats {
            let args = ["export", Self.big.path, "--format", format, "--width", "200"]
            let out = try CLIRunner.run(args)
            #expect(out.status == 0, "\(format): \(out.stderr)")
            #expect(out.stdout.utf8.count > 65536, "\(format): \(out.stdout.utf8.count) bytes")
            #expect(try CLIProcess.run(args + ["-o", dir + "/out"]).status == 0)
            #expect(read(dir + "/out") == Array(out.stdout.utf8), "\(format): -o differs from standard output")
            if format == "jsonl" { #expect(Array(out.stdout.utf8) == Self.big.bytes) }
        }
        let explain = try CLIRunner.run(["explain", Self.big.path, "--width", "200"])
        let breakdown = try CLIRunner.run(["export", Self.big.path, "--format", "breakdown", "--width", "200"])
        #expect(explain.status == 0 && explain.stdout == breakdown.stdout)
    }

    /// A full standard output or output device part-way through a long streamed export:
    /// exit 1 with the reason, never a crash.
    @Test func aFullOutputPartWayIsReportedWithExitOne() throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        for format in Self.longFormats {
            let r = try CLIProcess.run(["export", Self.big.path, "--format", format], stdout: full)
            #expect(r.status == 1 && !r.signalled, "\(format): \(r.status) \(r.stderr)")
            #expect(r.stderr == "loopscope: cannot write to standard output: No space left on device. Free some space,"
                        + " or send the output elsewhere.\n", "\(r.stderr)")
            if getuid() != 0 && (format == "jsonl" || format == "markdown") {
                let f = try CLIProcess.run(["export", Self.big.path, "--format", format, "-o", "/dev/full"])
                #expect(f.status == 1 && f.stderr.contains("cannot write /dev/full: No space left on device"), "\(f.stderr)")
            }
        }
        let explain = try CLIProcess.run(["explain", Self.big.path], stdout: full)
        #expect(explain.status == 1 && explain.stderr.contains("No space left on device"), "\(explain.stderr)")
    }

    /// SIGTERM at the first write of a streamed `-o` export (see `SignalMidWrite`): the
    /// temporary file goes, the old file stays.
    @Test(.enabled(if: SignalMidWrite.available, "strace is not installed: CI installs it"),
          arguments: ["jsonl", "chrome", "breakdown"])
    func aSignalMidStreamRemovesTheTemporaryFile(_ format: String) throws {
        try SignalMidWrite.expectTheOldFileKept(["export", Self.big.path, "--format", format], signal: "TERM",
                                                scratch: "stream-signal-\(format)")
    }

    /// A disk that fills part-way (a file size limit, with SIGXFSZ ignored so the write
    /// fails with EFBIG): exit 1, the old file whole, no temporary file.
    @Test func aFileSizeLimitPartWayKeepsTheOldFile() throws {
        let dir = try CLIProcess.scratchFolder("stream-fsize")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "old".write(toFile: dir + "/out", atomically: false, encoding: .utf8)
        let script = """
            import resource, signal, subprocess, sys
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (300000, 300000))
            p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)
            sys.stdout.write(f"{p.returncode}\\n{p.stderr.decode()}")
            """
        let r = try CLIProcess.runCapturing(["python3", "-c", script, CLIRunner.executable.path, "export", Self.big.path,
                                             "--format", "jsonl", "-o", dir + "/out"])
        #expect(r.hasPrefix("1\n"), "exit status: \(r)")
        #expect(r.contains("File too large") && r.contains("The existing file is unchanged."), "\(r)")
        #expect(read(dir + "/out") == Array("old".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out"])
    }
}
