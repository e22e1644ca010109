import LoopscopeTestSupport
import LoopscopeTUI
import Testing

/// Golden screens under `Tests/LoopscopeTUITests/Golden/`: the grid's text, then a blank
/// line and its style layer (one letter per cell, see `StyleRole.code`).
enum Golden {
    static let files = GoldenFile(beside: #filePath, folder: "Golden")

    static func render(_ grid: Grid, styles: Bool) -> String {
        styles ? grid.text(trimmed: true) + "\n" + grid.styleLayer() : grid.text(trimmed: true)
    }

    /// Compares a grid with its golden file (or writes it when updating).
    static func check(_ grid: Grid, _ name: String, styles: Bool = false,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        files.check(render(grid, styles: styles), name + ".txt", sourceLocation: sourceLocation)
    }
}
