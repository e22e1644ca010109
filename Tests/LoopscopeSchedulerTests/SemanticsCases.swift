import Foundation
import LoopscopeScheduler
import LoopscopeTestSupport
import Testing

/// Programs beyond the seed articles: cancellation, gather, wait_for, wait, TaskGroup,
/// Queue, Lock/Event/Semaphore, blocking calls and never-retrieved exceptions. Each Swift
/// program is a port of `Reference/cases/<name>.py`, checked against CPython 3.11 by
/// `CPythonCaseTests`.
enum SemanticsCases {
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
}

/// What the loop reports beyond the printed lines and task events.
@Suite struct LoopReportsMatchCPythonTests {
    @Test func coroutineNeverAwaitedIsReportedWhereItWasMade() throws {
        let trace = CPythonCaseTests.run("forgot_await").trace
        let warnings = trace.events.filter { $0.kind == .warning }
        #expect(warnings.map(\.warningKind) == [.neverAwaited])
        #expect(trace.text(of: warnings[0]) == "RuntimeWarning: coroutine 'say_after(1, 'hello')' was never awaited")
        #expect(trace.site(warnings[0].site)?.line == Int32(ForgotAwait.forgottenLine))
        #expect(warnings[0].time == .zero)
    }

    @Test func neverRetrievedExceptionIsReported() throws {
        let reference = try CPythonReference(case: "never_retrieved", in: CPythonCaseTests.folder)
        #expect(reference.loopErrors == ["Task exception was never retrieved"])
        let trace = CPythonCaseTests.run("never_retrieved").trace
        let warnings = trace.events.filter { $0.kind == .warning }
        #expect(warnings.map(\.warningKind) == [.exceptionNeverRetrieved])
        #expect(trace.text(of: warnings[0])?.contains("Task-2 raised RuntimeError('nobody is listening')") == true)
    }
}
