/// Builds a `Trace` event by event, interning strings, sites and files.
///
/// The scheduler records through this; tests and generators use it to make traces by hand.
///
/// ```swift
/// var b = TraceBuilder(program: ProgramInfo(id: "x", title: "X"))
/// let main = b.addTask(TaskInfo(name: "Task-1", label: "main()"))
/// b.append(TraceEvent(kind: .created, time: .zero, task: main, value: Int64(b.intern("main()"))))
/// let trace = b.build()
/// ```
public struct TraceBuilder: Sendable {
    public private(set) var trace: Trace
    private var stringIDs: [String: Int32] = [:]
    private var siteIDs: [SourceSite: Int32] = [:]
    private var fileIDs: [String: Int32] = [:]

    public init(program: ProgramInfo) {
        trace = Trace(program: program)
    }

    public mutating func reserveCapacity(events: Int) {
        trace.events.reserveCapacity(events)
    }

    @inline(__always)
    public mutating func append(_ event: TraceEvent) {
        trace.events.append(event)
    }

    public var eventCount: Int { trace.events.count }

    /// Says what the last appended event (a `suspended` one) awaits, e.g. `queue.get()`.
    public mutating func labelLastWait(_ text: String) {
        guard let last = trace.events.indices.last else { return }
        trace.waitLabels[last] = intern(text)
    }

    public mutating func intern(_ s: String) -> Int32 {
        if let id = stringIDs[s] { return id }
        let id = Int32(trace.strings.count)
        trace.strings.append(s)
        stringIDs[s] = id
        return id
    }

    /// Adds a file (or returns the existing one with that path).
    public mutating func file(path: String, text: @autoclosure () -> String) -> Int32 {
        if let id = fileIDs[path] { return id }
        let id = Int32(trace.files.count)
        trace.files.append(SourceFile(path: path, text: text()))
        fileIDs[path] = id
        return id
    }

    public mutating func site(file: Int32, line: Int32) -> Int32 {
        let s = SourceSite(file: file, line: line)
        if let id = siteIDs[s] { return id }
        let id = Int32(trace.sites.count)
        trace.sites.append(s)
        siteIDs[s] = id
        return id
    }

    public mutating func addTask(_ info: TaskInfo) -> Int32 {
        trace.tasks.append(info)
        return Int32(trace.tasks.count - 1)
    }

    public mutating func setProgram(_ info: ProgramInfo) { trace.program = info }

    public func build() -> Trace { trace }
}
