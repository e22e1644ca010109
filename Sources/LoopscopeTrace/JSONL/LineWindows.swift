/// Hands the decoder a trace file a window at a time, so a huge file is never held whole.
///
/// Each window ends just after a newline, or at the end of the input: no line is ever split
/// between two windows, so the scanner sees every line exactly as it would in one buffer
/// (and reports the same errors at the same places). The first window also holds at least
/// one byte that is not blank (space, tab, CR, LF), or else all of the input, so telling an
/// empty trace from blank lines before the header needs no look beyond it. A line longer
/// than the buffer grows it.
///
/// Two inputs end a window before its line does (`cut`): a line that does not start with
/// `{` (past blanks and, first, a byte-order mark) once it fills the buffer — binary
/// garbage, say, which the decoder refuses at that first byte whatever follows, so nothing
/// more is read; and a line longer than `maxLine` bytes, which is never read further.
///
/// Each byte is looked at once when searching for line ends, however the input arrives
/// (a pipe hands out 64 KB or less a read), so a long line costs time in proportion to it.
///
/// `read` fills the buffer it is given from the start and returns how many bytes it wrote;
/// 0 (or less) means the input ended.
final class LineWindows {
    private var storage: UnsafeMutableBufferPointer<UInt8>
    /// Bytes of `storage` holding input.
    private var filled = 0
    /// Bytes of `storage` already handed out (the front of the current window is 0).
    private var handedOut = 0
    private var ended = false
    private var first = true
    private let maxLine: Int
    private let read: (UnsafeMutableBufferPointer<UInt8>) -> Int
    /// The last newline in `storage[0..<searched]`, and how far that search has got.
    private var lastNewline: Int?
    private var searched = 0
    /// The first byte of `storage[0..<blankSearched]` that is not blank, for the first window.
    private var firstNonBlank: Int?
    private var blankSearched = 0
    /// Whether a window was handed out before its line ended (see the type's notes).
    private(set) var cut = false

    init(chunkSize: Int, maxLine: Int, read: @escaping (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        storage = .allocate(capacity: max(chunkSize, 1))
        self.maxLine = max(maxLine, 1)
        self.read = read
    }

    deinit { storage.deallocate() }

    /// The next window, or nil when every byte was handed out. The window before it is no
    /// longer valid.
    func next() -> UnsafeBufferPointer<UInt8>? {
        if handedOut > 0 {
            let rest = filled - handedOut
            if rest > 0 {
                UnsafeMutableRawPointer(storage.baseAddress!).copyMemory(
                    from: storage.baseAddress! + handedOut, byteCount: rest)
            }
            filled = rest
            handedOut = 0
            // A window ends after the last newline: what is left has none.
            lastNewline = nil
            searched = rest
        }
        while true {
            if ended {
                guard filled > 0 else { return nil }
                return window(upTo: filled)
            }
            if let end = newline(), !first || nonBlank(before: end + 1) {
                return window(upTo: end + 1)
            }
            if filled == storage.count {
                if filled >= maxLine || startsWithoutBrace() {
                    cut = true
                    ended = true
                    continue
                }
                grow()
            }
            let n = read(UnsafeMutableBufferPointer(rebasing: storage[filled...]))
            if n > 0 { filled += min(n, storage.count - filled) } else { ended = true }
        }
    }

    private func window(upTo end: Int) -> UnsafeBufferPointer<UInt8> {
        handedOut = end
        first = false
        return UnsafeBufferPointer(rebasing: storage[0..<end])
    }

    /// The last newline in what was read, looking only at bytes not looked at before.
    private func newline() -> Int? {
        var i = filled - 1
        while i >= searched {
            if storage[i] == 0x0A {
                lastNewline = i
                break
            }
            i -= 1
        }
        searched = filled
        return lastNewline
    }

    private static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }

    /// Whether a byte before `end` is not blank, looking only at bytes not looked at before.
    private func nonBlank(before end: Int) -> Bool {
        if firstNonBlank == nil {
            var i = blankSearched
            while i < end {
                if !Self.isBlank(storage[i]) {
                    firstNonBlank = i
                    break
                }
                i += 1
            }
            blankSearched = max(blankSearched, end)
        }
        return firstNonBlank.map { $0 < end } ?? false
    }

    /// Whether the line in the full buffer starts (past blanks, and in the first window a
    /// byte-order mark) with a byte other than `{`: no line of a trace does, and the decoder
    /// stops at that byte, so reading on would only fill memory.
    private func startsWithoutBrace() -> Bool {
        var i = 0
        if first {
            let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
            let n = min(3, filled)
            if n > 0 && (0..<n).allSatisfy({ storage[$0] == mark[$0] }) {
                if n < 3 { return false }
                i = 3
            }
        }
        while i < filled && Self.isBlank(storage[i]) { i += 1 }
        return i < filled && storage[i] != UInt8(ascii: "{")
    }

    private func grow() {
        let bigger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: min(storage.count * 2, max(maxLine, storage.count)))
        _ = bigger.initialize(from: storage[0..<filled])
        storage.deallocate()
        storage = bigger
    }
}
