import LoopscopeTimeline
import LoopscopeTrace
import LoopscopeTUI
import Testing

/// The benchmark drives the whole key script on a synthetic run (figures are printed by
/// `loopscope bench tui`, not asserted here).
@Suite struct BenchmarkTests {
    @Test func scriptRunsOnASyntheticTrace() {
        let trace = SyntheticTrace.make(tasks: 50, events: 5_000, seed: 1)
        let result = TUIBenchmark.run(trace: trace, size: TerminalSize(width: 80, height: 24))
        #expect(result.keys == TUIBenchmark.script(for: Timeline(trace: trace)).count)
        #expect(result.kinds.map(\.keys).reduce(0, +) == result.keys)
        #expect(result.kinds.contains { $0.name == "End" } && result.kinds.contains { $0.name == "Left" })
        #expect(result.firstFrame >= result.timeline)
        #expect(result.p50 <= result.p99 && result.p99 <= result.worst)
    }
}
