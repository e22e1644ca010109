/// Hands `bytes` out as a file or a pipe does, for a decoder that reads through a function:
/// each read fills as much of the buffer it is given as is left (at most `atMost` bytes at a
/// time, as a pipe might hand them out), and 0 at the end.
public final class ByteFeed {
    public let bytes: [UInt8]
    public let atMost: Int
    /// How many bytes were handed out so far.
    public private(set) var offset = 0

    public init(_ bytes: [UInt8], atMost: Int = .max) {
        self.bytes = bytes
        self.atMost = atMost
    }

    public func read(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let n = min(buffer.count, atMost, bytes.count - offset)
        for i in 0..<n { buffer[i] = bytes[offset + i] }
        offset += n
        return n
    }
}
