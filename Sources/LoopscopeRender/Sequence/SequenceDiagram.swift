import LoopscopeTimeline
import LoopscopeTrace

/// A text sequence diagram of a run: the event loop and each task as a column with a
/// lifeline, control passing between them as arrows, prints and clock jumps as notes.
///
/// ```
///   time loop            Task-1          Task-2
///        event loop      main()          foo()
///        |
///     0s |---- create -->|
///        |---- start --->#
///        |               #- create ----->|
///        |               # print: finished
///        |<-- return None#
/// ```
///
/// Solid arrows pass control (create, start, resume, await, return); dashed arrows only make
/// the receiver ready (a wake-up, a `cancel()` request). A lifeline is `#` while its task
/// holds the loop and `|` while it exists. The virtual time is shown in the left margin
/// whenever it changes.
///
/// Fitting the width: columns share the width evenly (at most `maxColumn` wide). When more
/// participants exist than fit at `minColumn` columns each, the diagram is split into pages,
/// each repeating the loop's column beside the next group of tasks. An arrow to a task on
/// another page is drawn as a note on the task that is present (`create -> Task-9`,
/// `<- create from Task-1`); arrows between the loop and a task appear only on that
/// task's page. Labels that do not fit on their arrow go on a line above it and
/// are cut at the right edge. No line is ever wider than the width asked for.
///
/// It does not colour its output (`ExportOptions.color` is ignored).
public enum SequenceDiagram {
    /// The narrowest column a participant gets.
    public static let minColumn = 12
    /// The widest column a participant gets, however wide the page.
    public static let maxColumn = 24

    /// The width the diagram of `trace` needs at least: the time margin and two columns.
    public static func minimumWidth(for trace: Trace) -> Int {
        timeMargin(trace) + min(2, trace.tasks.count + 1) * minColumn
    }

    /// The most tasks a diagram draws; a larger run must pick some (`ExportSelection`).
    public static let maxTasks = 200

    /// Draws the diagram, or throws when `options.width` is below `minimumWidth(for:)`, or
    /// when more than `maxTasks` tasks would be drawn.
    public static func render(_ trace: Trace, options: ExportOptions) throws(ExportError) -> String {
        try layout(trace, options: options).lines.joined(separator: "\n") + "\n"
    }

    /// Appends the diagram to `out`, handing it on to `stream` a line at a time.
    static func write(_ trace: Trace, options: ExportOptions, to stream: ExportStream,
                      _ out: inout [UInt8]) throws(ExportError) {
        for line in try layout(trace, options: options).lines {
            out += line.utf8
            out.append(UInt8(ascii: "\n"))
            try stream.spill(&out)
        }
    }

    /// The diagram's lines, with the trace event each row shows and each page's header
    /// rows (what the player needs to follow a step and keep the names on screen).
    public static func layout(_ trace: Trace, options: ExportOptions) throws(ExportError) -> SequenceLayout {
        let minimum = minimumWidth(for: trace)
        guard options.width >= minimum else {
            throw .widthTooSmall(format: .sequence, width: options.width, minimum: minimum)
        }
        let script = try script(trace, options: options, format: .sequence)
        let glyphs = SequenceGlyphs(ascii: options.ascii)
        let margin = timeMargin(trace)
        let perPage = max(2, (options.width - margin) / minColumn)
        let tasks = Array(script.shown.dropFirst())
        var pages: [[Int]] = []
        if tasks.isEmpty {
            pages = [[0]]
        } else {
            var i = 0
            while i < tasks.count {
                let group = Array(tasks[i..<min(tasks.count, i + perPage - 1)])
                pages.append([0] + group)
                i += group.count
            }
        }
        var out = SequenceLayout()
        for (n, page) in pages.enumerated() {
            if pages.count > 1 {
                if n > 0 { out.append("", event: -1, header: -1) }
                let names = page.map { script.participants[$0].name }
                let heading = "Page \(n + 1) of \(pages.count): " + names.joined(separator: ", ")
                out.append(TextWidth.fit(heading, options.width, ellipsis: glyphs.ellipsis), event: -1, header: -1)
            }
            var drawer = PageDrawer(script: script, page: page, margin: margin,
                                    width: options.width, glyphs: glyphs)
            let (lines, events) = drawer.draw()
            let header = out.lines.count
            for (line, event) in zip(lines, events) { out.append(line, event: event, header: header) }
        }
        return out
    }

    /// The script of the part of the run `options.selection` picks, or throws when it has
    /// more than `maxTasks` tasks to draw (saying how to pick fewer).
    static func script(_ trace: Trace, options: ExportOptions,
                       format: ExportFormat) throws(ExportError) -> SequenceScript {
        let selection = options.selection
        let tasks = try selection.taskIDs(in: trace, format: format)
        if let tasks, tasks.count > maxTasks {
            throw .tooLarge(format: format, tasks: tasks.count, limit: maxTasks)
        }
        if tasks == nil && selection.from == nil && selection.to == nil && trace.tasks.count > maxTasks {
            throw .tooLarge(format: format, tasks: trace.tasks.count, limit: maxTasks)
        }
        let events = selection.from == nil && selection.to == nil ? 0..<trace.events.count
            : try selection.events(in: Timeline(trace: trace), format: format)
        let script = SequenceScript(trace: trace, ascii: options.ascii, tasks: tasks, events: events)
        if script.shown.count - 1 > maxTasks {
            throw .tooLarge(format: format, tasks: script.shown.count - 1, limit: maxTasks)
        }
        return script
    }

    /// Columns for the time labels, e.g. `   1.5s ` (widest label plus one blank).
    static func timeMargin(_ trace: Trace) -> Int {
        var widest = 4  // "time"
        var last: VirtualTime? = nil
        for e in trace.events where e.time != last {
            last = e.time
            widest = max(widest, "\(e.time)s".count)
        }
        return widest + 1
    }
}

/// The characters a sequence diagram is drawn with.
struct SequenceGlyphs {
    var lifeline: String
    var running: String
    var solid: String
    var dashed: String
    var right: String
    var left: String
    var ellipsis: String

    init(ascii: Bool) {
        if ascii {
            lifeline = "|"; running = "#"; solid = "-"; dashed = "."
            right = ">"; left = "<"; ellipsis = "..."
        } else {
            lifeline = "│"; running = "┃"; solid = "─"; dashed = "┄"
            right = "▶"; left = "◀"; ellipsis = "…"
        }
    }
}

/// A sequence diagram as lines, with what each row shows.
public struct SequenceLayout: Sendable {
    public private(set) var lines: [String] = []
    /// The index in `Trace.events` of the event each row shows (-1: none), row for row.
    public private(set) var events: [Int32] = []
    /// The first of the `headerRows` rows that name the participants of each row's page
    /// (-1 for a page heading or the blank line before it).
    public private(set) var headers: [Int32] = []
    /// How many rows name a page's participants: the names, then what each runs.
    public static let headerRows = PageDrawer.headerRows

    mutating func append(_ line: String, event: Int32, header: Int) {
        lines.append(line)
        events.append(event)
        headers.append(Int32(header))
    }
}
