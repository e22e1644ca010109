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

    /// Whether `load` reads `argument` as a trace file (not a `.py` program or a demo).
    static func isTraceFile(_ argument: String) -> Bool {
        !argument.hasSuffix(".py") && (argument.hasSuffix(".jsonl") || FileManager.default.fileExists(atPath: argument))
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
        // Nothing asks it to stop, so it ends with a trace or an error.
        guard let decoded = try decodeFileWithVersion(path, shouldStop: { _, _ in false }) else {
            throw CLIError("reading \(path) stopped", code: 1)
        }
        return decoded
    }

    /// A trace file and its format version, read a window at a time (the file is never held
    /// whole), asking `shouldStop` with the bytes read so far and the file's size every few
    /// thousand lines; nil when it answered true.
    static func decodeFileWithVersion(_ path: String, shouldStop: (_ read: Int, _ size: Int) -> Bool) throws
        -> (trace: Trace, version: Int)? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CLIError("\(path) is a folder, not a trace file: pass a .jsonl file written by `loopscope record`.", code: 1)
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CLIError("cannot read \(path): no such file, or it is not readable.", code: 1) }
        defer { close(fd) }
        var info = stat()
        let regular = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        let size = regular ? Int(info.st_size) : 0
        let state = ReadState()
        let decoded: (trace: Trace, version: Int)?
        do {
            decoded = try withoutActuallyEscaping(shouldStop) { shouldStop in
                try TraceJSONL.decodeWithVersion(reading: { buffer in
                    // A pipe (or a FIFO, `<(…)`) may have nothing to read for a long time: wait
                    // for data a little at a time and ask whether to stop in between, so a key
                    // is not left waiting for the writer. A regular file never blocks.
                    while !regular && !state.stopped {
                        var wait = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                        let ready = poll(&wait, 1, Self.pipePollMilliseconds)
                        if ready > 0 { break }
                        if ready < 0 && errno != EINTR { break }
                        if ready == 0 && shouldStop(state.bytesRead, size) { state.stopped = true }
                    }
                    if state.stopped { return 0 }
                    while true {
                        let n = read(fd, buffer.baseAddress, buffer.count)
                        if n >= 0 { state.bytesRead += n; return n }
                        if errno == EINTR { continue }
                        state.errorNumber = errno
                        return 0
                    }
                }, sourceName: path, sizeHint: size > 0 ? size : nil, shouldStop: { shouldStop($0, size) })
            }
        } catch {
            if state.stopped { return nil }
            try state.check(path)
            throw CLIError("\(error)", code: 1)
        }
        if state.stopped { return nil }
        try state.check(path)
        return decoded
    }

    /// How long a read from a pipe waits for data before asking again whether to stop.
    static let pipePollMilliseconds: Int32 = 20

    /// What reading the file met: an error from `read(2)` (reported instead of what the
    /// decoder made of the input cut short), or a stop asked while waiting on a pipe.
    private final class ReadState {
        var errorNumber: Int32 = 0
        var stopped = false
        var bytesRead = 0

        func check(_ path: String) throws {
            guard errorNumber != 0 else { return }
            throw CLIError("cannot read \(path): \(String(cString: strerror(errorNumber))).", code: 1)
        }
    }
}
