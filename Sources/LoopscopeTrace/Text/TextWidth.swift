/// Terminal column widths of sanitized text.
///
/// Counts what a terminal shows, not bytes: combining marks take no column, East Asian wide
/// and emoji characters take two. Use it on text that has been through `Sanitizer` (control
/// characters are not expected here).
///
/// ```swift
/// TextWidth.columns("abc")      // 3
/// TextWidth.columns("日本")      // 4
/// TextWidth.fit("hello world", 8)  // "hello w…"
/// ```
public enum TextWidth {
    /// Columns one scalar takes.
    public static func columns(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return v < 0x20 || v == 0x7F ? 0 : 1 }
        if isCombining(v) { return 0 }
        if isWide(v) { return 2 }
        return 1
    }

    /// Columns a string takes.
    public static func columns(_ s: some StringProtocol) -> Int {
        var n = 0
        for scalar in s.unicodeScalars { n += columns(scalar) }
        return n
    }

    /// Cuts `s` to at most `width` columns, ending with `ellipsis` when it had to cut.
    public static func fit(_ s: some StringProtocol, _ width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if columns(s) <= width { return String(s) }
        let room = width - columns(ellipsis)
        guard room >= 0 else { return String(repeating: ".", count: width) }
        var out = ""
        var used = 0
        for scalar in s.unicodeScalars {
            let w = columns(scalar)
            if used + w > room { break }
            out.unicodeScalars.append(scalar)
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

    static func isCombining(_ v: UInt32) -> Bool {
        (0x0300...0x036F).contains(v) || (0x1AB0...0x1AFF).contains(v)
            || (0x1DC0...0x1DFF).contains(v) || (0x20D0...0x20FF).contains(v)
            || (0xFE20...0xFE2F).contains(v) || v == 0x200D || (0xFE00...0xFE0F).contains(v)
    }

    static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v)
            || (0x3041...0x33FF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v)
    }
}
