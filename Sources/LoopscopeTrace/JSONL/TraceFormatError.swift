/// Why a trace file could not be read, and where: `trace.jsonl:12:17: expected ',' or '}'`.
///
/// `line` and `column` are 1-based; the column counts characters (Unicode scalars), not
/// bytes, so it matches what an editor shows. The error does not carry the offending text
/// itself; open the file at the position to see it.
///
/// ```swift
/// do { _ = try TraceJSONL.decode(bytes, sourceName: "run.jsonl") }
/// catch { print(error) }   // run.jsonl:3:15: unknown event kind "strated"; expected …
/// ```
public struct TraceFormatError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The name given to the decoder for the input, e.g. a file path or `<input>`.
    public var sourceName: String
    public var line: Int
    public var column: Int
    /// What was wrong, or what was expected there.
    public var message: String

    public init(sourceName: String, line: Int, column: Int, message: String) {
        self.sourceName = sourceName
        self.line = line
        self.column = column
        self.message = message
    }

    /// The error as one line, safe for a terminal: the message may quote text from the file
    /// (an unknown kind, a field name), which goes through `Sanitizer`.
    public var description: String {
        "\(Sanitizer.line(sourceName)):\(line):\(column): \(Sanitizer.line(message))"
    }
}
