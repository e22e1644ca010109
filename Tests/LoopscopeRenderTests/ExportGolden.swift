import LoopscopeTestSupport
import Testing

/// Golden files for the exporters, under `Golden/<format>/` beside this file.
enum ExportGolden {
    static let files = GoldenFile(beside: #filePath, folder: "Golden")

    static func check(_ actual: String, _ relativePath: String,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        files.check(actual, relativePath, sourceLocation: sourceLocation)
    }
}
