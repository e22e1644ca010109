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

extension Wrap {
    /// `lines` for text of printable ASCII and no-break spaces only (one column each), done on
    /// the UTF-8 bytes; nil for any other text. Gives exactly what the general path gives.
    private static func asciiLines(_ text: String, width: Int, indent: String, first: String?,
                                   ellipsis: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            let n = bytes.count
            var k = 0
            while k < n {
                let b = bytes[k]
                if b >= 0x20 && b < 0x7F {
                    k += 1
                } else if b == 0xC2 && k + 1 < n && bytes[k + 1] == 0xA0 {
                    k += 2
                } else {
                    return nil
                }
            }
            let lead = first ?? indent
            let indentBytes = Array(indent.utf8)
            let indentWidth = TextWidth.columns(indent)
            var out: [String] = []
            var line = Array(lead.utf8)
            var used = TextWidth.columns(lead)
            var lineHasWord = false
            var i = 0
            while i < n {
                if bytes[i] == 0x20 { i += 1; continue }
                var j = i
                var w = 0
                while j < n && bytes[j] != 0x20 {
                    j += bytes[j] == 0xC2 ? 2 : 1
                    w += 1
                }
                if lineHasWord && used + 1 + w > width {
                    out.append(finished(line))
                    line = indentBytes
                    used = indentWidth
                    lineHasWord = false
                }
                let room = width - used - (lineHasWord ? 1 : 0)
                if lineHasWord { line.append(0x20); used += 1 }
                if w <= room {
                    line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                    used += w
                } else {
                    let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<j]), as: UTF8.self)
                    let piece = TextWidth.fit(word, max(0, room), ellipsis: ellipsis)
                    line.append(contentsOf: piece.utf8)
                    used += TextWidth.columns(piece)
                }
                lineHasWord = true
                i = j
            }
            if lineHasWord || out.isEmpty { out.append(finished(line)) }
            return out
        }
    }

    /// A line's bytes with no-break spaces made plain and trailing blanks dropped.
    private static func finished(_ line: [UInt8]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(line.count)
        var k = 0
        while k < line.count {
            if line[k] == 0xC2 && k + 1 < line.count && line[k + 1] == 0xA0 {
                bytes.append(0x20)
                k += 2
            } else {
                bytes.append(line[k])
                k += 1
            }
        }
        while bytes.last == 0x20 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    /// The string with every no-break space made a plain space.
    func replacingNoBreakSpaces() -> String {
        guard contains(Wrap.noBreakSpace) else { return self }
        return split(separator: Wrap.noBreakSpace, omittingEmptySubsequences: false).joined(separator: " ")
    }
}
