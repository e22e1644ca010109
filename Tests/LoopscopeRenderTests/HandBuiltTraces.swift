import LoopscopeTestSupport
import LoopscopeTrace
import Testing

/// Traces built by hand with `TraceBuilder`, event for event as the tracing scheduler
/// records them (ready-queue pushes and pops, timers), following what CPython 3.11 does with
/// the seed examples (`reference/out/seed000_fetch_url.txt`,
/// `seed001_2_create_task_no_await.txt`).
enum HandBuiltTraces {
    static let all: [(name: String, trace: Trace)] = [
        ("fetch_url", fetchURL),
        ("create_task_no_await", createTaskNoAwait),
        ("crowd", crowd),
    ]

    static let fetchURLSource = """
        import asyncio


        async def fetch_url(url_name, delay):
            \"\"\"Simulates a network request by pausing.\"\"\"
            # In a real app, this is where you'd await an actual I/O call,
            # e.g., await client.get(url)
            await asyncio.sleep(delay)
            return f"Data from {url_name}"


        async def main():
            task_a = asyncio.create_task(fetch_url("A (long)", 3))
            task_b = asyncio.create_task(fetch_url("B (short)", 1))
            print("[Main]: Tasks A & B scheduled. My own synchronous code continues UNTIL the first 'await'.")
            result_a = await task_a
            result_b = await task_b
            return f"Final: {result_a}, {result_b}"


        final_output = asyncio.run(main())
        print(f"Output from main: {final_output}")
        """

    /// seed 000: main creates A (3 s) and B (1 s), prints, awaits A then B (already done).
    static var fetchURL: Trace {
        var b = TraceBuilder(program: ProgramInfo(
            id: "fetch_url", title: "fetch_url: A (3 s) and B (1 s)", origin: "seed 000",
            note: "main keeps running after create_task until its first await."))
        let file = b.file(path: "cases/seed000_fetch_url.py", text: fetchURLSource)
        let line = { (n: Int32) in b.site(file: file, line: n) }
        let (runSite, aSite, bSite, printSite, awaitA, awaitB, sleepSite, outSite) =
            (line(21), line(13), line(14), line(15), line(16), line(17), line(8), line(22))
        let main = b.addTask(TaskInfo(name: "Task-1", label: "main()"))
        let ta = b.addTask(TaskInfo(name: "Task-2", label: "fetch_url(\"A (long)\", 3)", parent: main))
        let tb = b.addTask(TaskInfo(name: "Task-3", label: "fetch_url(\"B (short)\", 1)", parent: main))
        var e = EventWriter(builder: b)
        e.create(main, by: -1, at: runSite)
        e.add(.started, task: main)
        e.create(ta, by: main, at: aSite)
        e.create(tb, by: main, at: bSite)
        e.print("[Main]: Tasks A & B scheduled. My own synchronous code continues UNTIL the first 'await'.",
                by: main, at: printSite)
        e.add(.suspended, task: main, other: ta, value: 1, site: awaitA, reason: WaitReason.task.rawValue)
        e.add(.started, task: ta)
        e.sleep(ta, seconds: 3, timer: 0, at: sleepSite)
        e.add(.started, task: tb)
        e.sleep(tb, seconds: 1, timer: 1, at: sleepSite)
        e.jump(to: 1)
        e.fire(timer: 1, waking: tb)
        e.add(.resumed, task: tb)
        e.complete(tb, "'Data from B (short)'")
        e.jump(to: 3)
        e.fire(timer: 0, waking: ta)
        e.add(.resumed, task: ta)
        e.complete(ta, "'Data from A (long)'")
        e.add(.scheduled, task: main, other: ta, reason: WakeReason.taskDone.rawValue)
        e.add(.resumed, task: main)
        e.add(.awaitedReady, task: main, other: tb, site: awaitB, reason: WaitReason.task.rawValue)
        e.complete(main, "'Final: Data from A (long), Data from B (short)'")
        e.stopAfterQueue(handle: 2)
        e.add(.shutdown, value: 0)
        e.print("Output from main: Final: Data from A (long), Data from B (short)", by: -1, at: outSite)
        e.finish()
        return checkedHandBuilt(e.builder.build(), e.builder.trace.program.id)
    }

    static let noAwaitSource = """
        import asyncio


        async def main():
            print('shav')
            task = asyncio.create_task(foo('text'))
            print('finished')


        async def foo(text):
            print(text)
            await asyncio.sleep(1)


        asyncio.run(main())
        """

    /// seed 001: main creates foo without awaiting it; `text` still prints, after `finished`,
    /// and the runner cancels foo inside its sleep.
    static var createTaskNoAwait: Trace {
        var b = TraceBuilder(program: ProgramInfo(
            id: "create_task_no_await", title: "create_task, never awaited", origin: "seed 001",
            note: "A task created and never awaited still runs its first step.",
            claims: [ArticleClaim(article: "foo never runs: main returns before the loop gets to it",
                                  actual: "foo's first step is already in the ready queue, so `text` prints | after `finished`; then asyncio.run cancels foo in its sleep")]))
        let file = b.file(path: "cases/seed001_2_create_task_no_await.py", text: noAwaitSource)
        let line = { (n: Int32) in b.site(file: file, line: n) }
        let main = b.addTask(TaskInfo(name: "Task-1", label: "main()"))
        let foo = b.addTask(TaskInfo(name: "Task-2", label: "foo('text')", parent: main))
        let (runSite, shavSite, createSite, finishedSite, textSite, sleepSite) =
            (line(15), line(5), line(6), line(7), line(11), line(12))
        var e = EventWriter(builder: b)
        e.create(main, by: -1, at: runSite)
        e.add(.started, task: main)
        e.print("shav", by: main, at: shavSite)
        e.create(foo, by: main, at: createSite)
        e.print("finished", by: main, at: finishedSite)
        e.complete(main, "None")
        e.add(.callbackQueued, other: 1, value: Int64(e.builder.intern("stop the loop")))
        e.add(.started, task: foo)
        e.print("text", by: foo, at: textSite)
        e.sleep(foo, seconds: 1, timer: 0, at: sleepSite)
        e.add(.callbackRan, other: 1)
        e.add(.shutdown, value: 1)
        e.add(.cancelRequested, task: foo, other: -1, value: 1)
        e.add(.timerCancelled, task: foo, other: 0, value: 1_000_000_000)
        e.add(.scheduled, task: foo, reason: WakeReason.cancelled.rawValue)
        e.add(.resumed, task: foo, site: sleepSite, reason: ResumeMode.cancelled.rawValue)
        e.add(.cancelled, task: foo, value: -1)
        e.finish()
        return checkedHandBuilt(e.builder.build(), e.builder.trace.program.id)
    }

    /// Nine tasks (too many for one page at width 80), a hostile name and output with escape
    /// sequences, wide characters, a worker thread, a blocking call and a failure.
    static var crowd: Trace {
        var b = TraceBuilder(program: ProgramInfo(
            id: "crowd", title: "crowd: \u{1B}[31mnine tasks\u{1B}[0m", origin: "",
            note: "Stress: paging, sanitizing, wide text."))
        let file = b.file(path: "crowd.py", text: "async def main():\n    await asyncio.gather(*jobs)\n\tprint('\u{1B}[2J')\n")
        let gatherSite = b.site(file: file, line: 2)
        let printSite = b.site(file: file, line: 3)
        let main = b.addTask(TaskInfo(name: "Task-1", label: "main()"))
        var workers: [Int32] = []
        for i in 2...9 {
            let name = i == 5 ? "evil\u{1B}]0;pwned\u{07}" : i == 6 ? "日本語のタスク名前" : "Task-\(i)"
            workers.append(b.addTask(TaskInfo(name: name, label: "job(\(i))", parent: main)))
        }
        let thread = b.addTask(TaskInfo(name: "worker-thread", label: "blocking_io()", kind: .thread, parent: main))
        var e = EventWriter(builder: b)
        e.create(main, by: -1, at: -1)
        e.add(.started, task: main)
        for w in workers { e.create(w, by: main, at: -1) }
        e.add(.created, task: thread, other: main, value: Int64(e.builder.intern("blocking_io()")),
              reason: TaskKind.thread.rawValue)
        e.add(.started, task: thread)
        e.add(.suspended, task: main, other: -1, value: Int64(workers.count), site: gatherSite,
              reason: WaitReason.gather.rawValue)
        for (n, w) in workers.enumerated() {
            e.add(.started, task: w)
            if n == 2 {
                e.print("\u{1B}[2Jclear screen?\r\nand a bell\u{07}", by: w, at: printSite)
                e.add(.blocked, task: w, value: 500_000_000, reason: BlockingKind.sleep.rawValue)
                e.time = VirtualTime(seconds: 0.5)
            }
            if n == 5 {
                e.add(.failed, task: w, value: Int64(e.builder.intern("ValueError('bad \u{1B}[1m input')")))
                continue
            }
            e.sleep(w, seconds: Double(n + 1), timer: Int32(n), at: -1)
        }
        e.add(.completed, task: thread, value: Int64(e.builder.intern("'read 3 files'")))
        e.jump(to: 1)
        e.fire(timer: 0, waking: workers[0])
        e.add(.resumed, task: workers[0])
        e.complete(workers[0], "'日本語 ok'")
        e.add(.shutdown, value: 8)
        e.finish(.exception)
        return checkedHandBuilt(e.builder.build(), e.builder.trace.program.id)
    }
}
