import Foundation
import LoopscopeTUI
import Testing

/// Golden screens under `Tests/LoopscopeTUITests/Golden/`: the grid's text, then a blank
/// line and its style layer (one letter per cell, see `StyleRole.code`).
/// `LOOPSCOPE_UPDATE_GOLDEN=1` rewrites them.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static var updating: Bool { ProcessInfo.processInfo.environment["LOOPSCOPE_UPDATE_GOLDEN"] == "1" }

    static func render(_ grid: Grid, styles: Bool) -> String {
        styles ? grid.text(trimmed: true) + "\n" + grid.styleLayer() : grid.text(trimmed: true)
    }

    /// Compares a grid with its golden file (or writes it when updating).
    static func check(_ grid: Grid, _ name: String, styles: Bool = false,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = render(grid, styles: styles)
        let url = directory.appendingPathComponent(name + ".txt")
        if updating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden \(name).txt; run with LOOPSCOPE_UPDATE_GOLDEN=1",
                         sourceLocation: sourceLocation)
            return
        }
        if expected != text {
            let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let b = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(a.count, b.count)
            Issue.record("""
                golden \(name).txt differs at line \(line + 1):
                expected: \(line < a.count ? String(a[line]) : "<end>")
                actual:   \(line < b.count ? String(b[line]) : "<end>")
                """, sourceLocation: sourceLocation)
        }
    }
}
