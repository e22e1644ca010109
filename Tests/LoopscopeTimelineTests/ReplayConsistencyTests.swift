import LoopscopeTestSupport
import LoopscopeTrace
import Testing
@testable import LoopscopeTimeline

/// Replays a trace from its first event, the slow obvious way, to check the snapshots.
/// Returns the ready queue (task ids; callbacks as `-100 - handle`), timer ids earliest
/// first, and the task running on the loop.
func naiveState(_ trace: Trace, throughEvent end: Int) -> (queue: [Int32], timers: [Int32], running: Int32) {
    var queue: [(task: Int32, handle: Int32)] = []
    var timers: [(id: Int32, deadline: Int64, order: Int)] = []
    var running: Int32 = -1
    for (i, e) in trace.events[..<end].enumerated() {
        switch e.kind {
        case .scheduled: queue.append((e.task, -1))
        case .callbackQueued: queue.append((-1, e.other))
        case .timerAdded: timers.append((e.other, e.value, i))
        case .timerFired:
            timers.removeAll { $0.id == e.other }
            queue.append((-1, e.other))
        case .timerCancelled:
            if timers.contains(where: { $0.id == e.other }) {
                timers.removeAll { $0.id == e.other }
            } else if let k = queue.firstIndex(where: { $0.handle == e.other }) {
                queue.remove(at: k)
            }
        case .started, .resumed:
            // Worker threads run beside the loop: they never queue and never hold it.
            if trace.task(e.task)?.kind == .thread { break }
            if let k = queue.firstIndex(where: { $0.handle == -1 && $0.task == e.task }) { queue.remove(at: k) }
            running = e.task
        case .callbackRan:
            if let k = queue.firstIndex(where: { $0.handle == e.other }) { queue.remove(at: k) }
        case .suspended, .completed, .failed, .cancelled:
            if running == e.task { running = -1 }
        default: break
        }
    }
    let sorted = timers.sorted { ($0.deadline, $0.order) < ($1.deadline, $1.order) }
    return (queue.map { $0.handle == -1 ? $0.task : -100 - $0.handle }, sorted.map(\.id), running)
}

@Suite("Loop state replay")
struct ReplayConsistencyTests {
    @Test(arguments: [(UInt64(1), false), (7, false), (42, false), (9, true), (11, true)])
    func snapshotsAgreeWithAFullReplay(seed: UInt64, scrambled: Bool) {
        let trace = randomLoopTrace(seed: seed, events: 4000, scrambleTimerIDs: scrambled)
        let timeline = Timeline(trace: trace)
        #expect(timeline.snapshots.count > 4)
        let stepEvents = trace.events.indices.filter { Step.isStep(trace.events[$0].kind) }
        #expect(timeline.steps.map { Int($0.event) } == stepEvents)
        var rng = SeededRandom(seed: seed)
        let probes = (0..<60).map { _ in rng.next(timeline.steps.count) } + [0, timeline.steps.count - 1]
        for step in probes {
            let end = step + 1 < stepEvents.count ? stepEvents[step + 1] : trace.events.count
            let expected = naiveState(trace, throughEvent: end)
            let state = timeline.state(atStep: step)
            let queue = state.readyQueue.map { $0.kind == .taskStep ? $0.task : -100 - $0.handle }
            #expect(queue == expected.queue, "ready queue at step \(step)")
            #expect(state.timers.map(\.id) == expected.timers, "timers at step \(step)")
            #expect(state.running == expected.running, "running at step \(step)")
        }
    }

    @Test func taskStatesMatchTheirLanes() {
        let timeline = Timeline(trace: randomLoopTrace(seed: 3, events: 2000))
        for step in stride(from: 0, to: timeline.steps.count, by: 97) {
            let state = timeline.state(atStep: step)
            for lane in timeline.lanes {
                #expect(state.tasks[Int(lane.task)].state == lane.state(atStep: step))
            }
            // A running task is never in the ready queue at the same time.
            if state.running >= 0 {
                #expect(!state.readyQueue.contains { $0.kind == .taskStep && $0.task == state.running })
                #expect(state.tasks[Int(state.running)].state == .running)
            }
        }
    }
}
