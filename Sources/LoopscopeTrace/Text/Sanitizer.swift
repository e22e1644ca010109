/// Makes any string from a trace safe to show in a terminal or a text export.
///
/// Program output, task names, notes and source text are data, never terminal commands:
/// escape sequences, control characters and line breaks are replaced by visible stand-ins,
/// so a hostile or careless program cannot move the cursor, change colours or retitle the
/// window when its trace is replayed.
///
/// ```swift
/// Sanitizer.line("red \u{1B}[31m!")   // "red ␛[31m!"
/// Sanitizer.line("a\tb")              // "a   b"  (tabs expand to the next multiple of 4)
/// ```
///
/// It does not shorten or wrap text; see `TextWidth` for fitting text into columns.
public enum Sanitizer {
    /// One line of text: every control character becomes a visible symbol, tabs expand to
    /// spaces, and line breaks (LF, CR, or a CR LF pair) become one `⏎`. With `ascii`, the stand-ins are ASCII spellings
    /// (`^[`, `\n`) and every other non-ASCII character becomes `?`.
    public static func line(_ s: some StringProtocol, ascii: Bool = false) -> String {
        // Printable ASCII stays as it is.
        if isPrintableASCII(s) { return String(s) }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var column = 0
        var afterCR = false
        for scalar in s.unicodeScalars {
            let v = scalar.value
            // A CR LF pair is one line break.
            defer { afterCR = v == 0x0D }
            if v == 0x0A && afterCR { continue }
            switch v {
            case 0x09:
                let spaces = 4 - column % 4
                out += String(repeating: " ", count: spaces)
                column += spaces
            case 0x0A, 0x0D:
                out += ascii ? "\\n" : "⏎"
                column += ascii ? 2 : 1
            case 0x1B:
                out += ascii ? "^[" : "␛"
                column += ascii ? 2 : 1
            case 0x00..<0x20:
                if ascii {
                    out += "^" + String(UnicodeScalar(UInt8(v + 0x40)))
                    column += 2
                } else {
                    out.unicodeScalars.append(UnicodeScalar(0x2400 + v)!)
                    column += 1
                }
            case 0x7F:
                out += ascii ? "^?" : "␡"
                column += ascii ? 2 : 1
            case _ where (0x80..<0xA0).contains(v) || HiddenScalars.contains(v):
                // C1 controls (8-bit CSI and friends), zero-width and bidi controls.
                out += ascii ? "?" : "�"
                column += 1
            default:
                if ascii && v > 0x7E {
                    out += "?"
                    column += 1
                } else {
                    out.unicodeScalars.append(scalar)
                    column += TextWidth.columns(scalar)
                }
            }
        }
        return out
    }

    /// Whether every byte is printable ASCII (what `line` keeps as it is).
    static func isPrintableASCII(_ s: some StringProtocol) -> Bool {
        let fast = s.utf8.withContiguousStorageIfAvailable { bytes in
            for b in bytes where b < 0x20 || b >= 0x7F { return false }
            return true
        }
        if let fast { return fast }
        for b in s.utf8 where b < 0x20 || b >= 0x7F { return false }
        return true
    }

    /// Several lines: splits on line breaks (LF or CR LF) and sanitizes each line.
    public static func lines(_ s: some StringProtocol, ascii: Bool = false) -> [String] {
        // Split on scalars: as Characters, a CR LF pair is one character and never equals "\n".
        let text = String(s)
        return text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { scalars in
            var piece = Substring(scalars)
            if piece.unicodeScalars.last == "\r" { piece = Substring(piece.unicodeScalars.dropLast()) }
            return line(piece, ascii: ascii)
        }
    }
}
