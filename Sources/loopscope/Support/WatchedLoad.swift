import Foundation
import LoopscopeTrace
import LoopscopeTUI

extension TraceInput {
    /// Reads the trace file at `path` (standard input for `-`) for the player, telling `watch`
    /// how far it got and asking it whether to stop: decoding (bytes read, of the file's size
    /// when it has one; also while a pipe has nothing to read), then the consistency check
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

    /// Records the `.py` program at `path` for the player (see `recordPython`), the reading
    /// screen saying which program and which interpreter, and `watch` asked every few
    /// milliseconds whether to stop. Nil when it said to stop: the interpreter was ended and
    /// reaped, and its private folder removed.
    static func recordWatched(path: String, python flags: PythonFlags, watch: LoadWatch) throws -> LoadedTrace? {
        var phase: LoadPhase?
        return try recordPython(path, flags, starting: { python in
            let recording = LoadPhase.recording(program: URL(fileURLWithPath: path).lastPathComponent,
                                                python: URL(fileURLWithPath: python).lastPathComponent)
            phase = recording
            watch.show(recording)
        }, shouldStop: { phase.map(watch.shouldStop) ?? false })
    }
}
