import Foundation
import Testing

/// `--help` speaks the user's words: every default it shows is a value the user could type,
/// never a Swift name such as `format(LoopscopeRender.ExportFormat.text)`.
@Suite(.timeLimit(.minutes(30))) struct HelpTextTests {
    static let commands: [[String]] = [
        [], ["pick"], ["list"], ["run"], ["play"], ["explain"], ["export"], ["record"], ["validate"],
        ["bench"], ["bench", "scheduler"], ["bench", "python"], ["bench", "render"], ["bench", "tui"],
        ["bench", "trace"],
    ]

    @Test(arguments: commands) func helpShowsNoSwiftNames(_ command: [String]) throws {
        let r = try CLIRunner.run(command + ["--help"])
        #expect(r.status == 0, "\(command) --help: \(r.stderr)")
        #expect(r.stdout.contains("USAGE:"))
        let text = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for swiftName in ["Loopscope", "ExportFormat", "ExportChoice", "Optional(", "rawValue"] {
            #expect(!text.contains(swiftName), "\(command) --help shows \(swiftName): \(r.stdout)")
        }
    }

    @Test func exportNamesItsDefaultFormatAsTyped() throws {
        let r = try CLIRunner.run(["export", "--help"])
        let text = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("jsonl, screen; default: text)"), "\(r.stdout)")
    }
}
