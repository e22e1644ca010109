import LoopscopeTrace

/// One character cell of a screen: what it shows and what it means.
///
/// A character two columns wide fills its own cell and marks the next one as a
/// continuation (`isContinuation`), which backends skip. The grid keeps wide characters
/// whole: writing over either half of one blanks the other half, so every row always takes
/// exactly the grid's width on a terminal (see `Grid.columns(ofRow:)`).
package struct Cell: Equatable, Sendable {
    package var character: Character
    package var role: StyleRole

    package init(_ character: Character = " ", _ role: StyleRole = .plain) {
        self.character = character
        self.role = role
    }

    /// The filler after a wide character.
    package static let continuation = Cell("\u{0}", .plain)
    package var isContinuation: Bool { character == "\u{0}" }
}

/// A rectangle of cells: what the view draws and what a backend puts on the terminal.
///
/// Writing never fails: text that runs past an edge is cut. Text must already be sanitized
/// (see `Sanitizer`); the grid does not check it.
///
/// ```swift
/// var g = Grid(width: 10, height: 2)
/// g.put("hello", x: 0, y: 0, role: .heading)
/// g.text(trimmed: true)   // "hello\n"
/// ```
package struct Grid: Equatable, Sendable {
    package let width: Int
    package let height: Int
    package private(set) var cells: [Cell]
    /// The colours the backend shows the roles with.
    package var theme: Theme = .dark

    package init(width: Int, height: Int, fill: Cell = Cell()) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    package subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            // A continuation on its own has no character to continue: it is drawn as a blank.
            let cell = newValue.isContinuation ? Cell(" ", newValue.role) : newValue
            set(cell, columns: TextWidth.columns(cell.character), x: x, y: y)
        }
    }

    /// Puts `cell`, `columns` wide, at `(x, y)` (inside the grid), followed by its
    /// continuation cells; a wide character it lands on part of becomes a blank, and so
    /// does `cell` itself when it would run past the right edge.
    private mutating func set(_ cell: Cell, columns: Int, x: Int, y: Int) {
        let row = y * width
        let w = max(1, columns)
        guard x + w <= width else {
            set(Cell(" ", cell.role), columns: 1, x: x, y: y)
            return
        }
        // A wide character starting before x loses its head's meaning: blank it.
        if cells[row + x].isContinuation {
            var head = x - 1
            while head > 0 && cells[row + head].isContinuation { head -= 1 }
            for col in head..<x { cells[row + col] = Cell(" ", cells[row + col].role) }
        }
        // Continuations after the cells we take belong to a character we overwrite.
        var after = x + w
        while after < width && cells[row + after].isContinuation {
            cells[row + after] = Cell(" ", cells[row + after].role)
            after += 1
        }
        cells[row + x] = cell
        for col in x + 1..<x + w { cells[row + col] = Cell("\u{0}", cell.role) }
    }

    /// The columns row `y` takes on a terminal: each cell's character's width, where a
    /// character wider than one must be followed by that many continuation cells and a
    /// continuation must follow one. A row that breaks the rule counts -1 (it would shift
    /// everything after it on screen). Always `width` for a grid drawn by these methods.
    package func columns(ofRow y: Int) -> Int {
        var x = 0, total = 0
        while x < width {
            let cell = cells[y * width + x]
            if cell.isContinuation { return -1 }
            let w = TextWidth.columns(cell.character)
            guard w >= 1, x + w <= width else { return -1 }
            for col in x + 1..<x + w where !cells[y * width + col].isContinuation { return -1 }
            total += w
            x += w
        }
        return total
    }

    /// Writes `text` from column `x` of row `y`, cut at `maxWidth` columns (or the right
    /// edge), and returns how many columns it used.
    @discardableResult
    package mutating func put(_ text: some StringProtocol, x: Int, y: Int, role: StyleRole = .plain,
                             maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var col = x
        for ch in text {
            let w = TextWidth.columns(ch)
            if w == 0 { continue }
            if col + w > limit { break }
            if col >= 0 { set(Cell(ch, role), columns: w, x: col, y: y) }
            col += w
        }
        return col - x
    }

    /// Sets the role of a run of cells without changing their characters.
    package mutating func paint(x: Int, y: Int, width w: Int, role: StyleRole) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<max(max(0, x), min(width, x + w)) {
            cells[y * width + col].role = role
        }
    }

    /// Fills a rectangle with one cell.
    package mutating func fill(_ rect: Rect, with cell: Cell) {
        let w = cell.isContinuation ? 1 : max(1, TextWidth.columns(cell.character))
        for row in max(0, rect.y)..<min(height, rect.y + rect.height) {
            for col in stride(from: max(0, rect.x), to: min(width, rect.x + rect.width), by: w) {
                set(cell, columns: w, x: col, y: row)
            }
        }
    }

    /// Copies another grid in at `(x, y)`, cut at this grid's edges (a wide character cut
    /// by an edge becomes a blank).
    package mutating func blit(_ other: Grid, x: Int, y: Int) {
        for row in 0..<other.height where y + row >= 0 && y + row < height {
            for col in 0..<other.width where x + col >= 0 && x + col < width {
                let cell = other.cells[row * other.width + col]
                if cell.isContinuation {
                    if col == 0 { set(Cell(" ", cell.role), columns: 1, x: x + col, y: y + row) }
                    continue
                }
                set(cell, columns: TextWidth.columns(cell.character), x: x + col, y: y + row)
            }
        }
    }

    /// The characters of one row.
    package func row(_ y: Int) -> String {
        var s = ""
        for x in 0..<width {
            let c = cells[y * width + x]
            if !c.isContinuation { s.append(c.character) }
        }
        return s
    }

    /// The whole grid as text, one line per row; `trimmed` drops trailing blanks of each row.
    package func text(trimmed: Bool = true) -> String {
        var out = ""
        for y in 0..<height {
            var line = row(y)
            if trimmed { while line.last == " " { line.removeLast() } }
            out += line + "\n"
        }
        return out
    }

    /// The roles of every cell as letters (see `StyleRole.code`), one line per row.
    package func styleLayer() -> String {
        var out = ""
        for y in 0..<height {
            var line = ""
            for x in 0..<width { line.append(cells[y * width + x].role.code) }
            out += line + "\n"
        }
        return out
    }
}
