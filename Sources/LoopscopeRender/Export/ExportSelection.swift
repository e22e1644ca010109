import LoopscopeTimeline
import LoopscopeTrace

/// Which part of a run an export shows: some tasks (`--tasks`) and a stretch of steps
/// (`--from`, `--to`). Empty: the whole run.
///
/// ```swift
/// var s = ExportSelection(tasks: ["Task-1", "7"], from: 100, to: 200)
/// ```
///
/// Tasks are named as the exports name them (`Task-2`) or by their id in the trace (`7`);
/// steps are numbered from 1, as the player numbers them (`g 42` goes to step 42), and both
/// ends are included; the breakdown shows the entries that cover any of them. The lane
/// charts (`text`, `unicode`; see `LanePart`), the sequence diagram, the Mermaid diagram and
/// the breakdown honour it (and a Markdown handout's breakdown, timeline and diagram); the
/// Chrome trace and the JSON Lines trace always hold the whole run.
public struct ExportSelection: Equatable, Sendable {
    public var tasks: [String]
    public var from: Int?
    public var to: Int?

    public init(tasks: [String] = [], from: Int? = nil, to: Int? = nil) {
        self.tasks = tasks
        self.from = from
        self.to = to
    }

    /// Whether it selects anything less than the whole run.
    public var isWholeRun: Bool { tasks.isEmpty && from == nil && to == nil }

    /// The task ids named, or nil for every task; throws for a name no task has.
    func taskIDs(in trace: Trace, format: ExportFormat) throws(ExportError) -> Set<Int32>? {
        guard !tasks.isEmpty else { return nil }
        var byName: [String: Int32] = [:]
        for (i, t) in trace.tasks.enumerated() where byName[t.name] == nil { byName[t.name] = Int32(i) }
        var ids: Set<Int32> = []
        for name in tasks {
            if let id = byName[name] {
                ids.insert(id)
            } else if let id = Int32(name), id >= 0, Int(id) < trace.tasks.count {
                ids.insert(id)
            } else {
                throw .badSelection(format: format, reason: "no task is named '\(Sanitizer.line(name, ascii: true))'"
                    + " (give task names as the exports show them, e.g. Task-2, or task ids)")
            }
        }
        return ids
    }

    /// The steps selected (0-based, both ends within the run), or throws when the range is empty.
    func steps(in timeline: Timeline, format: ExportFormat) throws(ExportError) -> ClosedRange<Int> {
        let count = timeline.steps.count
        guard count > 0 else { return 0...0 }
        let first = max(1, from ?? 1)
        let last = min(count, to ?? count)
        guard first <= last else {
            throw .badSelection(format: format, reason: "no step lies between --from \(from ?? 1) and"
                + " --to \(to ?? count) (the run has steps 1 to \(count))")
        }
        return (first - 1)...(last - 1)
    }

    /// The trace events the selected steps cover.
    func events(in timeline: Timeline, format: ExportFormat) throws(ExportError) -> Range<Int> {
        guard from != nil || to != nil, !timeline.steps.isEmpty else { return 0..<timeline.trace.events.count }
        let steps = try self.steps(in: timeline, format: format)
        return timeline.events(ofStep: steps.lowerBound).lowerBound..<timeline.events(ofStep: steps.upperBound).upperBound
    }
}
