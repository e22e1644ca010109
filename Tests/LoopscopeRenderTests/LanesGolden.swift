import Foundation
import Testing

/// Golden files of the lane charts, under `Golden/lanes/` next to this file.
/// `LOOPSCOPE_UPDATE_GOLDEN=1` rewrites them from the current output.
enum LanesGolden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/lanes")

    static var updating: Bool { ProcessInfo.processInfo.environment["LOOPSCOPE_UPDATE_GOLDEN"] == "1" }

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        if updating {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                     withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name); run with LOOPSCOPE_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            Issue.record("\(name) differs from its golden file at line \(line + 1):\n\(actual)",
                         sourceLocation: sourceLocation)
        }
    }
}
