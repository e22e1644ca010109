import LoopscopeTrace

/// Traces built by hand for the player's tests, following what CPython 3.11 does with the
/// seed examples (main runs on after `create_task` until its first await; timers wake in
/// deadline order).
enum HandTraces {
    static let fetchSource = """
        import Loopscope

        func fetchURL(_ name: String, _ delay: Double) async -> String {
            // Simulates a network request by pausing.
            await sleep(delay)
            return "Data from \\(name)"
        }

        func main() async -> String {
            let taskA = createTask { await fetchURL("A (long)", 3) }
            let taskB = createTask { await fetchURL("B (short)", 1) }
            print("[Main]: Tasks A & B scheduled.")
            let resultA = await taskA.value
            let resultB = await taskB.value
            return "Final: \\(resultA), \\(resultB)"
        }
        """

    /// main creates A (sleeps 3 s) and B (sleeps 1 s), prints, awaits A, then B (done).
    static var fetch: Trace {
        var s = TraceScript(ProgramInfo(id: "fetch", title: "Fetch two URLs", origin: "hand-built"),
                            source: fetchSource, path: "demos/Fetch.swift")
        let main = s.task("Task-1", "main()")
        let a = s.task("Task-2", "fetchURL(\"A (long)\", 3)", parent: main)
        let b = s.task("Task-3", "fetchURL(\"B (short)\", 1)", parent: main)
        s.create(main, by: -1, line: 9)
        s.start(main)
        s.create(a, by: main, line: 10)
        s.create(b, by: main, line: 11)
        s.print("[Main]: Tasks A & B scheduled.", by: main, line: 12)
        s.awaitTask(main, on: a, line: 13)
        s.start(a)
        let ta = s.sleep(a, seconds: 3, line: 5)
        s.start(b)
        let tb = s.sleep(b, seconds: 1, line: 5)
        s.jump(to: 1)
        s.fire(tb, waking: b)
        s.resume(b)
        s.complete(b, "Data from B (short)")
        s.jump(to: 3)
        s.fire(ta, waking: a)
        s.resume(a)
        s.complete(a, "Data from A (long)")
        s.wake(main, by: a)
        s.resume(main)
        s.complete(main, "Final: Data from A (long), Data from B (short)")
        s.add(.shutdown)
        s.print("Output from main: Final: Data from A (long), Data from B (short)", by: -1, line: 16)
        s.finish()
        return s.build()
    }

    /// Three workers that each print twice with sleeps between; one fails, one hides
    /// terminal escape sequences in its name and output.
    static var workers: Trace {
        let source = (1...30).map { "line \($0) of the workers demo" }.joined(separator: "\n")
        var s = TraceScript(ProgramInfo(id: "workers", title: "Workers \u{1B}[31mred\u{1B}[0m", origin: "hand-built"),
                            source: source, path: "demos/Workers.swift")
        let main = s.task("Task-1", "main()")
        let w = [s.task("Task-2", "work(1)", parent: main),
                 s.task("Evil\u{1B}]0;pwned\u{07}", "work(2)", parent: main),
                 s.task("Task-4", "work(3)", parent: main)]
        s.create(main, by: -1, line: 20)
        s.start(main)
        for (i, t) in w.enumerated() { s.create(t, by: main, line: Int32(21 + i)) }
        let mainTimer = s.sleep(main, seconds: 2, line: 24)
        var timers: [Int32] = []
        for (i, t) in w.enumerated() {
            s.start(t)
            s.print(i == 1 ? "clear\u{1B}[2Jscreen" : "worker \(i + 1) starts", by: t, line: 3)
            timers.append(s.sleep(t, seconds: 0.5 * Double(i + 1), line: 4))
        }
        for (i, t) in w.enumerated() {
            s.jump(to: 0.5 * Double(i + 1))
            s.fire(timers[i], waking: t)
            s.resume(t)
            if i == 2 {
                s.fail(t, "ValueError('bad input')")
            } else {
                s.print("worker \(i + 1) done", by: t, line: 5)
                s.complete(t, "\(i + 1)")
            }
        }
        s.jump(to: 2)
        s.fire(mainTimer, waking: main)
        s.resume(main)
        s.complete(main, "None")
        s.add(.shutdown)
        s.finish()
        return s.build()
    }

    /// `count` tasks created at once, each sleeping a different time: for lane scrolling.
    static func crowd(_ count: Int) -> Trace {
        var s = TraceScript(ProgramInfo(id: "crowd", title: "A crowd of tasks", origin: "hand-built"))
        let main = s.task("Task-1", "main()")
        s.create(main, by: -1, line: 1)
        s.start(main)
        var tasks: [Int32] = []
        for i in 0..<count {
            let t = s.task("Task-\(i + 2)", "nap(\(i + 1))", parent: main)
            s.create(t, by: main, line: 2)
            tasks.append(t)
        }
        s.add(.suspended, task: main, value: Int64(count), reason: WaitReason.gather.rawValue)
        var timers: [Int32] = []
        for t in tasks {
            s.start(t)
            timers.append(s.sleep(t, seconds: Double(Int(t)), line: 3))
        }
        for (i, t) in tasks.enumerated() {
            s.jump(to: Double(i + 1))
            s.fire(timers[i], waking: t)
            s.resume(t)
            s.complete(t, "\(i + 1)")
        }
        s.wake(main, by: tasks.last ?? -1)
        s.resume(main)
        s.complete(main, "None")
        s.finish()
        return s.build()
    }
}
