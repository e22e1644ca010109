/// Trace text made safe inside a Markdown handout: it shows as the same characters and
/// never becomes markup, HTML or a link.
///
/// ```swift
/// MarkdownText.escape("<b>[x](javascript:y)</b>")   // "&lt;b&gt;\[x\](javascript:y)&lt;/b&gt;"
/// MarkdownText.codeSpan("a `b` c")                 // "`` a `b` c ``"
/// ```
///
/// Both expect text that has been through `Sanitizer` (one line, no controls).
enum MarkdownText {
    /// Prose: `&`, `<` and `>` become entities (no HTML element or autolink can start);
    /// the characters that start emphasis, code, links (and so images), headings, tables or
    /// strikethrough get a backslash — except `_` between two letters or digits
    /// (`fetch_url`), which CommonMark never reads as emphasis.
    static func escape(_ s: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var previous: Character = " "
        var iterator = s.makeIterator()
        var next = iterator.next()
        while let ch = next {
            next = iterator.next()
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "_" where previous.isLetter || previous.isNumber:
                if let n = next, n.isLetter || n.isNumber { out.append(ch) } else { out += "\\_" }
            case "\\", "`", "*", "_", "[", "]", "#", "|", "~": out += "\\" + String(ch)
            default: out.append(ch)
            }
            previous = ch
        }
        return out
    }

    /// An inline code span showing `s` exactly: its fence is one backtick longer than the
    /// longest run of backticks inside, with a space inside each end when the text holds a
    /// backtick (or is blank), which CommonMark strips again.
    static func codeSpan(_ s: some StringProtocol) -> String {
        let longest = longestBacktickRun(s)
        let fence = String(repeating: "`", count: longest + 1)
        let text = String(s)
        let pad = longest > 0 || text.allSatisfy({ $0 == " " }) ? " " : ""
        return fence + pad + text + pad + fence
    }

    /// The longest run of consecutive backticks in `s`.
    static func longestBacktickRun(_ s: some StringProtocol) -> Int {
        var longest = 0, run = 0
        for ch in s {
            run = ch == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}

/// `MarkdownText` for tests outside the module.
public enum MarkdownProbe {
    public static func escape(_ s: String) -> String { MarkdownText.escape(s) }
    public static func codeSpan(_ s: String) -> String { MarkdownText.codeSpan(s) }
}
