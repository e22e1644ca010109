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
        #expect(result.keys == TUIBenchmark.script(stepCount: 1000).count - String(500).count
            + String(max(1, Timeline(trace: trace).steps.count / 2)).count)
        #expect(result.firstFrame >= result.timeline)
        #expect(result.p50 <= result.p99 && result.p99 <= result.worst)
    }
}
