import Foundation
import LoopscopeDemos
import LoopscopeTestSupport
import LoopscopeTimeline
import LoopscopeTrace
import Testing
@testable import LoopscopeRender

/// `--tasks`, `--from` and `--to` on the lane charts (`text`, `unicode`).
@Suite("Lane charts of a part of the run")
struct LaneSelectionTests {
    static let ids = DemoCatalog.all.map(\.id)

    static func trace(_ id: String) throws -> Trace {
        try #require(DemoCatalog.named(id)).record().trace
    }

    /// The chart's rows below the ruler (one per lane), without the label column.
    static func marks(_ chart: String, labelWidth: Int) -> [String] {
        let lines = chart.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let ruler = lines.firstIndex { $0.hasPrefix("time (s)") }!
        return lines[(ruler + 1)...].prefix { !$0.isEmpty }.map { String($0.dropFirst(labelWidth + 1)) }
    }

    /// The steps of a trace, numbered from 1 as the player numbers them: the events that
    /// are steps (docs/steps.md), in order. Gives each step's event index.
    static func stepEvents(_ trace: Trace) -> [Int] {
        trace.events.indices.filter { Step.isStep(trace.events[$0].kind) }
    }

    @Test(arguments: ids)
    func someLanesOverTheWholeRunKeepTheFullChartsMarks(id: String) throws {
        let trace = try Self.trace(id)
        let timeline = Timeline(trace: trace)
        // A label column of 8 in both charts, so that both have the same time axis.
        let base = LaneOptions(width: 100, title: false, legend: false, maxLabelWidth: 8)
        let full = Self.marks(try LaneRenderer.text(timeline, base), labelWidth: 8)
        #expect(full.count == timeline.lanes.count)
        // Every other lane, named as the exports name tasks, and one by its id.
        let picked = timeline.lanes.indices.filter { $0 % 2 == 1 || $0 == 0 }
        var names = picked.map { trace.tasks[Int(timeline.lanes[$0].task)].name }
        names[0] = String(timeline.lanes[picked[0]].task)
        var options = base
        options.selection = ExportSelection(tasks: names.reversed())
        let part = try LaneRenderer.text(timeline, options)
        #expect(part.hasPrefix("Part of the run: steps 1-\(timeline.steps.count) of \(timeline.steps.count),"))
        #expect(part.contains("; \(picked.count) of \(timeline.lanes.count) "))
        // In the usual order, whatever order they were named in.
        #expect(Self.marks(part, labelWidth: 8) == picked.map { full[$0] })
    }

    @Test(arguments: ids)
    func aStretchFromATasksStartToItsEndBeginsRunningAndEndsDone(id: String) throws {
        let trace = try Self.trace(id)
        guard !trace.tasks.contains(where: { $0.kind == .mainThread }) else { return }  // threads: no tasks
        let steps = Self.stepEvents(trace)
        let events = trace.events
        var checked = 0
        for task in trace.tasks.indices.map(Int32.init) {
            guard let start = steps.firstIndex(where: { events[$0].kind == .started && events[$0].task == task }),
                  let end = steps.firstIndex(where: { events[$0].kind == .completed && events[$0].task == task })
            else { continue }
            let name = trace.tasks[Int(task)].name
            let options = LaneOptions(width: 200, legend: false, maxLabelWidth: 40,
                                      selection: ExportSelection(tasks: [name], from: start + 1, to: end + 1))
            let chart = try LaneRenderer.text(Timeline(trace: trace), options)
            let lines = chart.split(separator: "\n").map(String.init)
            let (t0, t1) = (events[steps[start]].time, events[steps[end]].time)
            let expected = "Part of the run: steps \(start + 1)-\(end + 1) of \(steps.count), "
                + (t0 == t1 ? "all at t = \(t0) s" : "t = \(t0) s to \(t1) s") + "; 1 of \(trace.tasks.count) tasks."
            #expect(lines[1] == expected)
            let row = try #require(lines.last)
            #expect(row.hasPrefix(name + " ") || row.contains("(\(name)) "), "\(row)")
            let label = lines[lines.count - 2].prefix { $0 != "+" }.count  // the ruler's first tick
            let marks = row.dropFirst(label)
            #expect(marks.first == "#", "\(name) starts running at step \(start + 1): \(row)")
            #expect(marks.last == "|", "\(name) is done at step \(end + 1): \(row)")
            checked += 1
        }
        #expect(checked > 0)
    }

    @Test(arguments: ids)
    func aStretchShowsTheTasksAliveInIt(id: String) throws {
        let trace = try Self.trace(id)
        let steps = Self.stepEvents(trace)
        let events = trace.events
        let ends: Set<EventKind> = [.completed, .failed, .cancelled]
        for (from, to) in [(1, 1), (steps.count / 3, steps.count / 2), (steps.count * 2 / 3, steps.count)] {
            let lo = max(from, 1)
            let options = LaneOptions(width: 200, title: false, legend: false, maxLabelWidth: 60,
                                      selection: ExportSelection(from: lo, to: to))
            let chart = try LaneRenderer.text(Timeline(trace: trace), options)
            // A task is drawn when it was created by the last step and had not ended before the first.
            let alive = trace.tasks.indices.filter { t in
                let mine = steps.indices.filter { events[steps[$0]].task == Int32(t) }
                guard let created = mine.first, created <= to - 1 else { return false }
                let end = mine.first { ends.contains(events[steps[$0]].kind) }
                return end.map { $0 >= lo - 1 } ?? true
            }
            let rows = chart.split(separator: "\n").dropFirst(3)
            #expect(rows.count == alive.count, "steps \(lo)-\(to):\n\(chart)")
            for (row, t) in zip(rows, alive) {
                #expect(row.range(of: trace.tasks[t].name + "\\b", options: .regularExpression) != nil,
                        "\(row) is not \(trace.tasks[t].name)")
            }
        }
    }

    @Test func everyLineFitsAndTextStaysASCII() throws {
        for id in ["seed000-fetch-url", "seed004-jobs-async", "seed004-jobs-threads"] {
            let timeline = Timeline(trace: try Self.trace(id))
            let selections = [ExportSelection(tasks: ["2", "1"]), ExportSelection(from: 4, to: 9),
                              ExportSelection(tasks: ["2"], from: 10)]
            for width in 24...160 {
                for selection in selections {
                    let text = try LaneRenderer.text(timeline, LaneOptions(width: width, selection: selection))
                    #expect(text.utf8.allSatisfy { $0 < 0x80 }, "text is ASCII")
                    let unicode = try LaneRenderer.unicode(timeline, LaneOptions(width: width, color: true,
                                                                                 selection: selection))
                    #expect(stripANSI(unicode).contains("Part of the run:"))
                    for line in text.split(separator: "\n") + stripANSI(unicode).split(separator: "\n") {
                        #expect(TextWidth.columns(line) <= width, "width \(width): \(line)")
                    }
                }
            }
        }
    }

    @Test func namesAndStretchesThatSelectNothingAreTheOtherFormatsErrors() throws {
        let trace = try Self.trace("seed000-fetch-url")
        for selection in [ExportSelection(tasks: ["Task-99"]), ExportSelection(from: 40, to: 10)] {
            let lanes = #expect(throws: ExportError.self) {
                try Exporter.render(trace, format: .text, options: ExportOptions(selection: selection))
            }
            let sequence = #expect(throws: ExportError.self) {
                try Exporter.render(trace, format: .sequence, options: ExportOptions(width: 100, selection: selection))
            }
            let reason = { (e: ExportError?) -> String? in
                guard case let .badSelection(_, reason) = e else { return nil }
                return reason
            }
            #expect(reason(lanes) != nil && reason(lanes) == reason(sequence))
        }
    }

    @Test func theChromeAndJSONLinesTracesSayWhyTheyStayWholeAndWhatToUse() {
        let trace = LongQueueTests.crowd(3)
        for format in [ExportFormat.chrome, .jsonl] {
            let error = #expect(throws: ExportError.self) {
                try Exporter.render(trace, format: format, options: ExportOptions(selection: ExportSelection(from: 2)))
            }
            let message = error?.description ?? ""
            #expect(message.contains("whole") && message.contains("text, unicode, sequence"), "\(message)")
        }
    }

    @Test func goldenParts() throws {
        let fetch = Timeline(trace: try Self.trace("seed000-fetch-url"))
        let jobs = Timeline(trace: try Self.trace("seed004-jobs-async"))
        let threads = Timeline(trace: try Self.trace("seed004-jobs-threads"))
        LanesGolden.check(try LaneRenderer.text(fetch, LaneOptions(width: 80, selection: ExportSelection(tasks: ["Task-3"]))),
                          named: "parts/fetch_url.tasks.text80.txt")
        LanesGolden.check(try LaneRenderer.text(jobs, LaneOptions(width: 80, selection: ExportSelection(from: 30, to: 50))),
                          named: "parts/jobs_async.from30to50.text80.txt")
        let both = ExportSelection(tasks: ["Task-2", "Task-5"], from: 5, to: 40)
        LanesGolden.check(try LaneRenderer.unicode(jobs, LaneOptions(width: 80, selection: both)),
                          named: "parts/jobs_async.tasks.from5to40.unicode80.txt")
        LanesGolden.check(try LaneRenderer.unicode(jobs, LaneOptions(width: 80, color: true, selection: both)),
                          named: "parts/jobs_async.tasks.from5to40.unicode80.color.txt")
        LanesGolden.check(try LaneRenderer.text(threads, LaneOptions(width: 80, selection: ExportSelection(from: 20, to: 60))),
                          named: "parts/jobs_threads.from20to60.text80.txt")
    }
}
