import Foundation
import Testing

/// Golden files for the exporters, under `Golden/<format>/` beside this file.
///
/// Set `LOOPSCOPE_UPDATE_GOLDEN=1` to rewrite them from the current output; review the diff
/// by eye before committing.
enum ExportGolden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static var updating: Bool { ProcessInfo.processInfo.environment["LOOPSCOPE_UPDATE_GOLDEN"] == "1" }

    /// Compares `actual` with the golden file at `relativePath`, recording a failure that
    /// names the first differing line.
    static func check(_ actual: String, _ relativePath: String,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(relativePath)
        if updating {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                     withIntermediateDirectories: true)
            #expect(throws: Never.self, sourceLocation: sourceLocation) {
                try actual.write(to: url, atomically: true, encoding: .utf8)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(relativePath); run with LOOPSCOPE_UPDATE_GOLDEN=1",
                         sourceLocation: sourceLocation)
            return
        }
        if expected == actual { return }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
        let got = first < a.count ? String(a[first]) : "<end>"
        let want = first < e.count ? String(e[first]) : "<end>"
        Issue.record("\(relativePath) differs at line \(first + 1):\n  got:  \(got)\n  want: \(want)",
                     sourceLocation: sourceLocation)
    }
}
