/// A rectangle of terminal cells: column `x`, row `y`, and its size.
package struct Rect: Equatable, Sendable {
    package var x: Int
    package var y: Int
    package var width: Int
    package var height: Int

    package init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    package var maxX: Int { x + width }
    package var maxY: Int { y + height }
    package var isEmpty: Bool { width == 0 || height == 0 }
}

/// A terminal's size in columns and rows.
package struct TerminalSize: Equatable, Sendable, CustomStringConvertible {
    package var width: Int
    package var height: Int

    package init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The smallest terminal the player draws its screen in.
    package static let minimum = TerminalSize(width: 80, height: 24)

    package var description: String { "\(width)×\(height)" }
}
