import LoopscopeDemos
import LoopscopeRender
import LoopscopeTimeline
import LoopscopeTrace
import Testing

/// Each step's narration tells its own step, not the next one: the runner's shutdown once
/// said what each of its cancel() calls would do, and the cancel steps that followed said
/// it again (seed001-create-task-no-await, steps 10 and 11).
@Suite struct NarrationRepeatTests {
    @Test(arguments: DemoCatalog.all.map(\.id))
    func theShutdownLeavesTheCancelsToTheirOwnSteps(id: String) throws {
        let timeline = Timeline(trace: try #require(DemoCatalog.named(id)).record().trace)
        for (i, step) in timeline.steps.enumerated() where step.kind == .shutdown {
            let text = Narration.sentence(for: i, in: timeline)
            let state = timeline.state(atStep: i)
            // At the shutdown step no cancelled task is in the ready queue yet.
            #expect(!text.contains("CancelledError") && !text.contains("ready queue"),
                    "\(id) step \(i + 1) tells what the cancel steps do: \(text)")
            guard i + 1 < timeline.steps.count, timeline.steps[i + 1].kind == .cancelRequested else { continue }
            let next = Narration.sentence(for: i + 1, in: timeline)
            #expect(next.contains("CancelledError"), "\(id) step \(i + 2) tells the cancel: \(next)")
            #expect(!state.readyQueue.contains { $0.task == timeline.steps[i + 1].task && $0.kind == .taskStep })
        }
    }

    @Test(arguments: DemoCatalog.all.map(\.id))
    func noStepRepeatsTheSentenceBeforeIt(id: String) throws {
        let timeline = Timeline(trace: try #require(DemoCatalog.named(id)).record().trace)
        for i in timeline.steps.indices.dropFirst() {
            let a = Narration.sentence(for: i - 1, in: timeline)
            let b = Narration.sentence(for: i, in: timeline)
            let tail = { (s: String) in s.split(separator: "`").last.map(String.init) ?? s }
            #expect(tail(a) != tail(b), "\(id) steps \(i) and \(i + 1) say the same: \(b)")
        }
    }
}

/// The shutdown step and the cancel() step after it say different things: once both said
/// where the pending task waits (seed001-create-task-no-await, steps 10 and 11), and the
/// cancel step quoted the line that called asyncio.run, which has nothing to do with it.
@Suite struct ShutdownCancelWordsTests {
    /// The code spans (`…`) of a sentence.
    static func spans(_ s: String) -> Set<String> {
        let parts = s.split(separator: "`", omittingEmptySubsequences: false)
        return Set(parts.indices.filter { $0 % 2 == 1 }.map { String(parts[$0]) })
    }

    @Test(arguments: DemoCatalog.all.map(\.id))
    func theShutdownAndTheCancelQuoteNoLineTwice(id: String) throws {
        let timeline = Timeline(trace: try #require(DemoCatalog.named(id)).record().trace)
        let trace = timeline.trace
        for (i, step) in timeline.steps.enumerated() where step.kind == .shutdown {
            guard i + 1 < timeline.steps.count, timeline.steps[i + 1].kind == .cancelRequested else { continue }
            let a = Narration.sentence(for: i, in: timeline)
            let b = Narration.sentence(for: i + 1, in: timeline)
            let shared = Self.spans(a).intersection(Self.spans(b))
            #expect(shared.isEmpty, "\(id) steps \(i + 1) and \(i + 2) both quote \(shared): \(a) / \(b)")
            let cancel = trace.events[Int(timeline.steps[i + 1].event)]
            if cancel.other < 0, let runnerLine = trace.sourceLine(cancel.site) {
                #expect(!Self.spans(b).contains(runnerLine), "\(id) step \(i + 2) quotes the runner's line: \(b)")
            }
        }
    }
}
