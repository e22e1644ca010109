import Glibc
import LoopscopeRender

/// A `ByteSink` onto an open file descriptor (standard output, an output file): each chunk
/// is written as it comes, so a long export never waits whole in memory.
///
/// A failed write (a full disk, a closed pipe with SIGPIPE ignored) is kept in `failure`
/// and refuses every later chunk, so the export stops and the caller reports the reason.
final class DescriptorSink: ByteSink {
    let fd: Int32
    let writer: DescriptorWriter
    /// The errno of the first failed write.
    private(set) var failure: Int32?
    /// Bytes written so far.
    private(set) var count = 0

    init(fd: Int32, writer: DescriptorWriter) {
        self.fd = fd
        self.writer = writer
    }

    func take(_ chunk: UnsafeRawBufferPointer) -> Bool {
        guard failure == nil else { return false }
        do {
            try StandardStreams.write(chunk, to: fd, with: writer)
        } catch {
            failure = error.code
            return false
        }
        count += chunk.count
        return true
    }

    /// Hands `bytes` on in chunks of at most 1 MB; false when the sink refused one.
    static func hand(_ bytes: [UInt8], to sink: any ByteSink) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let end = min(raw.count, offset + (1 << 20))
                guard sink.take(UnsafeRawBufferPointer(rebasing: raw[offset..<end])) else { return false }
                offset = end
            }
            return true
        }
    }
}

/// A `ByteSink` that keeps everything, for a file that must be rewritten in place (see
/// `OutputFile`): the output is made whole before the file is touched.
final class MemorySink: ByteSink {
    private(set) var bytes: [UInt8] = []

    func take(_ chunk: UnsafeRawBufferPointer) -> Bool {
        bytes.append(contentsOf: chunk)
        return true
    }
}

/// What makes a command's output: writes it into the sink it is given, and throws (an
/// `OutputError`) when it cannot be made. A sink that refuses bytes has its own reason,
/// which the caller reports instead.
public typealias OutputProducer = (any ByteSink) throws(OutputError) -> Void
