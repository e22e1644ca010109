import Foundation
import LoopscopeDemos
import LoopscopeScheduler

/// Turns a command-line argument — a demo id, a `.jsonl` trace file, or `-` for a trace on
/// standard input — into a trace.
enum TraceInput {
    /// A demo, or a trace file (`-`, anything that names an existing file, or ends in `.jsonl`).
    static func load(_ argument: String) throws -> Trace {
        if isTraceFile(argument) { return try decodeFile(argument) }
        return try demo(argument).record().trace
    }

    /// Whether `load` reads `argument` as a trace file (`-`, standard input, included; not a
    /// `.py` program or a demo).
    static func isTraceFile(_ argument: String) -> Bool {
        isStandardInput(argument)
            || !argument.hasSuffix(".py") && (argument.hasSuffix(".jsonl") || FileManager.default.fileExists(atPath: argument))
    }

    static func demo(_ id: String) throws -> Demo {
        if let demo = DemoCatalog.named(id) { return demo }
        let close = DemoCatalog.closest(to: id)
        throw CLIError("""
            unknown demo '\(id)'. Did you mean: \(close.joined(separator: ", "))? \
            Run `loopscope list` to see every demo, or pass a .jsonl trace file (- reads one from standard input).
            """, code: 2)
    }

    static func decodeFile(_ path: String) throws -> Trace {
        try decodeFileWithVersion(path).trace
    }

    /// A trace file (or standard input, for `-`) and the format version its header declares.
    static func decodeFileWithVersion(_ path: String) throws -> (trace: Trace, version: Int) {
        // Nothing asks it to stop, so it ends with a trace or an error.
        guard let decoded = try decodeFileWithVersion(path, shouldStop: { _, _ in false }) else {
            throw CLIError("reading \(displayName(path)) stopped", code: 1)
        }
        return decoded
    }

    /// A trace file (or standard input, for `-`) and its format version, read a window at a
    /// time (the input is never held whole), asking `shouldStop` with the bytes read so far
    /// and the input's size (0 when unknown: a pipe has none) every few thousand lines, and
    /// every `TraceReader.waitQuestionInterval` while a pipe has nothing to read; nil when
    /// it answered true.
    static func decodeFileWithVersion(_ path: String, shouldStop: @escaping (_ read: Int, _ size: Int) -> Bool) throws
        -> (trace: Trace, version: Int)? {
        if isStandardInput(path) {
            try refuseTerminalInput()
            return try TraceReader.decode(fd: 0, name: standardInputName, shouldStop: shouldStop)
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CLIError("\(path) is a folder, not a trace file: pass a .jsonl file written by `loopscope record`.", code: 1)
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CLIError("cannot read \(path): no such file, or it is not readable.", code: 1) }
        defer { close(fd) }
        return try TraceReader.decode(fd: fd, name: path, shouldStop: shouldStop)
    }
}

extension TraceInput {
    /// The argument that stands for standard input wherever a trace file is read.
    static let standardInputArgument = "-"

    /// How messages name standard input: `<stdin>:3:14: …`, as they name a file `t.jsonl:3:14: …`.
    static let standardInputName = "<stdin>"

    static func isStandardInput(_ argument: String) -> Bool { argument == standardInputArgument }

    /// The refusal when standard input is a terminal: typing a trace is not what anyone means,
    /// and waiting silently for it would look like a hang.
    static let terminalInputMessage = """
        reading a trace from standard input, which is a terminal: pipe a trace in, or name a file \
        (for example `loopscope record seed000-fetch-url | loopscope export - --format text`).
        """

    /// Throws (exit 2) when standard input is a terminal.
    static func refuseTerminalInput() throws {
        if isatty(0) != 0 { throw CLIError(terminalInputMessage, code: 2) }
    }

    /// How messages name the input `argument` reads: the path, or `<stdin>` for `-`.
    static func displayName(_ argument: String) -> String {
        isStandardInput(argument) ? standardInputName : argument
    }
}
