import LoopscopeTrace
import LoopscopeTUI

extension TraceInput {
    /// Reads the trace file at `path` for the player, telling `watch` how far it got and
    /// asking it whether to stop: decoding (bytes of the file), then the consistency check
    /// (an inconsistent trace is refused unless `force`, see `TraceCheck`). Nil when the
    /// watch said to stop. `play` and `bench tui --stop-latency` both load through here, so
    /// the benchmark times what the player does.
    static func loadWatched(path: String, force: Bool, watch: LoadWatch) throws -> Trace? {
        watch.show(.reading(bytes: 0, of: 0))
        guard let decoded = try decodeFileWithVersion(path, shouldStop: { done, size in
            watch.shouldStop(.reading(bytes: done, of: size))
        }) else { return nil }
        let events = decoded.trace.events.count
        return try TraceCheck.consistent(decoded.trace, path: path, force: force, shouldStop: {
            watch.shouldStop(.checking(events: events))
        })
    }
}
