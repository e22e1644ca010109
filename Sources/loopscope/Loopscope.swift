import ArgumentParser

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
        subcommands: [PickCommand.self, ListCommand.self, RunCommand.self, PlayCommand.self, ExplainCommand.self,
                      ExportCommand.self, RecordCommand.self, ValidateCommand.self, BenchCommand.self,
                      FramesCommand.self, CheckReadersCommand.self],
        defaultSubcommand: PickCommand.self)
}
