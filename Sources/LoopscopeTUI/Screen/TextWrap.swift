import LoopscopeTrace

/// Wrapping and clipping for pane text (already sanitized). Nothing is cut without a sign:
/// a word too wide for its line, or lines past the rows there are, end in the ellipsis.
enum TextWrap {
    /// Wraps `text` at spaces into lines of at most `width` columns; a word longer than a
    /// line is cut with `ellipsis`. Keeps existing line breaks.
    static func lines(_ text: String, width: Int, ellipsis: String) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var used = 0
            for word in paragraph.split(separator: " ") {
                var w = TextWidth.columns(word)
                var piece = String(word)
                if w > width {
                    piece = TextWidth.fit(word, width, ellipsis: ellipsis)
                    w = TextWidth.columns(piece)
                }
                if used > 0 && used + 1 + w > width {
                    out.append(line)
                    line = ""
                    used = 0
                }
                if used > 0 { line += " "; used += 1 }
                line += piece
                used += w
            }
            out.append(line)
        }
        return out
    }

    /// The first `rows` of `lines`; when some are left out, the last one kept ends in
    /// `ellipsis` (cut to make room within `width` columns when it must be).
    static func clip(_ lines: [String], rows: Int, width: Int, ellipsis: String) -> [String] {
        guard rows > 0 else { return [] }
        guard lines.count > rows else { return lines }
        var kept = Array(lines.prefix(rows))
        kept[rows - 1] = ended(kept[rows - 1], width: width, ellipsis: ellipsis)
        return kept
    }

    /// `line` followed by `ellipsis`, cut so the whole stays within `width` columns.
    static func ended(_ line: String, width: Int, ellipsis: String) -> String {
        var body = line
        while body.last == " " { body.removeLast() }
        let room = width - TextWidth.columns(ellipsis)
        guard room >= 0 else { return TextWidth.fit(ellipsis, width, ellipsis: "") }
        return TextWidth.fit(body, room, ellipsis: "") + ellipsis
    }

    /// Breaks `text` into rows without losing a character: the first row at most `first`
    /// columns, the others at most `rest`. Breaks after a space where it can, inside a word
    /// only when the word is wider than a row; the rows joined give `text` back.
    static func pieces(_ text: String, first: Int, rest: Int) -> [String] {
        guard first > 0, rest > 0 else { return [text] }
        var out: [String] = []
        var remaining = Substring(text)
        var left = TextWidth.columns(remaining)   // measured once: a long text is not measured again per row
        var width = first
        while left > width {
            // The longest prefix that fits, in characters.
            var used = 0
            var end = remaining.startIndex
            var lastSpace: String.Index?
            while end < remaining.endIndex {
                let c = remaining[end]
                let w = TextWidth.columns(c)
                if used + w > width { break }
                used += w
                if c == " " { lastSpace = end }
                end = remaining.index(after: end)
            }
            if end == remaining.startIndex { end = remaining.index(after: end) } // a character wider than a row
            var cut = end
            if end < remaining.endIndex && remaining[end] == " " {
                // The break falls on a space: it ends this row (unseen past the edge).
                cut = remaining.index(after: end)
            } else if let space = lastSpace, end < remaining.endIndex, space > remaining.startIndex {
                cut = remaining.index(after: space)
            }
            out.append(String(remaining[..<cut]))
            left -= TextWidth.columns(remaining[..<cut])
            remaining = remaining[cut...]
            width = rest
        }
        out.append(String(remaining))
        return out
    }

    /// Breaks `text` into rows of at most `width` columns between any two characters (for
    /// source code, where a break between words means nothing special).
    static func chunks(_ text: String, width: Int) -> [String] {
        guard width > 0, TextWidth.columns(text) > width else { return [text] }
        var out: [String] = []
        var row = ""
        var used = 0
        for c in text {
            let w = TextWidth.columns(c)
            if used + w > width && used > 0 {
                out.append(row)
                row = ""
                used = 0
            }
            row.append(c)
            used += w
        }
        out.append(row)
        return out
    }
}
