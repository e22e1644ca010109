/// Terminal column widths of sanitized text.
///
/// Counts what a terminal shows, not bytes: combining marks take no column, East Asian wide
/// and emoji characters take two, an emoji sequence joined with ZWJ takes two in all.
/// Terminals disagree on some of these (flags, ZWJ sequences, ambiguous-width symbols);
/// this follows what current terminals mostly do and does not ask the terminal. Use it on text that has been through `Sanitizer` (control
/// characters are not expected here).
///
/// ```swift
/// TextWidth.columns("abc")      // 3
/// TextWidth.columns("日本")      // 4
/// TextWidth.fit("hello world", 8)  // "hello w…"
/// ```
public enum TextWidth {
    /// Columns one scalar takes on its own: 0 for controls, combining marks and other
    /// zero-width scalars, 2 for East Asian wide and emoji-presentation scalars, else 1.
    public static func columns(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return v < 0x20 || v == 0x7F ? 0 : 1 }
        if isZeroWidth(scalar) { return 0 }
        if isWide(v) { return 2 }
        if scalar.properties.isEmojiPresentation && !isRegionalIndicator(v) { return 2 }
        return 1
    }

    /// Columns one character (grapheme cluster) takes: an emoji sequence (joined with
    /// ZWJ, or asking for emoji presentation with U+FE0F) takes 2, like a single emoji;
    /// anything else the sum of its scalars (a base letter and its marks: 1).
    public static func columns(_ c: Character) -> Int {
        var sum = 0
        var emoji = false
        var previous: Unicode.Scalar?
        for scalar in c.unicodeScalars {
            let w = columns(scalar)
            if w == 2 && scalar.value >= 0x1F000 { emoji = true }
            // Asked only after U+FE0F: the property look-up costs more than the rest.
            if scalar.value == 0xFE0F, let previous, previous.properties.isEmoji { emoji = true }
            previous = scalar
            sum += w
        }
        return emoji ? 2 : sum
    }

    /// Columns a string takes.
    public static func columns(_ s: some StringProtocol) -> Int {
        if let ascii = asciiColumns(s) { return ascii }
        var n = 0
        for c in s { n += columns(c) }
        return n
    }

    /// Cuts `s` to at most `width` columns, ending with `ellipsis` when it had to cut.
    /// It cuts between characters, never inside one (an emoji sequence or a letter with
    /// its marks stays whole or goes).
    public static func fit(_ s: some StringProtocol, _ width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if columns(s) <= width { return String(s) }
        let room = width - columns(ellipsis)
        guard room >= 0 else { return String(repeating: ".", count: width) }
        var out = ""
        var used = 0
        for c in s {
            let w = columns(c)
            if used + w > room { break }
            out.append(c)
            used += w
        }
        return out + ellipsis
    }

    /// Pads `s` with spaces on the right to exactly `width` columns (cutting it if longer).
    public static func pad(_ s: some StringProtocol, _ width: Int) -> String {
        let cut = fit(s, width)
        let missing = width - columns(cut)
        return missing > 0 ? cut + String(repeating: " ", count: missing) : cut
    }

    /// The width of an all-ASCII string (controls take none), or nil if it is not ASCII.
    private static func asciiColumns(_ s: some StringProtocol) -> Int? {
        var n = 0
        for b in s.utf8 {
            guard b < 0x80 else { return nil }
            if b >= 0x20 && b != 0x7F { n += 1 }
        }
        return n
    }

    /// Combining and enclosing marks, joiners and other invisible format characters, and
    /// the Hangul vowels and finals that join the syllable before them.
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return true }
        if (0x200B...0x200F).contains(v) || (0x2060...0x2064).contains(v) || v == 0xFEFF { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isRegionalIndicator(_ v: UInt32) -> Bool { (0x1F1E6...0x1F1FF).contains(v) }

    static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v)
            || (0x3041...0x33FF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xA960...0xA97F).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE10...0xFE19).contains(v)
            || (0xFE30...0xFE6F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1B000...0x1B2FF).contains(v)
            || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
            || (0x20000...0x3FFFD).contains(v)
    }
}
