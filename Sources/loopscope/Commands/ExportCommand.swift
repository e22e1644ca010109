import ArgumentParser
import Foundation
import LoopscopeRender

extension ExportFormat: ExpressibleByArgument {}

/// `loopscope export <demo|trace.jsonl> --format F`: the same run as text, diagrams or data.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a run: ASCII/Unicode lanes, sequence diagram, breakdown, Mermaid, Perfetto JSON, Markdown, JSONL.")

    @Argument(help: "A demo id (see `loopscope list`), a .py program (recorded on CPython) or a .jsonl trace file.")
    var input: String

    @OptionGroup var python: PythonFlags

    @Option(name: .shortAndLong, help: "One of: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ExportFormat = .text

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
            let useColor = color ?? (output == nil && Terminal.isTerminal(1) && !Terminal.noColor)
            let options = ExportOptions(width: width ?? Terminal.defaultWidth(writingTo: output),
                                        color: useColor, ascii: !unicode, selection: part.selection)
            let text: String
            do {
                text = try Exporter.render(trace, format: format, options: options)
            } catch {
                throw CLIError("\(error)", code: 2)
            }
            try Terminal.deliver(text.hasSuffix("\n") ? text : text + "\n", to: output)
            Terminal.relay(loaded)
        }
    }
}

/// `loopscope explain <demo>`: the numbered control-flow breakdown.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain a run step by step, in event-loop terms.")

    @Argument(help: "A demo id (see `loopscope list`), a .py program (recorded on CPython) or a .jsonl trace file.")
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
            let text: String
            do {
                text = try Exporter.render(trace, format: .breakdown, options: options)
            } catch {
                throw CLIError("\(error)", code: 2)
            }
            try Terminal.writeOut(text.hasSuffix("\n") ? text : text + "\n")
        }
    }
}

/// `--tasks`, `--from`, `--to`: the part of a run an export shows.
struct PartOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only these tasks, by name or id, comma-separated (sequence, mermaid, breakdown, markdown).",
                               valueName: "names"))
    var tasks: String?

    @Option(help: ArgumentHelp("From this step on (numbered from 1, as the player numbers them: g N).", valueName: "step"))
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
