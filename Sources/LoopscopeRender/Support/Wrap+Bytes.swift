import LoopscopeTrace

/// Wrapping straight into UTF-8 bytes, for the long narrations (a breakdown of a million
/// steps wraps millions of lines).
///
/// ```swift
/// var out: [UInt8] = []
/// Wrap.append("the loop runs Task-2", width: 10, to: &out)   // "the loop\nruns\nTask-2\n"
/// ```
///
/// Text, indent and first-line lead of printable ASCII and no-break spaces only (one column
/// each) are wrapped on their bytes; anything else goes through `Wrap.plainLines`. Either
/// way the bytes are exactly `Wrap.lines` with a newline after each line.
extension Wrap {
    /// Appends the lines of `lines(text, …)` to `out`, each followed by a newline; with
    /// `droppingEmpty`, lines that are empty are left out.
    static func append(_ text: String, width: Int, indent: String = "", first: String? = nil,
                       ellipsis: String = "...", droppingEmpty: Bool = false, to out: inout [UInt8]) {
        var text = text
        let done = text.withUTF8 {
            appendSimple($0, width: width, indent: indent, first: first, ellipsis: ellipsis,
                         droppingEmpty: droppingEmpty, to: &out)
        }
        if !done {
            appendPlain(text, width: width, indent: indent, first: first, ellipsis: ellipsis,
                        droppingEmpty: droppingEmpty, to: &out)
        }
    }

    /// `append` for text given as UTF-8 bytes (valid UTF-8).
    static func append(bytes text: [UInt8], width: Int, indent: String = "", first: String? = nil,
                       ellipsis: String = "...", droppingEmpty: Bool = false, to out: inout [UInt8]) {
        let done = text.withUnsafeBufferPointer {
            appendSimple($0, width: width, indent: indent, first: first, ellipsis: ellipsis,
                         droppingEmpty: droppingEmpty, to: &out)
        }
        if !done {
            appendPlain(String(decoding: text, as: UTF8.self), width: width, indent: indent, first: first,
                        ellipsis: ellipsis, droppingEmpty: droppingEmpty, to: &out)
        }
    }

    /// `lines` for text of printable ASCII and no-break spaces only, or nil.
    static func asciiLines(_ text: String, width: Int, indent: String, first: String?,
                           ellipsis: String) -> [String]? {
        var bytes: [UInt8] = []
        var text = text
        let done = text.withUTF8 {
            appendSimple($0, width: width, indent: indent, first: first, ellipsis: ellipsis,
                         droppingEmpty: false, to: &bytes)
        }
        guard done else { return nil }
        // The text, indent and lead hold no newline: each one ends a line.
        return bytes.split(separator: newline, omittingEmptySubsequences: false).dropLast()
            .map { String(decoding: $0, as: UTF8.self) }
    }

    private static let newline = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")

    private static func appendPlain(_ text: String, width: Int, indent: String, first: String?, ellipsis: String,
                                    droppingEmpty: Bool, to out: inout [UInt8]) {
        for line in plainLines(text, width: width, indent: indent, first: first, ellipsis: ellipsis) {
            if droppingEmpty && line.isEmpty { continue }
            out += line.utf8
            out.append(newline)
        }
    }

    /// The columns of a lead or indent of printable ASCII and no-break spaces (one each), or
    /// nil for any other.
    private static func simpleWidth(_ s: String) -> Int? {
        var columns = 0
        var afterC2 = false
        for b in s.utf8 {
            if afterC2 {
                guard b == 0xA0 else { return nil }
                afterC2 = false
            } else if b == 0xC2 {
                afterC2 = true
                columns += 1
            } else {
                guard b >= 0x20 && b < 0x7F else { return nil }
                columns += 1
            }
        }
        return afterC2 ? nil : columns
    }

    /// Copies bytes to `out`, each no-break space made a plain space (as a finished line has it).
    private static func copy(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let n = bytes.count
        var k = 0
        var plain = k
        while k < n {
            if bytes[k] == 0xC2 && k + 1 < n && bytes[k + 1] == 0xA0 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain..<k]))
                out.append(space)
                k += 2
                plain = k
            } else {
                k += 1
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain..<n]))
    }

    private static func copy(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { copy($0, to: &out) }
    }

    /// Ends the line begun at `start`: trailing blanks dropped, then a newline, or nothing at
    /// all for an empty line when `droppingEmpty`.
    private static func endLine(from start: Int, droppingEmpty: Bool, _ out: inout [UInt8]) {
        while out.count > start && out[out.count - 1] == space { out.removeLast() }
        if droppingEmpty && out.count == start { return }
        out.append(newline)
    }

    /// The byte path of `append`; false, with `out` as it was, when the text, indent or lead
    /// is not all printable ASCII and no-break spaces.
    ///
    /// Words that fit, hold no no-break space and are one space apart in the text are copied
    /// to `out` together, a run at a time.
    private static func appendSimple(_ bytes: UnsafeBufferPointer<UInt8>, width: Int, indent: String,
                                     first: String?, ellipsis: String, droppingEmpty: Bool,
                                     to out: inout [UInt8]) -> Bool {
        let lead = first ?? indent
        guard let leadWidth = simpleWidth(lead), let indentWidth = simpleWidth(indent) else { return false }
        let origin = out.count
        let n = bytes.count
        var start = out.count
        copy(lead, to: &out)
        var used = leadWidth
        var lineHasWord = false
        // The text bytes `run` waiting to be copied (words and the single spaces between them).
        var run = 0..<0
        func flush(_ out: inout [UInt8]) {
            if !run.isEmpty { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run])) }
            run = 0..<0
        }
        var i = 0
        while i < n {
            if bytes[i] == space { i += 1; continue }
            // The word [i, j): its columns, and whether it holds a no-break space.
            var j = i
            var w = 0
            var noBreak = false
            while j < n {
                let b = bytes[j]
                if b == space { break }
                if b > 0x20 && b < 0x7F {
                    j += 1
                } else if b == 0xC2 && j + 1 < n && bytes[j + 1] == 0xA0 {
                    noBreak = true
                    j += 2
                } else {
                    out.removeSubrange(origin...)
                    return false
                }
                w += 1
            }
            if lineHasWord && used + 1 + w > width {
                flush(&out)
                endLine(from: start, droppingEmpty: droppingEmpty, &out)
                start = out.count
                copy(indent, to: &out)
                used = indentWidth
                lineHasWord = false
            }
            let room = width - used - (lineHasWord ? 1 : 0)
            if w <= room && !noBreak {
                if lineHasWord && !run.isEmpty && run.upperBound + 1 == i {
                    run = run.lowerBound..<j
                } else {
                    flush(&out)
                    if lineHasWord { out.append(space) }
                    run = i..<j
                }
                used += (lineHasWord ? 1 : 0) + w
            } else {
                flush(&out)
                if lineHasWord { out.append(space); used += 1 }
                if w <= room {
                    copy(UnsafeBufferPointer(rebasing: bytes[i..<j]), to: &out)
                    used += w
                } else {
                    let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<j]), as: UTF8.self)
                    let piece = TextWidth.fit(word, max(0, room), ellipsis: ellipsis)
                    copy(piece, to: &out)
                    used += TextWidth.columns(piece)
                }
            }
            lineHasWord = true
            i = j
        }
        flush(&out)
        // A text with no words still gives its (blank-trimmed) lead line.
        endLine(from: start, droppingEmpty: droppingEmpty, &out)
        return true
    }
}
