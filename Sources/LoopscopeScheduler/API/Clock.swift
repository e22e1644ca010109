/// The loop's virtual clock in seconds since the run began (asyncio's `loop.time()`,
/// and what `time.perf_counter()` / `time.monotonic()` read in a traced program).
public func virtualNow() -> Double {
    guard let loop = try? EventLoop.running() else { return 0 }
    return Double(loop.now) / 1e9
}

/// Wall-clock time of day on the virtual clock, `HH:MM:SS` (Python's `time.strftime('%X')`).
/// Runs start at 00:00:00, so outputs never depend on when they were recorded.
public func virtualTimeOfDay() -> String {
    let total = Int(virtualNow().rounded(.down))
    let h = (total / 3600) % 24, m = (total / 60) % 60, s = total % 60
    func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    return "\(two(h)):\(two(m)):\(two(s))"
}
