import LoopscopeTrace

/// Word wrapping of sanitized prose to a number of terminal columns.
///
/// ```swift
/// Wrap.lines("the loop runs Task-2", width: 10)   // ["the loop", "runs", "Task-2"]
/// Wrap.lines("Ready queue: A, B", width: 40, indent: "   ", first: "1. ")
/// ```
///
/// Words longer than a line are cut with an ellipsis rather than broken mid-word, so a
/// quoted source line never runs past the width. It does not sanitize.
enum Wrap {
    /// Joins words that must stay on one line (a number and its unit); `lines` turns it
    /// back into a plain space.
    static let noBreakSpace = "\u{00A0}"

    /// Wraps `text` into lines of at most `width` columns. The first line starts with
    /// `first` (default: `indent`), the others with `indent`.
    static func lines(_ text: String, width: Int, indent: String = "", first: String? = nil,
                      ellipsis: String = "...") -> [String] {
        if let fast = asciiLines(text, width: width, indent: indent, first: first, ellipsis: ellipsis) {
            return fast
        }
        return plainLines(text, width: width, indent: indent, first: first, ellipsis: ellipsis)
    }

    /// `lines` worked out character by character, for any text: the definition the byte
    /// paths (`Wrap+Bytes.swift`) must agree with.
    static func plainLines(_ text: String, width: Int, indent: String = "", first: String? = nil,
                           ellipsis: String = "...") -> [String] {
        let lead = first ?? indent
        var out: [String] = []
        var line = lead
        var lineHasWord = false
        var prefixWidth = TextWidth.columns(lead)
        var used = prefixWidth
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let w = TextWidth.columns(word)
            if lineHasWord && used + 1 + w > width {
                out.append(line)
                line = indent
                prefixWidth = TextWidth.columns(indent)
                used = prefixWidth
                lineHasWord = false
            }
            let room = width - used - (lineHasWord ? 1 : 0)
            let piece = w <= room ? String(word) : TextWidth.fit(word, max(0, room), ellipsis: ellipsis)
            if lineHasWord { line += " "; used += 1 }
            line += piece
            used += TextWidth.columns(piece)
            lineHasWord = true
        }
        if lineHasWord || out.isEmpty { out.append(line) }
        return out.map { l in
            var s = l.replacingNoBreakSpaces()
            while s.last == " " { s.removeLast() }
            return s
        }
    }
}

extension String {
    /// The string with every no-break space made a plain space (also for the player's
    /// narration pane, which wraps sentences that keep them).
    package func replacingNoBreakSpaces() -> String {
        guard contains(Wrap.noBreakSpace) else { return self }
        return split(separator: Wrap.noBreakSpace, omittingEmptySubsequences: false).joined(separator: " ")
    }
}
