import ArgumentParser
import Foundation
import LoopscopeRender
import LoopscopeTrace
import LoopscopeTUI

/// `loopscope check-readers <trace.jsonl>…` (hidden): runs every reader on each file in one
/// process — decode, validate, every export format at three widths (one in ASCII), and the
/// player's frames at one screen size per file (`--screen-index`) — and checks that no
/// output carries a raw control, C1 or bidi character. Prints one line per file as soon as
/// it is done (`ok` with the frames drawn and the screen size, `rejected` with the decoder's
/// message, or `problem`), so the fuzzer (`scripts/fuzz.py`) can run thousands of mutants
/// without a process each, and tell from the last line which file a crash or hang happened
/// on.
struct CheckReadersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-readers",
        abstract: "Run every reader on trace files and check their output (for fuzzing).",
        shouldDisplay: false)

    @Argument(help: "Trace files.")
    var files: [String]

    @Option(help: "Frames of the player to draw per view and screen size.")
    var frames = 12

    @Option(help: "Which screen size the first file gets; the files after it take the next sizes in turn.")
    var screenIndex = 0

    func run() throws {
        try reporting {
            for (i, file) in files.enumerated() {
                try Terminal.writeOut(check(file, size: Self.size(at: screenIndex + i)) + "\n")
            }
        }
    }

    /// The screen size number `index` (of `FrameWalk.sizes`, in turn): the fuzzer passes a
    /// mutant's index, so a mutant gets the same size whatever batch it runs in.
    static func size(at index: Int) -> TerminalSize {
        let sizes = FrameWalk.sizes
        return sizes[((index % sizes.count) + sizes.count) % sizes.count]
    }

    /// Every reader on one file; the player at one screen size.
    func check(_ file: String, size: TerminalSize) -> String {
        let name = Sanitizer.line(file)
        guard let data = FileManager.default.contents(atPath: file) else { return "problem\t\(name)\tunreadable" }
        let trace: Trace
        do {
            trace = try TraceJSONL.decode([UInt8](data), sourceName: file)
        } catch {
            let message = error.description
            if let leak = Self.leak(in: message) { return "problem\t\(name)\tdecoder message carries \(leak)" }
            return "rejected\t\(name)\t\(message)"
        }
        var problems: [String] = []
        for problem in trace.validate() {
            if let leak = Self.leak(in: problem.description) { problems.append("validator message carries \(leak)") }
        }
        for format in ExportFormat.allCases {
            for (width, ascii) in [(80, true), (37, false), (211, false)] {
                do {
                    let out = try Exporter.render(trace, format: format, options: ExportOptions(width: width, ascii: ascii))
                    if let leak = Self.leak(in: out) { problems.append("\(format) at \(width) carries \(leak)") }
                    if [.text, .unicode, .sequence, .breakdown].contains(format), ascii || format != .text,
                       let long = out.split(separator: "\n").first(where: { TextWidth.columns($0) > width }) {
                        problems.append("\(format) line wider than \(width): \(Sanitizer.line(long.prefix(60)))")
                    }
                } catch {
                    if case .widthTooSmall = error {} else { problems.append("\(format): \(error)") }
                }
            }
        }
        let walk = FrameWalk.run(trace: trace, frames: frames, sizes: [size])
        problems += walk.problems
        guard problems.isEmpty else { return "problem\t\(name)\t" + Sanitizer.line(problems.prefix(5).joined(separator: "; ")) }
        return "ok\t\(name)\t\(walk.frames) frames at \(size.width)×\(size.height)"
    }

    /// The first character in `text` that must never reach a terminal raw: a C0 control
    /// other than a line feed, DEL, a C1 control, or a bidi override, embedding or isolate.
    static func leak(in text: String) -> String? {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let bad = (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
                || (0x2066...0x2069).contains(v)
            if bad { return String(format: "U+%04X", v) }
        }
        return nil
    }
}
