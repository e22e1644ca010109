import LoopscopeRender
import LoopscopeTrace

/// An export as the command line writes it: streamed, and ending its last line.
public enum ExportOutput {
    /// Makes `format` of `trace` into the sink it is given. A format that fails (a width too
    /// small, a selection that names nothing) fails before its first byte, with exit 2.
    public static func producer(_ trace: Trace, format: ExportFormat, options: ExportOptions) -> OutputProducer {
        { (sink) throws(OutputError) in
            let ending = LineEnding(sink)
            do throws(ExportError) {
                try Exporter.write(trace, format: format, options: options, to: ending)
                if ending.last != UInt8(ascii: "\n") {
                    let done = [UInt8(ascii: "\n")].withUnsafeBytes { ending.take($0) }
                    if !done { throw .outputClosed(format: format) }
                }
            } catch {
                throw OutputError("\(error)", code: 2)
            }
        }
    }
}

/// Passes chunks on, remembering the last byte, so a newline can end an output that does
/// not end with one.
final class LineEnding: ByteSink {
    let next: any ByteSink
    private(set) var last: UInt8?

    init(_ next: any ByteSink) { self.next = next }

    func take(_ chunk: UnsafeRawBufferPointer) -> Bool {
        if let byte = chunk.last { last = byte }
        return next.take(chunk)
    }
}
