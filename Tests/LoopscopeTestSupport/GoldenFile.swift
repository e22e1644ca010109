import Foundation
import Synchronization
import Testing

/// Compares rendered text with a golden file, for every test target that keeps them.
///
/// ```swift
/// let golden = GoldenFile(beside: #filePath, folder: "Golden")
/// golden.check(text, "sequence/fetch.txt")
/// ```
///
/// Set `LOOPSCOPE_UPDATE_GOLDEN=1` to rewrite the files from the current output instead;
/// review the diff by eye before committing.
public struct GoldenFile: Sendable {
    public let directory: URL

    /// Golden files in `folder`, next to the test file whose `#filePath` is given.
    public init(beside filePath: String, folder: String) {
        directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent(folder)
    }

    public static var updating: Bool { ProcessInfo.processInfo.environment["LOOPSCOPE_UPDATE_GOLDEN"] == "1" }

    /// Records a failure naming the first line where `actual` and the file differ (or a
    /// missing file); when updating, writes `actual` instead.
    public func check(_ actual: String, _ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(relativePath)
        GoldenReadLog.note(url)
        if Self.updating {
            #expect(throws: Never.self, sourceLocation: sourceLocation) {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
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

/// With `LOOPSCOPE_GOLDEN_LOG=<file>` set, every golden file a test compares against is
/// listed there (one absolute path a line), so `scripts/check-goldens.sh` can name the
/// golden files no test read.
enum GoldenReadLog {
    private static let lock = Mutex(())

    static func note(_ url: URL) {
        guard let path = ProcessInfo.processInfo.environment["LOOPSCOPE_GOLDEN_LOG"], !path.isEmpty else { return }
        lock.withLock { _ in
            let line = Data((url.standardizedFileURL.path + "\n").utf8)
            if let handle = FileHandle(forWritingAtPath: path) {
                handle.seekToEndOfFile()
                handle.write(line)
                handle.closeFile()
            } else {
                _ = FileManager.default.createFile(atPath: path, contents: line)
            }
        }
    }
}
