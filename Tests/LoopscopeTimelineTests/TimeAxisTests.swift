import LoopscopeTestSupport
import LoopscopeTrace
import Testing
@testable import LoopscopeTimeline

@Suite("Time axis layout")
struct TimeAxisTests {
    let fetch = Timeline(trace: fetchURLTrace())

    @Test func everyStepGetsItsOwnColumnsInOrder() {
        let axis = TimeAxis(timeline: fetch, width: 60)
        #expect(axis.isStepResolved)
        #expect(axis.width <= 60 && axis.width >= 50)
        let cols = fetch.steps.indices.map { axis.column(ofStep: $0) }
        for i in 1..<cols.count {
            let sameInstant = fetch.steps[i].time == fetch.steps[i - 1].time
            if sameInstant {
                #expect(cols[i] - cols[i - 1] == axis.stepWidth, "step \(i)")
            } else {
                #expect(cols[i] - cols[i - 1] > axis.stepWidth, "step \(i)")
            }
        }
    }

    @Test func waitingIsProportionalToTime() {
        let axis = TimeAxis(timeline: fetch, width: 80)
        // 0 → 1 s after step 9, 1 → 3 s after step 12.
        let oneSecond = axis.column(ofStep: 10) - axis.column(ofStep: 9) - axis.stepWidth
        let twoSeconds = axis.column(ofStep: 13) - axis.column(ofStep: 12) - axis.stepWidth
        #expect(oneSecond >= 5)
        #expect(abs(twoSeconds - 2 * oneSecond) <= 2)
        #expect(axis.breaks.isEmpty)
        #expect(axis.ticks.map(\.time) == [.zero, .seconds(1), .seconds(3)])
        #expect(axis.ticks.map(\.column) == [0, axis.column(ofStep: 10), axis.column(ofStep: 13)])
    }

    @Test func columnsMapBackToSteps() {
        let axis = TimeAxis(timeline: fetch, width: 70)
        for step in fetch.steps.indices {
            #expect(axis.step(atColumn: axis.column(ofStep: step)) == step)
        }
        // A gap column shows the state after the last step before it.
        #expect(axis.step(atColumn: axis.column(ofStep: 10) - 1) == 9)
        #expect(axis.step(atColumn: axis.width - 1) == fetch.steps.count - 1)
    }

    @Test func longIdleGapsAreCompressed() {
        var s = TraceScript()
        let main = s.spawn("Task-1", "main()")
        s.started(main)
        for k in 1...4 {
            let timer = s.sleeps(main, seconds: 1, line: 4)
            s.jump(to: Double(k))
            s.fire(timer, owner: main)
            s.resumed(main, line: 4)
        }
        let timer = s.sleeps(main, seconds: 1000, line: 6)
        s.jump(to: 1004)
        s.fire(timer, owner: main)
        s.resumed(main, line: 6)
        s.completed(main, "None")
        let t = Timeline(trace: s.trace)
        let axis = TimeAxis(timeline: t, width: 60)
        #expect(axis.breaks.count == 2)
        #expect(axis.width <= 60)
        let jump = t.steps.lastIndex { $0.kind == .clockJump }!
        #expect(axis.column(ofStep: jump) - axis.column(ofStep: jump - 1) == axis.stepWidth + TimeAxis.breakWidth)
        #expect(axis.isBreak(column: axis.breaks[0]) && !axis.isBreak(column: axis.breaks[0] - 1))
        // The one-second gaps keep room to show their waiting.
        #expect(t.steps[3].kind == .clockJump)
        #expect(axis.column(ofStep: 3) - axis.column(ofStep: 2) > axis.stepWidth + 1)
    }

    @Test func manyStepsShareColumns() {
        let t = Timeline(trace: randomLoopTrace(seed: 5, events: 3000))
        let axis = TimeAxis(timeline: t, width: 50)
        #expect(!axis.isStepResolved)
        #expect(axis.width <= 50)
        #expect(axis.resolvedWidth > 50)
        var last = -1
        for step in t.steps.indices {
            let c = axis.column(ofStep: step)
            #expect(c >= last && c < axis.width)
            last = c
        }
    }

    @Test func zoomWidensTheLayout() {
        let one = TimeAxis(timeline: fetch, width: 60)
        let two = TimeAxis(timeline: fetch, width: 60, zoom: 2)
        #expect(two.width > one.width + 40 && two.width <= 120)
    }

    @Test func narrowRequestsGetTheMinimumWidth() {
        let axis = TimeAxis(timeline: fetch, width: 2)
        #expect(axis.width <= TimeAxis.minimumWidth && axis.width >= 1)
        #expect(axis.requestedWidth == 2)
    }

    @Test func aStretchOfStepsIsLaidOutAsIfItWereTheRun() {
        // Steps 10 to 13 (0-based): from the 1 s wake-up to the 3 s one.
        let axis = TimeAxis(timeline: fetch, steps: 9..<14, width: 60)
        #expect(axis.steps == 9..<14)
        #expect(axis.column(ofStep: 9) == 0 && axis.column(ofStep: 3) == 0)
        #expect(axis.column(ofStep: 14) == axis.width && axis.column(ofStep: 20) == axis.width)
        for step in 9..<14 { #expect(axis.step(atColumn: axis.column(ofStep: step)) == step) }
        #expect(axis.ticks.first?.step == 9 && axis.ticks.first?.column == 0)
        #expect(axis.ticks.map(\.time) == [fetch.steps[9].time, .seconds(1), .seconds(3)])
        // Waiting stays proportional: 1 s then 2 s.
        let oneSecond = axis.column(ofStep: 10) - axis.column(ofStep: 9)
        let twoSeconds = axis.column(ofStep: 13) - axis.column(ofStep: 12)
        #expect(abs(twoSeconds - 2 * oneSecond) <= 2 * axis.stepWidth + 1)
        // The whole run as a stretch is the usual axis.
        let whole = TimeAxis(timeline: fetch, steps: 0..<fetch.steps.count, width: 60)
        let usual = TimeAxis(timeline: fetch, width: 60)
        #expect(whole.ticks == usual.ticks && whole.breaks == usual.breaks && whole.width == usual.width)
        #expect(fetch.steps.indices.allSatisfy { whole.column(ofStep: $0) == usual.column(ofStep: $0) })
    }
}
