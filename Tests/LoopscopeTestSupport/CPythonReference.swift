import Foundation
import LoopscopeScheduler

/// What CPython printed and did for one case, read from `<folder>/<case>.jsonl`: a
/// loopscope trace recorded on CPython by loopscope's recorder on a virtual clock
/// (`scripts/regen-references.sh` re-records them all).
public struct CPythonReference {
    public struct Line: Equatable, CustomStringConvertible, Sendable {
        public var time: VirtualTime
        public var text: String
        public var description: String { "\(time) \(text)" }
    }

    /// A task's life event, named as both sides can: `Task-2 started`.
    public struct TaskEvent: Equatable, CustomStringConvertible, Sendable {
        public var task: String
        public var what: String
        public var description: String { "\(task) \(what)" }
    }

    /// The recorded trace itself.
    public var trace: Trace
    public var output: [Line] = []
    public var taskEvents: [TaskEvent] = []
    /// Messages the loop would have logged (`Task exception was never retrieved`, …): each
    /// warning's message up to its first colon.
    public var loopErrors: [String] = []

    /// Reads `<folder>/<name>.jsonl`; pass the test file's `#filePath` folder + `Reference`.
    public init(case name: String, in folder: URL) throws {
        let url = folder.appendingPathComponent("\(name).jsonl")
        let data = try Data(contentsOf: url)
        trace = try TraceJSONL.decode([UInt8](data), sourceName: url.path)
        (output, taskEvents) = Self.view(of: trace)
        loopErrors = trace.events.filter { $0.kind == .warning && $0.warningKind != .deadlock && $0.warningKind != .limit }
            .map { e in String((trace.text(of: e) ?? "").split(separator: ":", maxSplits: 1).first ?? "") }
    }

    /// The same two views of a loopscope trace: lines printed to stdout (CPython writes its
    /// own warnings and tracebacks to stderr) and task events (worker-thread lanes have none).
    public static func view(of trace: Trace) -> (output: [Line], taskEvents: [TaskEvent]) {
        var lines: [Line] = []
        var events: [TaskEvent] = []
        for e in trace.events {
            let info = trace.task(e.task)
            let isTask = info?.kind == .task
            let name = info?.name ?? ""
            switch e.kind {
            case .printed where e.outputStream != .stderr: lines.append(Line(time: e.time, text: trace.text(of: e) ?? ""))
            case .created where isTask: events.append(TaskEvent(task: name, what: "created"))
            case .started where isTask: events.append(TaskEvent(task: name, what: "started"))
            case .suspended where isTask: events.append(TaskEvent(task: name, what: "suspended"))
            case .resumed where isTask:
                let what = switch e.resumeMode ?? .normal {
                case .normal: "resumed"
                case .cancelled: "resumed(CancelledError)"
                case .error: "resumed(error)"
                }
                events.append(TaskEvent(task: name, what: what))
            case .completed where isTask: events.append(TaskEvent(task: name, what: "done(result)"))
            case .failed where isTask: events.append(TaskEvent(task: name, what: "done(exception)"))
            case .cancelled where isTask: events.append(TaskEvent(task: name, what: "done(cancelled)"))
            default: break
            }
        }
        return (lines, events)
    }
}
