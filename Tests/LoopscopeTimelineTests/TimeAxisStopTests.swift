import LoopscopeTrace
import Testing
@testable import LoopscopeTimeline

/// Laying out a run of millions of steps takes a while, so the layout can be stopped; the
/// median gap it compresses by is found in linear passes (that ask) instead of a sort.
@Suite("Time axis layout, stopped")
struct TimeAxisStopTests {
    @Test func theMedianIsTheOneSortingGives() {
        var rng = SplitMix64(seed: 7)
        for n in [1, 2, 3, 10, 257, 5_000] {
            for spread: UInt64 in [3, 1_000, UInt64(Int64.max)] {
                let values = (0..<n).map { _ in Int64(1 + rng.next() % spread) }
                for k in [0, n / 2, n - 1] {
                    #expect(TimeAxisPlan.select(k, of: values) { false } == values.sorted()[k], "n \(n), k \(k)")
                }
            }
        }
        #expect(TimeAxisPlan.select(1, of: [Int64.max, 1, Int64.max - 1]) { false } == Int64.max - 1)
    }

    @Test func aLayoutStopsAtTheFirstYes() throws {
        let timeline = Timeline(trace: SyntheticTrace.make(tasks: 100, events: 60_000, seed: 4))
        var asked = 0
        let whole = try #require(TimeAxis(timeline: timeline, width: 100, zoom: 4) {
            asked += 1
            return false
        })
        let plain = TimeAxis(timeline: timeline, width: 100, zoom: 4)
        #expect(whole.width == plain.width && whole.ticks == plain.ticks && whole.breaks == plain.breaks)
        #expect(asked >= 5 * (timeline.steps.count / Timeline.stopCheckInterval))
        for stopAt in [1, asked / 2, asked] {
            var n = 0
            let stopped = TimeAxis(timeline: timeline, width: 100, zoom: 4) {
                n += 1
                return n == stopAt
            }
            #expect(stopped == nil && n == stopAt, "stopped at question \(stopAt) and asked no more")
        }
    }

    @Test(arguments: Timeline.BuildPass.allCases)
    func aBuildStopsInEachPass(_ pass: Timeline.BuildPass) {
        let trace = SyntheticTrace.make(tasks: 100, events: 60_000, seed: 4)
        var inPass = 0
        var after = 0
        let built = Timeline.build(trace: trace) { (asking: Timeline.BuildPass) in
            if inPass > 0 { after += 1 }
            guard asking == pass else { return false }
            inPass += 1
            return inPass == 2
        }
        #expect(built == nil)
        #expect(inPass == 2 && after == 1, "the pass asked, and the build ended at its yes")
    }
}
