import Foundation
import LoopscopeScheduler
import Testing

/// Calls `body` on a thread of its own (no task, no task-locals: nothing tells it which loop
/// is running) and waits until it has returned.
private func onAnotherThread(_ body: @escaping @Sendable () -> Void) {
    let done = DispatchSemaphore(value: 0)
    Thread {
        body()
        done.signal()
    }.start()
    done.wait()
}

/// Every synchronous member of the loop's `@unchecked Sendable` objects checks that it runs
/// on the loop's thread: called from another thread, it is refused and the run ends naming
/// the call (and its line, where the member can know it) instead of racing with the loop.
@Suite(.timeLimit(.minutes(30))) struct LoopThreadTests {
    typealias Setup = @Sendable () async throws -> @Sendable () -> Void

    static let file = "LoopscopeSchedulerTests/LoopThreadTests.swift"

    /// Each case makes its object on the loop and hands back the call to make off it.
    static let cases: [(String, Setup)] = [
        ("future.isDone", { let f = getRunningLoop().createFuture(of: Int.self); return { _ = f.isDone } }),
        ("future.isCancelled", { let f = getRunningLoop().createFuture(of: Int.self); return { _ = f.isCancelled } }),
        ("future.setResult()", { let f = getRunningLoop().createFuture(of: Int.self); return { _ = try? f.setResult(1) } }),
        ("future.setException()", {
            let f = getRunningLoop().createFuture(of: Int.self)
            return { _ = try? f.setException(CancelledError()) }
        }),
        ("future.cancel()", { let f = getRunningLoop().createFuture(of: Int.self); return { f.cancel() } }),
        ("future.result()", { let f = getRunningLoop().createFuture(of: Int.self); return { _ = try? f.result() } }),
        ("future.exception()", { let f = getRunningLoop().createFuture(of: Int.self); return { _ = try? f.exception() } }),
        ("future.addDoneCallback()", {
            let f = getRunningLoop().createFuture(of: Int.self)
            return { f.addDoneCallback("cb") { _ in } }
        }),
        ("future.removeDoneCallback()", {
            let f = getRunningLoop().createFuture(of: Int.self)
            return { f.removeDoneCallback(0) }
        }),
        ("loop.time()", { let loop = getRunningLoop(); return { _ = loop.time() } }),
        ("loop.callSoon(\"cb()\")", { let loop = getRunningLoop(); return { loop.callSoon("cb()") { output("never") } } }),
        ("loop.callLater(\"cb()\")", { let loop = getRunningLoop(); return { loop.callLater(1, "cb()") { output("never") } } }),
        ("loop.callAt(\"cb()\")", { let loop = getRunningLoop(); return { loop.callAt(1, "cb()") { output("never") } } }),
        ("loop.createFuture()", { let loop = getRunningLoop(); return { _ = loop.createFuture(of: Int.self) } }),
        ("handle.cancel()", { let h = getRunningLoop().callLater(5, "cb()") {}; return { h.cancel() } }),
        ("handle.isCancelled", { let h = getRunningLoop().callLater(5, "cb()") {}; return { _ = h.isCancelled } }),
        ("timeout.reschedule()", { let t = timeout(5); return { _ = try? t.reschedule(1) } }),
        ("timeout.when", { let t = timeout(5); return { _ = t.when } }),
        ("timeout.expired", { let t = timeout(5); return { _ = t.expired } }),
        ("condition.notify()", { let c = AsyncCondition(); return { _ = try? c.notify() } }),
        ("condition.notifyAll()", { let c = AsyncCondition(); return { _ = try? c.notifyAll() } }),
        ("lock.release()", { let c = AsyncCondition(); return { _ = try? c.release() } }),
        ("barrier.waitingCount", { let b = AsyncBarrier(2); return { _ = b.waitingCount } }),
        ("barrier.isBroken", { let b = AsyncBarrier(2); return { _ = b.isBroken } }),
        ("boundedSemaphore.release()", { let s = AsyncBoundedSemaphore(1); return { _ = try? s.release() } }),
        ("Task-2.isDone", { let t = createTask("sleeper()") { try await sleep(5) }; return { _ = t.isDone } }),
        ("Task-2.cancel()", { let t = createTask("sleeper()") { try await sleep(5) }; return { t.cancel() } }),
        ("Task-2.result()", { let t = createTask("sleeper()") { try await sleep(5) }; return { _ = try? t.result() } }),
        ("Task-2.addDoneCallback()", {
            let t = createTask("sleeper()") { try await sleep(5) }
            return { t.addDoneCallback("cb") { _ in } }
        }),
    ]

    @Test(arguments: cases.map(\.0))
    func aCallFromAnotherThreadIsRefusedAndReported(member: String) async {
        let setup = Self.cases.first { $0.0 == member }!.1
        let result = await withCheckedContinuation { (c: CheckedContinuation<RunResult, Never>) in
            Thread {
                c.resume(returning: asyncioRun(ProgramInfo(id: "thread", title: "thread")) {
                    let call = try await setup()
                    onAnotherThread(call)
                    try await sleep(1)
                    output("the run went on")
                })
            }.start()
        }
        #expect(result.outcome == .exception, "\(member): \(result.message ?? "")")
        let message = result.message ?? ""
        #expect(message.contains("reached the loop from another thread and were refused"), "\(message)")
        #expect(message.contains(member), "\(message)")
        #expect(result.output.isEmpty)
        #expect(result.trace.validate().map(\.description) == [])
    }

    /// A member that can know its caller's line names it.
    @Test func aRefusedCallNamesItsLine() async {
        let line = #line + 5
        let result = await withCheckedContinuation { (c: CheckedContinuation<RunResult, Never>) in
            Thread {
                c.resume(returning: asyncioRun(ProgramInfo(id: "thread", title: "thread")) {
                    let f = getRunningLoop().createFuture(of: Int.self)
                    onAnotherThread { _ = try? f.setResult(1) }
                    try await sleep(1)
                })
            }.start()
        }
        #expect(result.message?.contains("future.setResult() at \(Self.file):\(line)") == true, "\(result.message ?? "")")
    }
}
