/// Hands the decoder a trace file a window at a time, so a huge file is never held whole.
///
/// Each window ends just after a newline, or at the end of the input: no line is ever split
/// between two windows, so the scanner sees every line exactly as it would in one buffer
/// (and reports the same errors at the same places). The first window also holds at least
/// one byte that is not blank (space, tab, CR, LF), or else all of the input, so telling an
/// empty trace from blank lines before the header needs no look beyond it. A line longer
/// than the buffer grows it.
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
    private let read: (UnsafeMutableBufferPointer<UInt8>) -> Int

    init(chunkSize: Int, read: @escaping (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        storage = .allocate(capacity: max(chunkSize, 1))
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
        }
        while true {
            if ended {
                guard filled > 0 else { return nil }
                return window(upTo: filled)
            }
            if let cut = lastNewline(), !first || hasNonBlank(upTo: cut + 1) {
                return window(upTo: cut + 1)
            }
            if filled == storage.count { grow() }
            let n = read(UnsafeMutableBufferPointer(rebasing: storage[filled...]))
            if n > 0 { filled += min(n, storage.count - filled) } else { ended = true }
        }
    }

    private func window(upTo end: Int) -> UnsafeBufferPointer<UInt8> {
        handedOut = end
        first = false
        return UnsafeBufferPointer(rebasing: storage[0..<end])
    }

    private func lastNewline() -> Int? {
        var i = filled - 1
        while i >= 0 {
            if storage[i] == 0x0A { return i }
            i -= 1
        }
        return nil
    }

    private func hasNonBlank(upTo end: Int) -> Bool {
        for i in 0..<end {
            let b = storage[i]
            if b != 0x20 && b != 0x09 && b != 0x0D && b != 0x0A { return true }
        }
        return false
    }

    private func grow() {
        let bigger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: storage.count * 2)
        _ = bigger.initialize(from: storage[0..<filled])
        storage.deallocate()
        storage = bigger
    }
}
