import LoopscopeTestSupport
import Testing

/// Golden files of the lane charts, under `Golden/lanes/` next to this file.
enum LanesGolden {
    static let files = GoldenFile(beside: #filePath, folder: "Golden/lanes")

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        files.check(actual, name, sourceLocation: sourceLocation)
    }
}
