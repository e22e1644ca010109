import LoopscopeScheduler
import LoopscopeTestSupport
import Synchronization
import Testing

/// The central trace check (`TraceCheck`): debug builds replay every trace the scheduler
/// and `SyntheticTrace` make, and the tests' hand-built traces (`checkedHandBuilt`, used by
/// every trace-building helper), through the validator; these show that it runs and that it
/// fires on an invalid trace.
@Suite(.timeLimit(.minutes(30))) struct TraceCheckTests {
    /// A task that resumes without ever having been created or started.
    static var invalid: Trace {
        var b = TraceBuilder(program: ProgramInfo(id: "broken", title: "broken"))
        let t = b.addTask(TaskInfo(name: "Task-1", label: "main()", kind: .task, parent: -1))
        b.append(TraceEvent(kind: .resumed, time: .zero, task: t, other: -1, value: 0, site: -1, reason: 0))
        return b.build()
    }

    final class Seen: Sendable {
        let names = Mutex<[String]>([])
        func add(_ s: String) { names.withLock { $0.append(s) } }
        var all: [String] { names.withLock { $0 } }
    }

    @Test func anInvalidTraceIsCaught() {
        let seen = Seen()
        TraceCheck.$onInvalid.withValue({ maker, problems in seen.add("\(maker): \(problems.count)") }) {
            TraceCheck.check(Self.invalid, by: "this test")
        }
        #expect(seen.all.count == 1)
        #expect(seen.all.first?.hasPrefix("this test: ") == true)
    }

    @Test func anInvalidHandBuiltTraceFailsTheTestThatBuiltIt() {
        withKnownIssue {
            _ = checkedHandBuilt(Self.invalid, "broken")
        }
    }

    #if DEBUG
    @Test func everySchedulerRunAndSyntheticTraceIsChecked() {
        let seen = Seen()
        TraceCheck.$onChecked.withValue({ seen.add($0) }) {
            _ = asyncioRun(ProgramInfo(id: "checked", title: "checked")) { try await sleep(1) }
            _ = threadsRun(ProgramInfo(id: "checked", title: "checked")) { try await blockingSleep(1) }
            _ = SyntheticTrace.make(tasks: 3, events: 200, seed: 1)
        }
        #expect(seen.all == ["the scheduler", "the scheduler", "SyntheticTrace"])
    }
    #endif
}
