import Glibc
import LoopscopeRender
import LoopscopeTrace

/// An export as the command line writes it: streamed, and ending its last line.
enum ExportOutput {
    /// Makes `format` of `trace` into the sink it is given. A format that fails (a width too
    /// small, a selection that names nothing) fails before its first byte, with exit 2.
    static func producer(_ trace: Trace, format: ExportFormat, options: ExportOptions) -> OutputProducer {
        { (sink) throws(CLIError) in
            let failing = FailingSink.fromEnvironment(sink)
            let ending = LineEnding(failing ?? sink)
            do throws(ExportError) {
                try Exporter.write(trace, format: format, options: options, to: ending)
                if ending.last != UInt8(ascii: "\n") {
                    let done = [UInt8(ascii: "\n")].withUnsafeBytes { ending.take($0) }
                    if !done { throw .outputClosed(format: format) }
                }
            } catch {
                if failing?.tripped == true {
                    throw CLIError("could not write the \(format.rawValue) export: it failed part-way, as"
                        + " LOOPSCOPE_TEST_FAIL_EXPORT_AFTER asked.", code: 2)
                }
                throw CLIError("\(error)", code: 2)
            }
        }
    }
}

/// For the tests: with `LOOPSCOPE_TEST_FAIL_EXPORT_AFTER=N`, an export fails as though the
/// renderer had found a problem after handing on N bytes, so what becomes of a half-made
/// output (an `-o` file, standard output) can be checked. No format fails that way by itself:
/// every error a format can find is found before its first byte.
final class FailingSink: ByteSink {
    let next: any ByteSink
    let limit: Int
    private var count = 0
    private(set) var tripped = false

    init(_ next: any ByteSink, limit: Int) {
        self.next = next
        self.limit = limit
    }

    static func fromEnvironment(_ next: any ByteSink) -> FailingSink? {
        guard let value = getenv("LOOPSCOPE_TEST_FAIL_EXPORT_AFTER").flatMap({ Int(String(cString: $0)) }) else {
            return nil
        }
        return FailingSink(next, limit: value)
    }

    func take(_ chunk: UnsafeRawBufferPointer) -> Bool {
        guard count + chunk.count <= limit else {
            tripped = true
            return false
        }
        count += chunk.count
        return next.take(chunk)
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
