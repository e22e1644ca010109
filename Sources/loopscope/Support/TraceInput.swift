import Foundation
import LoopscopeDemos
import LoopscopeScheduler

/// Turns a command-line argument — a demo id or a `.jsonl` trace file — into a trace.
enum TraceInput {
    /// A demo, or a trace file (anything that names an existing file, or ends in `.jsonl`).
    static func load(_ argument: String) throws -> Trace {
        if argument.hasSuffix(".jsonl") || FileManager.default.fileExists(atPath: argument) {
            return try decodeFile(argument)
        }
        return try demo(argument).record().trace
    }

    static func demo(_ id: String) throws -> Demo {
        if let demo = DemoCatalog.named(id) { return demo }
        let close = DemoCatalog.closest(to: id)
        throw CLIError("""
            unknown demo '\(id)'. Did you mean: \(close.joined(separator: ", "))? \
            Run `loopscope list` to see every demo, or pass a .jsonl trace file.
            """, code: 2)
    }

    static func decodeFile(_ path: String) throws -> Trace {
        try decodeFileWithVersion(path).trace
    }

    /// A trace file and the format version its header declares.
    static func decodeFileWithVersion(_ path: String) throws -> (trace: Trace, version: Int) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CLIError("\(path) is a folder, not a trace file: pass a .jsonl file written by `loopscope record`.", code: 1)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("cannot read \(path): no such file, or it is not readable.", code: 1)
        }
        do {
            return try TraceJSONL.decodeWithVersion([UInt8](data), sourceName: path)
        } catch {
            throw CLIError("\(error)", code: 1)
        }
    }
}
