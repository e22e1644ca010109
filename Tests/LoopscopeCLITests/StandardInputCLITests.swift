import Foundation
import LoopscopeTestSupport
import LoopscopeTrace
import Testing

/// `-` reads a trace from standard input wherever a trace file is read (`validate`,
/// `export`, `explain`): the same output byte for byte as the file gives, errors naming the
/// input `<stdin>:line:col`, and clear refusals of an empty input, of garbage and of a
/// terminal on standard input. Before, `-` was taken for a demo id ("unknown demo '-'").
@Suite(.serialized, .timeLimit(.minutes(30))) struct StandardInputCLITests {
    static let demo = "seed000-fetch-url"

    /// Every `--format` `export` lists (checked against its `--help` below).
    static let formats = ["text", "unicode", "sequence", "breakdown", "mermaid", "chrome", "markdown", "jsonl"]

    static let trace: (path: String, bytes: [UInt8]) = {
        let text = (try? CLIRunner.run(["record", demo]).stdout) ?? ""
        let path = (try? CLIRunner.temporaryFile("stdin-demo.jsonl", contents: text)) ?? ""
        return (path, Array(text.utf8))
    }()

    func fromFile(_ arguments: [String]) throws -> CLIProcess.Result {
        // The file's run gets an empty pipe on standard input, so only the argument differs.
        try CLIProcess.runPiping(arguments, input: [])
    }

    @Test func theFormatListIsEveryFormatExportTakes() throws {
        let help = try CLIRunner.run(["export", "--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
            .split(separator: " ").joined(separator: " ")
        #expect(help.contains("One of: " + (Self.formats + ["screen"]).joined(separator: ", ")), "\(help)")
    }

    @Test func validateReadsStandardInput() throws {
        #expect(!Self.trace.bytes.isEmpty)
        let piped = try CLIProcess.runPiping(["validate", "-"], input: Self.trace.bytes)
        let file = try fromFile(["validate", Self.trace.path])
        #expect(piped.status == 0, "\(piped.stderr)")
        let said = piped.stdout
        #expect(said.hasPrefix("<stdin>: ok — "), "\(said)")
        let fileSaid = file.stdout
        #expect(said.dropFirst("<stdin>".count) == fileSaid.dropFirst(Self.trace.path.count), "\(said) vs \(fileSaid)")
    }

    /// `export - --format X` writes exactly what `export FILE --format X` writes, for every
    /// format and the player's screen; `explain -` exactly what `explain FILE` does.
    @Test func everyFormatFromStandardInputIsTheFileOutputByteForByte() throws {
        var commands = Self.formats.map { ["export", "--format", $0, "--width", "80", "--no-color"] }
        commands.append(["export", "--format", "screen", "--step", "7"])
        commands.append(["export", "--format", "screen", "--step", "3", "--width", "100", "--height", "30", "--unicode"])
        commands.append(["explain", "--width", "90"])
        for command in commands {
            let (verb, options) = (command[0], Array(command.dropFirst()))
            let piped = try CLIProcess.runPiping([verb, "-"] + options, input: Self.trace.bytes)
            let file = try fromFile([verb, Self.trace.path] + options)
            #expect(piped.status == 0 && !piped.signalled, "\(command): \(piped.stderr)")
            #expect(file.status == 0, "\(command): \(file.stderr)")
            #expect(!piped.stdoutBytes.isEmpty, "\(command): nothing written")
            let same = piped.stdoutBytes == file.stdoutBytes
            #expect(same, "\(command): standard input and the file differ")
        }
    }

    /// A trace of many pipe buffers (about 10,000 events) streams in like a file: the same
    /// bytes out, for the JSON Lines copy (the trace itself) and the lanes.
    @Test func aLongTraceOnStandardInputIsReadWhole() throws {
        let bytes = TraceJSONL.encodeBytes(SyntheticTrace.make(tasks: 2_500, events: 10_000, seed: 7))
        #expect(bytes.count > 4 * 65_536)
        let path = try CLIRunner.temporaryFile("stdin-long.jsonl", contents: String(decoding: bytes, as: UTF8.self))
        let copy = try CLIProcess.runPiping(["export", "-", "--format", "jsonl"], input: bytes)
        #expect(copy.status == 0, "\(copy.stderr)")
        let copied = copy.stdoutBytes == bytes
        #expect(copied, "the JSON Lines export of the trace is the trace (\(copy.stdoutBytes.count) of \(bytes.count) bytes)")
        let lanes = try CLIProcess.runPiping(["export", "-", "--format", "text", "-w", "200"], input: bytes)
        let fileLanes = try fromFile(["export", path, "--format", "text", "-w", "200"])
        let same = !lanes.stdoutBytes.isEmpty && lanes.stdoutBytes == fileLanes.stdoutBytes
        #expect(same, "the lanes from standard input and from the file differ: \(lanes.stderr)")
    }

    /// A decode error names the input `<stdin>:line:col`, with the message a file gets.
    @Test func errorsNameStandardInputWithLineAndColumn() throws {
        var lines = String(decoding: Self.trace.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        lines[3] = #"{"seq":3,"t":0,"kind":}"#
        let broken = lines.joined(separator: "\n")
        let path = try CLIRunner.temporaryFile("stdin-broken.jsonl", contents: broken)
        for command in [["validate"], ["explain"], ["export", "--format", "chrome"], ["export", "--format", "screen", "--step", "2"]] {
            let piped = try CLIProcess.runPiping([command[0], "-"] + command.dropFirst(), input: Array(broken.utf8))
            let file = try fromFile([command[0], path] + command.dropFirst())
            #expect(piped.status == 1, "\(command): \(piped.stderr)")
            #expect(piped.stderr.hasPrefix("loopscope: <stdin>:4:"), "\(command): \(piped.stderr)")
            #expect(piped.stderr.replacingOccurrences(of: "<stdin>", with: path) == file.stderr,
                    "\(command): \(piped.stderr) vs \(file.stderr)")
            #expect(piped.stdoutBytes.isEmpty)
        }
    }

    @Test func anEmptyInputIsAnEmptyTrace() throws {
        for input in ["", "\n\n  \n"] {
            for command in [["validate"], ["export", "--format", "text"], ["explain"]] {
                let r = try CLIProcess.runPiping([command[0], "-"] + command.dropFirst(), input: Array(input.utf8))
                #expect(r.status == 1 && !r.signalled, "\(command) \(input.debugDescription): \(r.stderr)")
                #expect(r.stderr.contains("<stdin>:") && r.stderr.contains("empty trace"), "\(r.stderr)")
            }
        }
    }

    /// Binary garbage (seeded bytes, some of them controls and escapes): a clear error naming
    /// standard input, nothing raw on the terminal, no crash.
    @Test func binaryGarbageIsRefusedClearly() throws {
        var rng = SplitMix64(seed: 11)
        let garbage = (0..<6_000).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        for command in [["validate"], ["export", "--format", "mermaid"], ["explain"]] {
            let r = try CLIProcess.runPiping([command[0], "-"] + command.dropFirst(), input: garbage, timeLimit: 60)
            #expect(!r.timedOut && r.status == 1 && !r.signalled, "\(command): \(r.status) \(r.stderr)")
            #expect(r.stderr.hasPrefix("loopscope: <stdin>:1:"), "\(r.stderr.debugDescription)")
            #expect(!r.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) },
                    "\(r.stderr.debugDescription)")
        }
    }

    /// A huge stream that is not a trace — 200 MB of NUL bytes, as `/dev/zero` gives — is
    /// refused at its first byte without being read on; `/dev/zero` itself, named as a file,
    /// too (before, the reader grew its buffer for ever, looking through all of it after
    /// every read).
    @Test func aHugeStreamOfGarbageIsRefusedAtItsFirstByte() throws {
        let zeros = [UInt8](repeating: 0, count: 200 << 20)
        let piped = try CLIProcess.runPiping(["validate", "-"], input: zeros, timeLimit: 120)
        #expect(!piped.timedOut && piped.status == 1 && !piped.signalled, "\(piped.status) \(piped.stderr)")
        #expect(piped.stderr.hasPrefix("loopscope: <stdin>:1:1: missing trace header"), "\(piped.stderr)")
        let device = try CLIProcess.run(["export", "/dev/zero", "--format", "text"], timeLimit: 120)
        #expect(!device.timedOut && device.status == 1, "\(device.status) \(device.stderr)")
        #expect(device.stderr.hasPrefix("loopscope: /dev/zero:1:1: missing trace header"), "\(device.stderr)")
    }

    /// A line that goes on past the longest line read (128 MiB) is refused on that line,
    /// saying so, instead of filling memory for as long as the writer writes.
    @Test func aLineLongerThanTheLongestLineIsRefused() throws {
        let header = String(decoding: Self.trace.bytes, as: UTF8.self).split(separator: "\n")[0] + "\n"
        var input = Array((header + #"{"seq":0,"kind":"printed","stream":"stdout","text":""#).utf8)
        input += [UInt8](repeating: UInt8(ascii: "a"), count: 130 << 20)
        let r = try CLIProcess.runPiping(["export", "-", "--format", "chrome"], input: input, timeLimit: 300)
        #expect(!r.timedOut && r.status == 1 && !r.signalled, "\(r.status) \(r.stderr)")
        #expect(r.stderr.hasPrefix("loopscope: <stdin>:2:1: this line is longer than 128 MiB"), "\(r.stderr)")
    }

    /// `--force` and the consistency check work as they do for a file.
    @Test func anInconsistentTraceIsRefusedUnlessForced() throws {
        let input = Array(HostileTraces.minToMax.utf8)
        let refused = try CLIProcess.runPiping(["export", "-", "--format", "text"], input: input)
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(refused.stderr.contains("<stdin> is well-formed but inconsistent") && refused.stderr.contains("--force"),
                "\(refused.stderr)")
        let forced = try CLIProcess.runPiping(["export", "-", "--format", "text", "--force"], input: input)
        #expect(forced.status == 0 && !forced.stdoutBytes.isEmpty, "\(forced.stderr)")
        let validate = try CLIProcess.runPiping(["validate", "-"], input: input)
        #expect(validate.status == 1 && validate.stderr.contains("<stdin> is well-formed but inconsistent"),
                "\(validate.stderr)")
    }

    /// `loopscope export -` typed with nothing piped in would wait for a trace typed at the
    /// keyboard: every reader refuses at once instead, with exit 2.
    @Test func aTerminalOnStandardInputIsRefused() throws {
        for command in [["validate"], ["export", "--format", "text"], ["explain"], ["export", "--format", "screen", "--step", "1"],
                        ["play"]] {
            let r = try CLIProcess.runOnTerminal([command[0], "-"] + command.dropFirst())
            #expect(!r.timedOut, "\(command) waited for the terminal")
            #expect(r.status == 2, "\(command): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("reading a trace from standard input, which is a terminal: pipe a trace in, or name a file"),
                    "\(command): \(r.stderr)")
        }
    }

    /// `play -` with its output not a terminal refuses as `play FILE` does, after nothing
    /// was read.
    @Test func playFromStandardInputStillNeedsATerminalToDrawOn() throws {
        let r = try CLIProcess.runPiping(["play", "-"], input: Self.trace.bytes, timeLimit: 60)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("standard output is not one"), "\(r.stderr)")
    }
}
