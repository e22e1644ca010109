import LoopscopeTrace

/// One character cell of a screen: what it shows and what it means.
///
/// A character two columns wide fills its own cell and marks the next one as a
/// continuation (`isContinuation`), which backends skip.
public struct Cell: Equatable, Sendable {
    public var character: Character
    public var role: StyleRole

    public init(_ character: Character = " ", _ role: StyleRole = .plain) {
        self.character = character
        self.role = role
    }

    /// The filler after a wide character.
    public static let continuation = Cell("\u{0}", .plain)
    public var isContinuation: Bool { character == "\u{0}" }
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
public struct Grid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = Cell()) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Writes `text` from column `x` of row `y`, cut at `maxWidth` columns (or the right
    /// edge), and returns how many columns it used.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, role: StyleRole = .plain,
                             maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var col = x
        for ch in text {
            let w = ch.unicodeScalars.reduce(0) { $0 + TextWidth.columns($1) }
            if w == 0 { continue }
            if col + w > limit { break }
            if col >= 0 {
                cells[y * width + col] = Cell(ch, role)
                if w == 2, col + 1 < width { cells[y * width + col + 1] = .continuation }
            }
            col += w
        }
        return col - x
    }

    /// Sets the role of a run of cells without changing their characters.
    public mutating func paint(x: Int, y: Int, width w: Int, role: StyleRole) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<max(max(0, x), min(width, x + w)) {
            cells[y * width + col].role = role
        }
    }

    /// Fills a rectangle with one cell.
    public mutating func fill(_ rect: Rect, with cell: Cell) {
        for row in max(0, rect.y)..<min(height, rect.y + rect.height) {
            for col in max(0, rect.x)..<min(width, rect.x + rect.width) {
                cells[row * width + col] = cell
            }
        }
    }

    /// Copies another grid in at `(x, y)`, cut at this grid's edges.
    public mutating func blit(_ other: Grid, x: Int, y: Int) {
        for row in 0..<other.height where y + row >= 0 && y + row < height {
            for col in 0..<other.width where x + col >= 0 && x + col < width {
                cells[(y + row) * width + x + col] = other.cells[row * other.width + col]
            }
        }
    }

    /// The characters of one row.
    public func row(_ y: Int) -> String {
        var s = ""
        for x in 0..<width {
            let c = cells[y * width + x]
            if !c.isContinuation { s.append(c.character) }
        }
        return s
    }

    /// The whole grid as text, one line per row; `trimmed` drops trailing blanks of each row.
    public func text(trimmed: Bool = true) -> String {
        var out = ""
        for y in 0..<height {
            var line = row(y)
            if trimmed { while line.last == " " { line.removeLast() } }
            out += line + "\n"
        }
        return out
    }

    /// The roles of every cell as letters (see `StyleRole.code`), one line per row.
    public func styleLayer() -> String {
        var out = ""
        for y in 0..<height {
            var line = ""
            for x in 0..<width { line.append(cells[y * width + x].role.code) }
            out += line + "\n"
        }
        return out
    }
}
