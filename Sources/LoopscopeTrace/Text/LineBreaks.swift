/// Splits text into lines on "\n", "\r\n" and a lone "\r", by Unicode scalars (as
/// Characters, "\r\n" is one character that never equals "\n").
///
/// ```swift
/// LineBreaks.split("a\r\nb\rc\n")   // ["a", "b", "c", ""]
/// ```
public enum LineBreaks {
    /// The lines of `text`, without their terminators; text ending in a line break gives an
    /// empty last line, and empty text one empty line.
    public static func split(_ text: String) -> [Substring] {
        let scalars = text.unicodeScalars
        var lines: [Substring] = []
        var start = scalars.startIndex
        var i = start
        while i < scalars.endIndex {
            let c = scalars[i]
            guard c == "\n" || c == "\r" else {
                i = scalars.index(after: i)
                continue
            }
            lines.append(Substring(scalars[start..<i]))
            i = scalars.index(after: i)
            if c == "\r", i < scalars.endIndex, scalars[i] == "\n" { i = scalars.index(after: i) }
            start = i
        }
        lines.append(Substring(scalars[start..<scalars.endIndex]))
        return lines
    }
}
