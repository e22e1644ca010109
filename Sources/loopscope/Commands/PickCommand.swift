import ArgumentParser
import LoopscopeCurses
import LoopscopeDemos
import LoopscopeTUI
import LoopscopeTrace

/// `loopscope` / `loopscope pick`: the demo picker; choosing a demo records and plays it.
struct PickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pick", abstract: "Choose a demo in the terminal and play it (what `loopscope` alone does).")

    @Flag(name: .long, help: "Draw with ASCII only.")
    var ascii = false

    @Flag(name: .long, help: "Ask what runs (or prints) next before each step.")
    var predict = false

    @Option(name: .long, help: "Colours: dark (the default), light (for a light background) or projector (high contrast, nothing dim); t cycles them.")
    var theme: String = "dark"

    @OptionGroup var python: PythonFlags

    func run() throws {
        try reporting {
            try browse()
        }
    }

    private func browse() throws {
        // Each demo's Swift port, then its Python original (recorded on CPython when chosen).
        var entries: [(demo: Demo, language: ProgramLanguage)] = []
        for demo in DemoCatalog.all {
            entries.append((demo, .swift))
            if demo.pythonSource != nil { entries.append((demo, .python)) }
        }
        let choices = entries.map {
            DemoChoice(id: $0.demo.id, title: $0.demo.info.title, origin: $0.demo.info.origin,
                       language: $0.language.rawValue, lesson: $0.demo.lesson)
        }
        let options = PlayerOptions(predict: predict, ascii: ascii, theme: try Theme.named(theme))
        var flags = python
        flags.lang = .python
        do {
            let outcome = try Player.browse(demos: choices, options: options) { index in
                let (demo, language) = entries[index]
                return language == .python ? try TraceInput.recordTwin(demo, flags).trace : demo.record().trace
            }
            if let summary = outcome?.summary, !summary.isEmpty { try Terminal.writeOut(summary + "\n") }
            if let signal = outcome?.signal, signal != 0 { Player.exit(bySignal: signal) }
        } catch let error as PlayerError {
            throw CLIError(error.description, code: error.exitCode)
        }
    }
}
