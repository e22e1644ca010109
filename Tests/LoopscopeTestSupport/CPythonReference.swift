import Foundation
import LoopscopeScheduler

/// What CPython 3.11 printed and did for one case, read from `<folder>/<case>.jsonl`
/// (recorded by the reference tracer, `tracer.py`, on a virtual clock).
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

    public var output: [Line] = []
    public var taskEvents: [TaskEvent] = []
    /// Messages the loop would have logged (`Task exception was never retrieved`, …).
    public var loopErrors: [String] = []

    /// Reads `<folder>/<name>.jsonl`; pass the test file's `#filePath` folder + `Reference`.
    public init(case name: String, in folder: URL) throws {
        let text = try String(contentsOf: folder.appendingPathComponent("\(name).jsonl"), encoding: .utf8)
        for line in text.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let kind = object["kind"] as! String
            let task = object["task"] as? String ?? ""
            switch kind {
            case "print":
                let t = (object["t"] as! NSNumber).doubleValue
                output.append(Line(time: VirtualTime(seconds: t), text: object["text"] as! String))
            case "task_created": taskEvents.append(TaskEvent(task: task, what: "created"))
            case "task_started": taskEvents.append(TaskEvent(task: task, what: "started"))
            case "task_suspended": taskEvents.append(TaskEvent(task: task, what: "suspended"))
            case "task_resumed":
                let thrown = object["throw"] as? String
                let mode = thrown.map { $0 == "CancelledError" ? "resumed(CancelledError)" : "resumed(error)" }
                taskEvents.append(TaskEvent(task: task, what: mode ?? "resumed"))
            case "task_done": taskEvents.append(TaskEvent(task: task, what: "done(\(object["outcome"] as! String))"))
            case "loop_error": loopErrors.append(object["message"] as? String ?? "")
            default: break
            }
        }
    }

    /// The same two views of a loopscope trace (worker-thread lanes have no CPython task events).
    public static func view(of trace: Trace) -> (output: [Line], taskEvents: [TaskEvent]) {
        var lines: [Line] = []
        var events: [TaskEvent] = []
        for e in trace.events {
            let info = trace.task(e.task)
            let isTask = info?.kind == .task
            let name = info?.name ?? ""
            switch e.kind {
            case .printed: lines.append(Line(time: e.time, text: trace.text(of: e) ?? ""))
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
