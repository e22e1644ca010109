import Glibc

/// How bytes reach a file descriptor. The product uses `write(2)`; a test hands in its own,
/// e.g. one that fails after N bytes as a full disk does, to check what becomes of a
/// half-written output without filling a disk.
public struct DescriptorWriter: Sendable {
    /// Writes at most `buffer.count` bytes of `buffer` to `fd`, as `write(2)` does: returns
    /// how many it wrote, or -1 with `errno` set.
    public var write: @Sendable (_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int

    public init(_ write: @escaping @Sendable (_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int) {
        self.write = write
    }

    /// `write(2)` itself.
    public static let system = DescriptorWriter { fd, buffer in Glibc.write(fd, buffer.baseAddress, buffer.count) }
}

/// Writes to standard output and standard error with `write(2)`, so a full disk, a closed
/// pipe (with SIGPIPE ignored) or `> /dev/full` becomes an error the CLI reports instead of
/// a trap.
public enum StandardStreams {
    /// Why a write failed: the errno, and its words.
    public struct WriteFailure: Error {
        public var code: Int32
        public var reason: String { String(cString: strerror(code)) }
    }

    /// Writes every byte of `bytes` to `fd`, retrying after interruptions and short writes.
    public static func write(_ bytes: some Collection<UInt8>, to fd: Int32) throws(WriteFailure) {
        let failure: WriteFailure? = Array(bytes).withUnsafeBytes { buffer in
            do throws(WriteFailure) { try write(buffer, to: fd) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    /// Writes every byte of `buffer` to `fd`, retrying after interruptions and short writes.
    public static func write(_ buffer: UnsafeRawBufferPointer, to fd: Int32,
                             with writer: DescriptorWriter = .system) throws(WriteFailure) {
        var offset = 0
        while offset < buffer.count {
            let n = writer.write(fd, UnsafeRawBufferPointer(rebasing: buffer[offset...]))
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteFailure(code: errno)
            }
            if n == 0 { throw WriteFailure(code: EIO) }
            offset += n
        }
    }

    /// Standard output; a failure becomes an `OutputError` (exit 1) naming the reason and
    /// what to do.
    public static func out(_ text: String) throws(OutputError) {
        try Output.deliver(Array(text.utf8), to: nil)
    }

    /// Standard error, best effort: when even that fails there is nowhere left to say so.
    public static func err(_ text: String) {
        try? write(text.utf8, to: 2)
    }
}
