import LoopscopeTestSupport
import LoopscopeDemos
import LoopscopeTrace
import Testing
@testable import LoopscopeTimeline

/// The timeline of every seed demo, checked against its own trace.
@Suite("Timelines of the demos")
struct DemoTimelineTests {
    @Test(arguments: DemoCatalog.all.map(\.id))
    func loopStateAgreesWithAFullReplayAtEveryStep(id: String) throws {
        let trace = try #require(DemoCatalog.named(id)).record().trace
        let timeline = Timeline(trace: trace)
        #expect(!timeline.steps.isEmpty)
        for step in timeline.steps.indices {
            let expected = naiveState(trace, throughEvent: timeline.events(ofStep: step).upperBound)
            let state = timeline.state(atStep: step)
            #expect(state.readyQueue.map { $0.kind == .taskStep ? $0.task : -100 - $0.handle } == expected.queue,
                    "\(id) step \(step)")
            #expect(state.timers.map(\.id) == expected.timers, "\(id) step \(step)")
            #expect(state.running == expected.running, "\(id) step \(step)")
        }
    }

    @Test(arguments: DemoCatalog.all.map(\.id))
    func spansTileEveryLaneAndMatchTheEvents(id: String) throws {
        let trace = try #require(DemoCatalog.named(id)).record().trace
        let timeline = Timeline(trace: trace)
        #expect(timeline.lanes.count == trace.tasks.count)
        for lane in timeline.lanes where !lane.spans.isEmpty {
            for (x, y) in zip(lane.spans, lane.spans.dropFirst()) {
                #expect(x.endStep == y.startStep && x.startStep < x.endStep, "\(id) \(lane.task)")
            }
            #expect(lane.spans.last?.endStep == Int32(timeline.steps.count))
            // A task is running exactly between its start/resume and its next suspension or end.
            for span in lane.spans where span.state == .running && lane.kind == .task {
                let e = trace.events[Int(span.event)]
                #expect(e.kind == .started || e.kind == .resumed || e.kind == .blocked, "\(id) \(lane.task)")
            }
            for span in lane.spans where span.state == .suspended {
                #expect(trace.events[Int(span.event)].kind == .suspended)
                #expect(timeline.waitDescription(of: span) != nil)
            }
        }
        // Everything printed is in the output, in order.
        #expect(timeline.outputLines(count: .max) == trace.output.map(\.text))
    }
}
