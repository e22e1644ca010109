import ArgumentParser
import LoopscopeCurses
import LoopscopeDemos
import LoopscopeTUI

/// `loopscope`: watch async/await run, step by step.
///
/// With no subcommand it opens the demo picker in the terminal.
@main
struct Loopscope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loopscope",
        abstract: "Watch async/await run: when a coroutine gives up control, and who runs next.",
        discussion: """
            Programs run on a deterministic tracing event loop with asyncio's semantics and a \
            virtual clock. With no subcommand, loopscope opens the demo picker.
            """,
        version: "0.1.0",
        subcommands: [ListCommand.self, RunCommand.self, PlayCommand.self, ExplainCommand.self,
                      ExportCommand.self, RecordCommand.self, ValidateCommand.self, BenchCommand.self])

    @Flag(name: .long, help: "Draw with ASCII only.")
    var ascii = false

    @Flag(name: .long, help: "Ask what runs (or prints) next before each step.")
    var predict = false

    func run() throws {
        let demos = DemoCatalog.all
        let choices = demos.map { DemoChoice(id: $0.id, title: $0.info.title, origin: $0.info.origin) }
        let options = PlayerOptions(predict: predict, ascii: ascii)
        do {
            let outcome = try Player.browse(demos: choices, options: options) { index in
                demos[index].record().trace
            }
            if let summary = outcome?.summary, !summary.isEmpty { print(summary) }
        } catch let error as PlayerError {
            throw CLIError(error.description, code: error.exitCode)
        }
    }
}
