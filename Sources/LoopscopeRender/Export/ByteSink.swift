/// Where a streamed export goes: it takes the output's bytes in order, a chunk at a time.
///
/// ```swift
/// final class Collect: ByteSink {
///     var bytes: [UInt8] = []
///     func take(_ chunk: UnsafeRawBufferPointer) -> Bool { bytes += chunk; return true }
/// }
/// let sink = Collect()
/// try Exporter.write(trace, format: .chrome, options: ExportOptions(), to: sink)
/// ```
///
/// The render layer only hands bytes on; the caller decides where they go (the command line
/// writes them to standard output or a file as they come). A chunk may end inside a UTF-8
/// sequence: only the bytes of all chunks together are text.
public protocol ByteSink: AnyObject {
    /// Takes the next bytes of the output. Returns false when it cannot take any more (a
    /// full disk, a closed pipe): the export then stops at once and throws
    /// `ExportError.outputClosed`; the sink keeps the reason, to report it.
    func take(_ chunk: UnsafeRawBufferPointer) -> Bool
}

/// A sink that keeps every byte: what `Exporter.render` collects its string in.
final class CollectingSink: ByteSink {
    var bytes: [UInt8] = []

    func take(_ chunk: UnsafeRawBufferPointer) -> Bool {
        bytes.append(contentsOf: chunk)
        return true
    }
}

/// Hands a renderer's bytes on to a sink in chunks of `chunkSize` bytes (the last one may be
/// shorter), so an export of any length holds about one chunk in memory.
///
/// A renderer appends to its own `[UInt8]` buffer and calls `spill` where a line ends (a
/// renderer may still trim the line it is writing, so it never spills inside one), and
/// `finish` at the end.
struct ExportStream {
    let sink: any ByteSink
    let chunkSize: Int
    let format: ExportFormat
    /// The most bytes a renderer had gathered when it handed them on: how much output was
    /// held at once (for the tests; the buffer only grows between hand-overs).
    let held = Gauge()

    final class Gauge {
        var peak = 0
    }

    init(sink: any ByteSink, chunkSize: Int, format: ExportFormat) {
        self.sink = sink
        self.chunkSize = max(1, chunkSize)
        self.format = format
    }

    /// A buffer with room for a chunk and the line that completes it.
    func buffer() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(min(chunkSize, 1 << 20) + 4096)
        return out
    }

    /// Hands on every whole chunk in `out` once there is at least one, keeping the rest.
    @inline(__always)
    func spill(_ out: inout [UInt8]) throws(ExportError) {
        guard out.count >= chunkSize else { return }
        try hand(&out, all: false)
    }

    /// Hands on everything left in `out`.
    func finish(_ out: inout [UInt8]) throws(ExportError) {
        try hand(&out, all: true)
    }

    private func hand(_ out: inout [UInt8], all: Bool) throws(ExportError) {
        held.peak = max(held.peak, out.count)
        let end = all ? out.count : out.count / chunkSize * chunkSize
        guard end > 0 else { return }
        let size = chunkSize
        let taken = out.withUnsafeBytes { raw in
            var offset = 0
            while offset < end {
                let next = min(end, offset + size)
                guard sink.take(UnsafeRawBufferPointer(rebasing: raw[offset..<next])) else { return false }
                offset = next
            }
            return true
        }
        guard taken else { throw .outputClosed(format: format) }
        out.removeFirst(end)
    }
}

extension ExportStream {
    /// Runs `body` with a stream into memory and returns what it wrote, as text.
    static func collect(_ format: ExportFormat,
                        _ body: (ExportStream, inout [UInt8]) throws(ExportError) -> Void) throws(ExportError) -> String {
        let sink = CollectingSink()
        let stream = ExportStream(sink: sink, chunkSize: 1 << 20, format: format)
        var out = stream.buffer()
        try body(stream, &out)
        try stream.finish(&out)
        return String(decoding: sink.bytes, as: UTF8.self)
    }
}
