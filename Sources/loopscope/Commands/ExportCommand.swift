import ArgumentParser
import Foundation
import LoopscopeOutput
import LoopscopeRender
import LoopscopeTimeline
import LoopscopeTrace
import LoopscopeTUI

/// What `--format` names: an exporter's format, or the player's screen at one step.
enum ExportChoice: ExpressibleByArgument, Equatable {
    case format(ExportFormat)
    case screen

    init?(argument: String) {
        if argument == "screen" {
            self = .screen
        } else if let f = ExportFormat(rawValue: argument) {
            self = .format(f)
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { ExportFormat.allCases.map(\.rawValue) + ["screen"] }

    /// The word `--help` shows as the default: the one a user types.
    var defaultValueDescription: String {
        switch self {
        case .format(let f): f.rawValue
        case .screen: "screen"
        }
    }
}

/// `loopscope export <demo|trace.jsonl> --format F`: the same run as text, diagrams or data.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a run: ASCII/Unicode lanes, sequence diagram, breakdown, Mermaid, Perfetto JSON, Markdown, JSONL.")

    @Argument(help: "A demo id (see `loopscope list`), a .py program (recorded on CPython), a .jsonl trace file, or - to read a trace from standard input.")
    var input: String

    @OptionGroup var python: PythonFlags

    @Option(name: .shortAndLong, help: "One of: \(ExportChoice.allValueStrings.joined(separator: ", ")) (the player's screen at --step, as text).")
    var format: ExportChoice = .format(.text)

    @Option(name: .long, help: "With --format screen: the step to show, numbered from 1 as the player, explain and the handout number steps.")
    var step: Int?

    @Option(name: .long, help: "With --format screen: the screen's height in rows (default 24).")
    var height: Int?

    @Option(name: .shortAndLong, help: "Columns every line must fit in, \(WidthLimit.text) (default: the terminal's width, or 80 when not a terminal).")
    var width: Int?

    func validate() throws { try WidthLimit.check(width) }

    @Flag(name: .long, help: "Show a trace file even when `loopscope validate` finds it inconsistent.")
    var force = false

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(inversion: .prefixedNo, help: "ANSI colours (unicode lanes). Default: on only for a terminal, and off when NO_COLOR is set.")
    var color: Bool?

    @Flag(name: .long, help: "Allow non-ASCII glyphs and text in the sequence diagram and breakdown.")
    var unicode = false

    @OptionGroup var part: PartOptions

    func run() throws {
        try reporting {
            let loaded = try TraceInput.load(input, python: python, force: force)
            let trace = loaded.trace
            guard case .format(let format) = format else {
                try exportScreen(trace)
                Terminal.relay(loaded)
                return
            }
            if step != nil || height != nil {
                throw CLIError("--step and --height apply to --format screen (the player's screen at one step).",
                               code: 2)
            }
            let useColor = color ?? (output == nil && Terminal.isTerminal(1) && !Terminal.noColor)
            let options = ExportOptions(width: width ?? Terminal.defaultWidth(writingTo: output),
                                        color: useColor, ascii: !unicode, selection: part.selection)
            try Output.stream(to: output, ExportOutput.producer(trace, format: format, options: options))
            Terminal.relay(loaded)
        }
    }
}

extension ExportCommand {
    /// `--format screen --step N`: the player's screen at step N as text.
    private func exportScreen(_ trace: Trace) throws {
        guard let step else {
            throw CLIError("--format screen needs --step N: the step to show (1 is the first).", code: 2)
        }
        let index = try StepNumber.index(of: step, in: trace)
        let size = TerminalSize(width: width ?? TerminalSize.minimum.width, height: height ?? TerminalSize.minimum.height)
        do {
            let text = try ScreenShot.text(timeline: Timeline(trace: trace), stepNumber: index + 1, size: size,
                                           ascii: !unicode)
            try Terminal.deliver(text, to: output)
        } catch let error as ScreenShotError {
            throw CLIError(error.description + ".", code: 2)
        }
    }
}

/// `loopscope explain <demo>`: the numbered control-flow breakdown.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain a run step by step, in event-loop terms.")

    @Argument(help: "A demo id (see `loopscope list`), a .py program (recorded on CPython), a .jsonl trace file, or - to read a trace from standard input.")
    var input: String

    @Option(name: .shortAndLong, help: "Columns every line must fit in, \(WidthLimit.text) (default: the terminal's width, or 80 when not a terminal).")
    var width: Int?

    @OptionGroup var python: PythonFlags

    @OptionGroup var part: PartOptions

    func validate() throws { try WidthLimit.check(width) }

    @Flag(name: .long, help: "Show a trace file even when `loopscope validate` finds it inconsistent.")
    var force = false

    func run() throws {
        try reporting {
            let loaded = try TraceInput.load(input, python: python, force: force)
            let trace = loaded.trace
            defer { Terminal.relay(loaded) }
            let options = ExportOptions(width: width ?? Terminal.defaultWidth(writingTo: nil),
                                        selection: part.selection)
            try Output.stream(to: nil, ExportOutput.producer(trace, format: .breakdown, options: options))
        }
    }
}

/// `--tasks`, `--from`, `--to`: the part of a run an export shows.
struct PartOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only these tasks, by name as the exports show them (Task-2) or id, comma-separated."
                               + " --tasks, --from and --to apply to text, unicode, sequence, mermaid, breakdown and"
                               + " markdown (not chrome or jsonl, which hold the whole run).",
                               valueName: "names"))
    var tasks: String?

    @Option(help: ArgumentHelp("From this step on (numbered from 1, as the player numbers them: g N). The lane"
                               + " charts' time axis then spans these steps, and a line says which part is shown.",
                               valueName: "step"))
    var from: Int?

    @Option(help: ArgumentHelp("Up to this step, included.", valueName: "step"))
    var to: Int?

    var selection: ExportSelection {
        ExportSelection(tasks: (tasks ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                            .filter { !$0.isEmpty },
                        from: from, to: to)
    }
}

/// The widths `--width` accepts: a line longer than 10,000 columns helps nobody, and a
/// larger number would only allocate without bound (or overflow).
enum WidthLimit {
    static let range = 1...10_000
    static let text = "1 to 10000"

    static func check(_ width: Int?) throws {
        guard let width, !range.contains(width) else { return }
        throw ValidationError("--width must be \(text) columns, not \(width).")
    }
}
