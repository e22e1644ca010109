/// A complete, self-contained record of one run: what ran, where, and in what order.
///
/// A trace is immutable once recorded; everything else (timeline, renderers, the terminal
/// front end) is derived from it. It embeds the program's source files so it replays
/// anywhere. The JSON Lines form is described in `docs/trace-format.md`.
///
/// ```swift
/// for event in trace.events where event.kind == .printed {
///     print(trace.text(of: event) ?? "")
/// }
/// ```
public struct Trace: Equatable, Sendable {
    /// The trace format version this build writes.
    public static let formatVersion = 2
    /// The trace format versions this build reads.
    public static let readableVersions: ClosedRange<Int> = 1...2

    public var program: ProgramInfo
    public var files: [SourceFile]
    public var sites: [SourceSite]
    public var tasks: [TaskInfo]
    public var strings: [String]
    public var events: [TraceEvent]
    /// What a `suspended` event awaits, in words (`sleep(1)`, `queue.get()`): string ids by
    /// event index, only for the events that carry one (format version 2).
    public var waitLabels: [Int: Int32]

    public init(program: ProgramInfo, files: [SourceFile] = [], sites: [SourceSite] = [],
                tasks: [TaskInfo] = [], strings: [String] = [], events: [TraceEvent] = [],
                waitLabels: [Int: Int32] = [:]) {
        self.program = program
        self.files = files
        self.sites = sites
        self.tasks = tasks
        self.strings = strings
        self.events = events
        self.waitLabels = waitLabels
    }

    /// What the `suspended` event at `index` awaits, as a person would say it, if recorded.
    public func waitLabel(ofEvent index: Int) -> String? {
        guard let id = waitLabels[index], id >= 0, Int(id) < strings.count else { return nil }
        return strings[Int(id)]
    }

    /// The string an event carries (printed text, result, error, label, message), if any.
    public func text(of event: TraceEvent) -> String? {
        guard let id = event.stringID, id >= 0, id < strings.count else { return nil }
        return strings[id]
    }

    /// The task an id names, or nil for -1 / out of range.
    public func task(_ id: Int32) -> TaskInfo? {
        id >= 0 && Int(id) < tasks.count ? tasks[Int(id)] : nil
    }

    /// The site an id names, or nil.
    public func site(_ id: Int32) -> SourceSite? {
        id >= 0 && Int(id) < sites.count ? sites[Int(id)] : nil
    }

    /// `file:line` for a site id, with the file's last path component, e.g. `Seed000.swift:18`.
    public func siteLabel(_ id: Int32) -> String? {
        guard let s = site(id), s.file >= 0, Int(s.file) < files.count else { return nil }
        let path = files[Int(s.file)].path
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return "\(name):\(s.line)"
    }

    /// The source line a site points at, without leading/trailing blanks.
    public func sourceLine(_ id: Int32) -> String? {
        guard let s = site(id), s.file >= 0, Int(s.file) < files.count else { return nil }
        let lines = files[Int(s.file)].lines
        let i = Int(s.line) - 1
        guard i >= 0, i < lines.count else { return nil }
        return String(lines[i]).trimmingBlanks()
    }

    /// Lines printed by the program, in order, with the virtual time of each.
    public var output: [(time: VirtualTime, text: String, stream: OutputStream)] {
        events.compactMap { e in
            guard e.kind == .printed, let t = text(of: e) else { return nil }
            return (e.time, t, e.outputStream ?? .stdout)
        }
    }

    /// The time of the last event (the run's virtual duration).
    public var duration: VirtualTime { events.last?.time ?? .zero }
}

extension String {
    func trimmingBlanks() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
