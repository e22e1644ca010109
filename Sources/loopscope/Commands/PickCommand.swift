import ArgumentParser
import LoopscopeCurses
import LoopscopeDemos
import LoopscopeTUI

/// `loopscope` / `loopscope pick`: the demo picker; choosing a demo records and plays it.
struct PickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pick", abstract: "Choose a demo in the terminal and play it (what `loopscope` alone does).")

    @Flag(name: .long, help: "Draw with ASCII only.")
    var ascii = false

    @Flag(name: .long, help: "Ask what runs (or prints) next before each step.")
    var predict = false

    func run() throws {
        try reporting {
            try browse()
        }
    }

    private func browse() throws {
        let demos = DemoCatalog.all
        let choices = demos.map { DemoChoice(id: $0.id, title: $0.info.title, origin: $0.info.origin) }
        let options = PlayerOptions(predict: predict, ascii: ascii)
        do {
            let outcome = try Player.browse(demos: choices, options: options) { index in
                demos[index].record().trace
            }
            if let summary = outcome?.summary, !summary.isEmpty { print(summary) }
            if let signal = outcome?.signal, signal != 0 { Player.exit(bySignal: signal) }
        } catch let error as PlayerError {
            throw CLIError(error.description, code: error.exitCode)
        }
    }
}
