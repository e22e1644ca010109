/// Reads and writes traces as JSON Lines, the format of `.jsonl` trace files.
///
/// The first line is a header with the format name, its version and the program; then come
/// the program's source files and one line per event, in order. Every line is a flat JSON
/// object a person can read: kinds and reasons are words, times are exact decimal seconds,
/// text is inline. `docs/trace-format.md` describes every line and field.
///
/// ```swift
/// let text = TraceJSONL.encode(trace)
/// let back = try TraceJSONL.decode(text, sourceName: "run.jsonl")
/// assert(back == trace)
/// ```
///
/// Encoding is deterministic: the same trace always gives the same bytes, and a file the
/// encoder wrote is re-encoded byte for byte after decoding. Decoding checks the format
/// (syntax, fields, ids) and reports the line and column of the first problem; it does not
/// check that the recorded run is consistent, which is `Trace.validate()`'s job.
public enum TraceJSONL {
    /// The trace as JSON Lines text, one line per header, file, declaration and event.
    public static func encode(_ trace: Trace) -> String {
        String(decoding: encodeBytes(trace), as: UTF8.self)
    }

    /// The trace as UTF-8 bytes of JSON Lines.
    public static func encodeBytes(_ trace: Trace) -> [UInt8] {
        var encoder = TraceEncoder(trace)
        return encoder.encode()
    }

    /// The trace as JSON Lines, appended to `bytes` and handed on as it grows: whenever a
    /// line ends with at least `chunk` bytes in `bytes`, `flush` is called to take what it
    /// wants from the front (e.g. write it out). What is left at the end stays in `bytes`.
    /// The bytes are those of `encodeBytes`, however they are flushed.
    public static func encode<E: Error>(_ trace: Trace, into bytes: inout [UInt8], every chunk: Int,
                                        flush: (inout [UInt8]) throws(E) -> Void) throws(E) {
        var encoder = TraceEncoder(trace)
        swap(&encoder.out.bytes, &bytes)
        defer { swap(&encoder.out.bytes, &bytes) }
        try encoder.encode(every: max(1, chunk), flush)
    }

    /// Reads a trace from the UTF-8 bytes of a JSON Lines file.
    /// - Parameter sourceName: names the input in error messages, e.g. the file's path.
    public static func decode(_ bytes: [UInt8], sourceName: String = "<input>") throws(TraceFormatError) -> Trace {
        try decodeWithVersion(bytes, sourceName: sourceName).trace
    }

    /// Reads a trace, and the format version its header declares (a file of an earlier
    /// version is read into the same `Trace`).
    public static func decodeWithVersion(_ bytes: [UInt8], sourceName: String = "<input>")
        throws(TraceFormatError) -> (trace: Trace, version: Int) {
        let result: Result<(trace: Trace, version: Int), TraceFormatError> = bytes.withUnsafeBufferPointer { buf in
            var decoder = TraceDecoder(buf, sourceName: sourceName)
            do throws(TraceFormatError) {
                // Without a way to stop, decoding ends with a trace or an error.
                guard let trace = try decoder.decode() else { return .failure(decoder.s.error("stopped")) }
                return .success((trace, decoder.version))
            } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Reads a trace from a stream of bytes, such as a file, without holding it whole: `read`
    /// fills the buffer it is given from the start and returns how many bytes it wrote (0 at
    /// the end). The lines are read a window of `chunkSize` bytes or so at a time; the result
    /// and every error (message, line, column) are those `decodeWithVersion(_:sourceName:)`
    /// gives for the same bytes.
    ///
    /// Every `stopCheckLines` lines it calls `shouldStop` with how many bytes it has read so
    /// far (for progress), and returns nil as soon as that answers true.
    ///
    /// Two inputs are refused without being read to the end: a line longer than `maxLine`
    /// bytes (an error on that line: no trace line is that long), and a line that does not
    /// start with `{` (binary garbage, say: the error at its first byte, as for the whole).
    /// - Parameter sizeHint: the input's size in bytes, when known, to reserve room.
    public static func decodeWithVersion(reading read: @escaping (UnsafeMutableBufferPointer<UInt8>) -> Int,
                                         sourceName: String = "<input>", sizeHint: Int? = nil,
                                         chunkSize: Int = 1 << 20, maxLine: Int = maxLineBytes,
                                         shouldStop: (Int) -> Bool = { _ in false })
        throws(TraceFormatError) -> (trace: Trace, version: Int)? {
        let windows = LineWindows(chunkSize: chunkSize, maxLine: maxLine, read: read)
        guard let first = windows.next() else { return try decodeWithVersion([], sourceName: sourceName) }
        var decoder = TraceDecoder(first, sourceName: sourceName)
        let trace: Trace?
        do {
            trace = try decoder.decode(more: windows.next, sizeHint: sizeHint, shouldStop: shouldStop)
        } catch {
            // An error where a cut line was cut says only that the line was cut short.
            guard windows.cut, decoder.s.atEnd else { throw error }
            throw tooLong(decoder, maxLine: maxLine)
        }
        guard let trace else { return nil }
        if windows.cut { throw tooLong(decoder, maxLine: maxLine) }
        return (trace, decoder.version)
    }

    /// The longest line `decodeWithVersion(reading:…)` reads: 128 MiB.
    public static let maxLineBytes = 128 << 20

    private static func tooLong(_ decoder: TraceDecoder, maxLine: Int) -> TraceFormatError {
        let size = maxLine >= 1 << 20 ? "\(maxLine >> 20) MiB" : "\(maxLine) bytes"
        return decoder.s.error("this line is longer than \(size), the longest line loopscope reads "
            + "(is the input a loopscope trace?)", at: decoder.s.lineStart)
    }

    /// How many lines `decodeWithVersion(reading:…)` reads between two calls to `shouldStop`.
    public static var stopCheckLines: Int { TraceDecoder.stopCheckLines }

    /// Reads a trace from JSON Lines text.
    public static func decode(_ text: String, sourceName: String = "<input>") throws(TraceFormatError) -> Trace {
        try decode(Array(text.utf8), sourceName: sourceName)
    }
}
