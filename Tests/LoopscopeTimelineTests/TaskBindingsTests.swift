import Foundation
import LoopscopeTestSupport
import LoopscopeDemos
import LoopscopeTimeline
import LoopscopeTrace
import Testing

/// The names programs bind their tasks to, read off the creating line.
@Suite struct TaskBindingsTests {
    @Test(arguments: [
        ("task_a = asyncio.create_task(fetch_url(\"A (long)\", 3))", "task_a"),
        ("    t2 = asyncio.create_task(T2())", "t2"),
        ("t: asyncio.Task = loop.create_task(work())", "t"),
        ("job = asyncio.ensure_future(coro())  # keep it", "job"),
        ("child = tg.create_task(child_work(1))", "child"),
        ("let taskA = createTask(\"fetch_url(\\\"A\\\", 3)\") { try await fetchURL(\"A\", 3) }", "taskA"),
        ("var t1 = try await createTask(\"T1()\") { try await T1() }", "t1"),
        ("let w: WorkerThread = startThread(\"job(1)\") { }", "w"),
        ("t1.start()", "t1"),
    ])
    func aLineThatBindsATaskNamesIt(_ line: String, _ name: String) {
        #expect(TaskBindings.name(inLine: line) == name)
    }

    @Test(arguments: [
        "tasks = [asyncio.create_task(request_page(page)) for page in pages]",
        "a, b = asyncio.create_task(f()), asyncio.create_task(g())",
        "let tasks = pages.map { page in createTask(\"request_page\") { try await requestPage(page) } }",
        "_ = createTask(\"foo('text')\") { try await Seed001.foo(\"text\") }",
        "asyncio.create_task(foo('text'))",
        "results = await asyncio.gather(a(), b())",
        "result = await asyncio.to_thread(blocking, 1)",
        "asyncio.run(main())",
        "if t == create_task(x):",
        "t.start(); other()",
    ])
    func otherLinesNameNothing(_ line: String) {
        #expect(TaskBindings.name(inLine: line) == nil, "\(line)")
    }

    /// The Swift demos bind with `let`; a loop's line names none of the tasks it makes.
    @Test func demosNameTheirTasks() throws {
        let ordering = Timeline(trace: try #require(DemoCatalog.named("seed004-task-ordering")).record().trace)
        #expect(ordering.bindings == [nil, "t1", "t3", "t2"])
        #expect(ordering.displayName(3) == "t2 (Task-4)")
        #expect(ordering.displayName(0) == "Task-1")
        let threads = Timeline(trace: try #require(DemoCatalog.named("seed004-jobs-threads")).record().trace)
        #expect(threads.bindings.allSatisfy { $0 == nil }, "ten threads made on one line get no name")
        let requests = Timeline(trace: try #require(DemoCatalog.named("seed002-async-requests")).record().trace)
        #expect(requests.bindings.allSatisfy { $0 == nil })
    }
}

/// A Python recording names its tasks the same way: the recorder keeps the creating lines.
@Suite struct PythonTaskBindingsTests {
    @Test func cpythonsRecordingOfTaskOrderingNamesItsTasks() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("LoopscopeDemosTests/Reference")
        let reference = try CPythonReference(case: "seed004_4_task_ordering", in: folder)
        let timeline = Timeline(trace: reference.trace)
        let named = timeline.trace.tasks.indices.compactMap { i -> String? in
            timeline.bindings[i] == nil ? nil : timeline.displayName(Int32(i))
        }
        #expect(named == ["t1 (Task-2)", "t3 (Task-3)", "t2 (Task-4)"])
    }
}
