import Glibc

/// Writes to standard output and standard error with `write(2)`, so a full disk, a closed
/// pipe (with SIGPIPE ignored) or `> /dev/full` becomes an error the CLI reports instead of
/// a trap.
enum StandardStreams {
    /// Why a write failed: the errno, and its words.
    struct WriteFailure: Error {
        var code: Int32
        var reason: String { String(cString: strerror(code)) }
    }

    /// Writes every byte of `bytes` to `fd`, retrying after interruptions and short writes.
    static func write(_ bytes: some Collection<UInt8>, to fd: Int32) throws(WriteFailure) {
        let failure: WriteFailure? = Array(bytes).withUnsafeBytes { buffer in
            do throws(WriteFailure) { try write(buffer, to: fd) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    /// Writes every byte of `buffer` to `fd`, retrying after interruptions and short writes.
    static func write(_ buffer: UnsafeRawBufferPointer, to fd: Int32) throws(WriteFailure) {
        var offset = 0
        while offset < buffer.count {
            let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteFailure(code: errno)
            }
            if n == 0 { throw WriteFailure(code: EIO) }
            offset += n
        }
    }

    /// Standard output; a failure becomes a `CLIError` (exit 1) naming the reason.
    static func out(_ text: String) throws(CLIError) {
        do {
            try write(text.utf8, to: 1)
        } catch {
            throw CLIError("cannot write to standard output: \(error.reason).")
        }
    }

    /// Standard error, best effort: when even that fails there is nowhere left to say so.
    static func err(_ text: String) {
        try? write(text.utf8, to: 2)
    }
}
