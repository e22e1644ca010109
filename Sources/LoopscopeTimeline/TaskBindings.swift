import LoopscopeTrace

/// The names a program binds its tasks to, read off the source line that created each one:
/// `task_a = asyncio.create_task(fetch_url("A", 3))` names its task `task_a`, and so does
/// `let taskA = createTask("fetch_url(\"A\", 3)") { … }`. People say `task_a`, not `Task-2`.
///
/// Pure and table-free: it reads only the trace (each `created` event's site and the
/// embedded source). A line binds a name when it is `NAME = CALL(…` (Swift: `let NAME =`,
/// `var NAME =`, with an optional `try` / `await`, and an optional type annotation) and the
/// call is one that makes a task or thread (`create_task`, `ensure_future`, `createTask`,
/// `startThread`, …), or when it is `NAME.start()` (a Python thread starts there).
/// Nothing else binds: a list comprehension, `map`, a tuple, `_ =`, or a `gather` line.
/// A line that created more than one task (a loop) names none of them: one name for ten
/// tasks would say nothing.
///
/// ```swift
/// TaskBindings.name(inLine: "t2 = asyncio.create_task(T2())")   // "t2"
/// TaskBindings.name(inLine: "tasks = [asyncio.create_task(f(i)) for i in r]")   // nil
/// ```
public enum TaskBindings {
    /// The calls whose result is a new task or thread.
    static let creators: Set<Substring> = ["create_task", "ensure_future", "createTask", "ensureFuture",
                                           "startThread", "start_thread", "Thread"]

    /// The binding name per task id (nil: none).
    public static func names(in trace: Trace) -> [String?] {
        names(in: trace) { false } ?? []
    }

    /// `names(in:)`, asking `shouldStop` every `Timeline.stopCheckInterval` events; nil when
    /// it answered true.
    public static func names(in trace: Trace, shouldStop: () -> Bool) -> [String?]? {
        var names = [String?](repeating: nil, count: trace.tasks.count)
        var bySite: [Int32: (name: String?, count: Int)] = [:]
        var siteOf = [Int32](repeating: -1, count: trace.tasks.count)
        let every = Timeline.stopCheckInterval - 1
        for (k, e) in trace.events.enumerated() {
            if k & every == every, shouldStop() { return nil }
            guard e.kind == .created && e.task >= 0 && Int(e.task) < names.count && e.site >= 0 else { continue }
            siteOf[Int(e.task)] = e.site
            if var known = bySite[e.site] {
                known.count += 1
                bySite[e.site] = known
            } else {
                bySite[e.site] = (trace.sourceLine(e.site).flatMap { name(inLine: $0) }, 1)
            }
        }
        for t in names.indices where siteOf[t] >= 0 {
            if let found = bySite[siteOf[t]], found.count == 1 { names[t] = found.name }
        }
        return names
    }

    /// The name a source line binds to the task or thread it creates, or nil.
    public static func name(inLine line: String) -> String? {
        var s = Substring(line)
        skipBlanks(&s)
        for keyword in ["let ", "var "] where s.hasPrefix(keyword) {
            s = s.dropFirst(keyword.count)
            skipBlanks(&s)
        }
        guard let lhs = path(&s), lhs != "_", !lhs.hasSuffix(".") else {
            return startedThread(line)
        }
        skipBlanks(&s)
        if s.first == ":" {  // a type annotation: `t: asyncio.Task = …`, `let t: LoopTask<Int> = …`
            guard let eq = s.firstIndex(of: "=") else { return nil }
            s = s[eq...]
        }
        guard s.hasPrefix("="), !s.hasPrefix("==") else { return startedThread(line) }
        s = s.dropFirst()
        skipBlanks(&s)
        for keyword in ["try ", "await ", "try ", "await "] where s.hasPrefix(keyword) {
            s = s.dropFirst(keyword.count)
            skipBlanks(&s)
        }
        guard let callee = path(&s), s.first == "(" else { return nil }
        let last = callee.split(separator: ".").last ?? ""
        return creators.contains(last) ? String(lhs) : nil
    }

    /// `t1.start()` names the thread it starts `t1`.
    private static func startedThread(_ line: String) -> String? {
        var s = Substring(line)
        skipBlanks(&s)
        guard let receiver = path(&s), receiver != "_", s.hasPrefix(".start()") else { return nil }
        let rest = s.dropFirst(".start()".count).drop { $0 == " " || $0 == "\t" || $0 == ";" }
        guard rest.isEmpty || rest.hasPrefix("#") || rest.hasPrefix("//") else { return nil }
        // The receiver is `t1`; `self.worker.start()` keeps its whole path.
        return receiver.hasSuffix(".start") ? nil : String(receiver)
    }

    /// A dotted identifier path at the front of `s` (consumed), e.g. `asyncio.create_task`.
    private static func path(_ s: inout Substring) -> Substring? {
        let start = s.startIndex
        var i = start
        var expectIdentifier = true
        while i < s.endIndex {
            let c = s[i]
            if expectIdentifier {
                guard c == "_" || c.isLetter else { break }
                expectIdentifier = false
            } else if c == "." {
                // A dot followed by `start(` ends a receiver path (`t1.start()`).
                let next = s.index(after: i)
                if s[next...].hasPrefix("start(") { break }
                expectIdentifier = true
            } else if !(c == "_" || c.isLetter || c.isNumber) {
                break
            }
            i = s.index(after: i)
        }
        guard i > start else { return nil }
        let found = s[start..<i]
        s = s[i...]
        return found.hasSuffix(".") ? nil : found
    }

    private static func skipBlanks(_ s: inout Substring) {
        while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
    }
}
