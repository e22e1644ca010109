import LoopscopeTrace

/// One line of a fixed-width text drawing, addressed by terminal column.
///
/// ```swift
/// var row = TextRow(width: 10)
/// row.put("|", at: 0)
/// row.put("hi", at: 3)
/// row.text   // "|  hi"
/// ```
///
/// Wide characters take two cells; writing over half of one blanks the other half. Text is
/// never written past the right edge. It does not sanitize: pass sanitized text.
struct TextRow {
    /// Each cell holds what it shows; "" marks the right half of a wide character.
    private(set) var cells: [String]

    init(width: Int) { cells = Array(repeating: " ", count: max(0, width)) }

    var width: Int { cells.count }

    /// Writes `s` starting at `column`, cutting it at the right edge (or at `limit`).
    mutating func put(_ s: some StringProtocol, at column: Int, limit: Int? = nil) {
        let end = min(width, limit ?? width)
        var c = column
        for ch in s {
            let w = TextWidth.columns(String(ch))
            if w == 0 {
                continue
            }
            if c < 0 { c += w; continue }
            if c + w > end { break }
            clear(c)
            cells[c] = String(ch)
            if w == 2 {
                clear(c + 1)
                cells[c + 1] = ""
            }
            c += w
        }
    }

    /// Blanks a cell, and the other half of a wide character it belongs to.
    private mutating func clear(_ c: Int) {
        guard c >= 0, c < width else { return }
        if cells[c] == "", c > 0 { cells[c - 1] = " " }
        if c + 1 < width, cells[c + 1] == "" { cells[c + 1] = " " }
        cells[c] = " "
    }

    /// What the cell at `column` shows (" " when blank).
    func cell(_ column: Int) -> String { column >= 0 && column < width ? cells[column] : " " }

    /// The row without trailing blanks.
    var text: String {
        var s = cells.joined()
        while s.last == " " { s.removeLast() }
        return s
    }
}
