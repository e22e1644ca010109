import Foundation
import LoopscopeScheduler

/// What CPython 3.11 printed and did for one case, read from `Reference/<case>.jsonl`
/// (recorded by the reference tracer on a virtual clock).
struct CPythonReference {
    struct Line: Equatable, CustomStringConvertible {
        var time: VirtualTime
        var text: String
        var description: String { "\(time) \(text)" }
    }

    /// A task's life event, named as both sides can: `Task-2 started`.
    struct TaskEvent: Equatable, CustomStringConvertible {
        var task: String
        var what: String
        var description: String { "\(task) \(what)" }
    }

    var output: [Line] = []
    var taskEvents: [TaskEvent] = []

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Reference")

    init(case name: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent("\(name).jsonl"), encoding: .utf8)
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
                taskEvents.append(TaskEvent(task: task, what: thrown == nil ? "resumed" : "resumed(\(thrown!))"))
            case "task_done": taskEvents.append(TaskEvent(task: task, what: "done(\(object["outcome"] as! String))"))
            default: break
            }
        }
    }

    /// The same two views of a loopscope trace (worker-thread lanes have no CPython task events).
    static func view(of trace: Trace) -> (output: [Line], taskEvents: [TaskEvent]) {
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
                let mode = e.resumeMode ?? .normal
                events.append(TaskEvent(task: name, what: mode == .cancelled ? "resumed(CancelledError)" : "resumed"))
            case .completed where isTask: events.append(TaskEvent(task: name, what: "done(result)"))
            case .failed where isTask: events.append(TaskEvent(task: name, what: "done(exception)"))
            case .cancelled where isTask: events.append(TaskEvent(task: name, what: "done(cancelled)"))
            default: break
            }
        }
        return (lines, events)
    }
}
