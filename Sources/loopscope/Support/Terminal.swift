import Foundation
import LoopscopeOutput
import LoopscopeTrace

/// Small facts about where output goes.
enum Terminal {
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) != 0 }

    static var noColor: Bool {
        if let v = ProcessInfo.processInfo.environment["NO_COLOR"] { return !v.isEmpty }
        return false
    }

    /// The width to fit when none is asked for: the terminal's columns when writing to a
    /// terminal (at most 240), else 80, so files and pipes get the same output everywhere.
    static func defaultWidth(writingTo path: String?) -> Int {
        guard path == nil || path == "-", isTerminal(1) else { return 80 }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return min(240, Int(size.ws_col))
    }

    /// After a Python program's trace was shown or written: what the run wrote on standard
    /// error (an escaping exception's traceback), sanitized, so it is not lost.
    static func relay(_ loaded: LoadedTrace) {
        guard !loaded.stderr.isEmpty else { return }
        writeError(Sanitizer.lines(loaded.stderr).joined(separator: "\n") + "\n")
    }

    static func writeError(_ s: String) {
        StandardStreams.err(s)
    }

    /// Throws when standard output cannot take it (a full disk, a closed pipe).
    static func writeOut(_ s: String) throws {
        try StandardStreams.out(s)
    }

    /// Writes `text` to `path` (see `Output.deliver`), or to standard output when `path` is
    /// nil or `-`.
    static func deliver(_ text: String, to path: String?) throws {
        try Output.deliver(Array(text.utf8), to: path)
    }
}
