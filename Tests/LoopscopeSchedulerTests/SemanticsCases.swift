import Foundation
import LoopscopeScheduler
import LoopscopeTestSupport
import Testing

/// The scheduler against CPython 3.11 on programs beyond the seed articles: cancellation,
/// gather, wait_for, wait, TaskGroup, Queue, Lock/Event/Semaphore, blocking calls and
/// never-retrieved exceptions. Each Swift program is a port of `Reference/cases/<name>.py`.
@Suite struct SemanticsMatchCPythonTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Reference")

    static let programs: [(String, @Sendable () async throws -> Void)] = [
        ("cancel_cleanup", CancelCleanup.main),
        ("cancel_once", { _ = try await CancelOnce.main() }),
        ("gather_exceptions", GatherExceptions.main),
        ("wait_for_timeout", WaitForTimeout.main),
        ("wait_first_completed", WaitFirstCompleted.main),
        ("taskgroup_failure", TaskGroupFailure.main),
        ("queue_workers", QueueWorkers.main),
        ("lock_event_semaphore", LockEventSemaphore.main),
        ("blocking_sleep", BlockingSleep.main),
        ("never_retrieved", NeverRetrieved.main),
        ("forgot_await", ForgotAwait.main),
        ("cancel_gather", CancelGather.main),
        ("cancel_gather_exceptions", CancelGatherExceptions.main),
        ("as_completed_timeout", AsCompletedTimeout.main),
        ("blocking_then_yields", BlockingThenYields.main),
    ]

    static func run(_ name: String) -> RunResult {
        let main = programs.first { $0.0 == name }!.1
        return asyncioRun(ProgramInfo(id: name, title: name), main: main)
    }

    @Test(arguments: programs.map(\.0))
    func outputMatchesCPython(name: String) throws {
        let reference = try CPythonReference(case: name, in: Self.folder)
        let result = Self.run(name)
        #expect(result.outcome == .ok, "\(result.message ?? "")")
        #expect(CPythonReference.view(of: result.trace).output == reference.output)
    }

    @Test(arguments: programs.map(\.0))
    func taskEventsMatchCPython(name: String) throws {
        let reference = try CPythonReference(case: name, in: Self.folder)
        #expect(CPythonReference.view(of: Self.run(name).trace).taskEvents == reference.taskEvents)
    }

    @Test func coroutineNeverAwaitedIsReportedWhereItWasMade() throws {
        let trace = Self.run("forgot_await").trace
        let warnings = trace.events.filter { $0.kind == .warning }
        #expect(warnings.map(\.warningKind) == [.neverAwaited])
        #expect(trace.text(of: warnings[0]) == "RuntimeWarning: coroutine 'say_after(1, 'hello')' was never awaited")
        #expect(trace.site(warnings[0].site)?.line == Int32(ForgotAwait.forgottenLine))
        #expect(warnings[0].time == .zero)
    }

    @Test func neverRetrievedExceptionIsReported() throws {
        let reference = try CPythonReference(case: "never_retrieved", in: Self.folder)
        #expect(reference.loopErrors == ["Task exception was never retrieved"])
        let trace = Self.run("never_retrieved").trace
        let warnings = trace.events.filter { $0.kind == .warning }
        #expect(warnings.map(\.warningKind) == [.exceptionNeverRetrieved])
        #expect(trace.text(of: warnings[0])?.contains("Task-2 raised RuntimeError('nobody is listening')") == true)
    }
}
