import Foundation
import LoopscopeScheduler
import LoopscopeTestSupport
import LoopscopeTrace
import Testing

/// The asyncio API beyond tasks and sleeps — loop callbacks and their handles, futures,
/// shield, timeout(), gather as a future, the task API, Condition / Barrier /
/// BoundedSemaphore, PriorityQueue / LifoQueue — against CPython 3.11. Each Swift program is
/// a line-for-line port of `Reference/cases/<name>.py`; output lines with their virtual
/// times and the order of every task event must match what CPython recorded, and the trace
/// must pass the validator.
@Suite struct AsyncioAPITests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Reference")

    static let programs: [(String, @Sendable () async throws -> Void)] = [
        ("call_soon_later", CallSoonLater.main),
        ("futures_api", FuturesAPI.main),
        ("shield", ShieldCase.main),
        ("timeouts", Timeouts.main),
        ("gather_future", GatherFutureCase.main),
        ("task_api", TaskAPI.main),
        ("condition_barrier", ConditionBarrier.main),
        ("priority_lifo_queues", PriorityLifoQueues.main),
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

    @Test(arguments: programs.map(\.0))
    func traceIsValid(name: String) {
        #expect(Self.run(name).trace.validate().map(\.description) == [])
    }
}

/// Python's spelling of a bool.
func py(_ b: Bool) -> String { b ? "True" : "False" }
