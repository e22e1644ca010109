import ArgumentParser

/// `loopscope bench …`: measurements that print figures (never pass/fail).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure the scheduler, the Python recorder, the renderers and the terminal view.",
        subcommands: [BenchSchedulerCommand.self, BenchPythonCommand.self, BenchRenderCommand.self, BenchTUICommand.self,
                      BenchTraceCommand.self])
}
