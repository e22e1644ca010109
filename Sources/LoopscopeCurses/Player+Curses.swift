import Glibc
import LoopscopeTimeline
import LoopscopeTrace
import LoopscopeTUI

/// The player on the real terminal.
///
/// ```swift
/// do {
///     let outcome = try Player.play(trace: trace, options: PlayerOptions(predict: true))
///     if !outcome.summary.isEmpty { print(outcome.summary) }
/// } catch let error as PlayerError {
///     // print error.description to stderr, exit(error.exitCode)
/// }
/// ```
///
/// The terminal is restored before these return or throw, on `q`, Ctrl-C, SIGTERM, SIGHUP,
/// and on errors.
extension Player {
    /// Replays `trace` on the terminal. Throws `PlayerError.notATerminal` when standard
    /// input or output is not a terminal (check before recording anything expensive with
    /// `Player.checkTerminal()`).
    public static func play(trace: Trace, options: PlayerOptions,
                            environment: [String: String] = currentEnvironment()) throws -> PlayerOutcome {
        try checkTerminal()
        let timeline = Timeline(trace: trace)
        let backend = try openBackend(options: options, environment: environment)
        defer { backend.restore() }
        return run(timeline: timeline, options: options, on: backend)
    }

    /// The demo browser: a list of demos; choosing one records it (with `record`) and
    /// replays it; quitting the replay comes back to the list; `q` on the list leaves.
    /// Returns the outcome of the last replay, or nil if none was played.
    public static func browse(demos: [DemoChoice], options: PlayerOptions,
                              environment: [String: String] = currentEnvironment(),
                              record: (Int) throws -> Trace) throws -> PlayerOutcome? {
        try checkTerminal()
        let backend = try openBackend(options: options, environment: environment)
        defer { backend.restore() }
        var last: PlayerOutcome?
        var selected = 0
        while let chosen = pick(demos: demos, selected: selected, on: backend) {
            selected = chosen
            let trace = try record(chosen)
            let outcome = run(timeline: Timeline(trace: trace), options: options, on: backend)
            last = outcome
            if outcome.interrupted { break }
        }
        return last
    }

    /// Throws `PlayerError.notATerminal` unless standard input and output are terminals.
    public static func checkTerminal() throws {
        guard isatty(1) != 0, isatty(0) != 0 else { throw PlayerError.notATerminal }
    }

    /// The process environment as a dictionary.
    public static func currentEnvironment() -> [String: String] {
        var env: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") {
                env[String(s[..<eq])] = String(s[s.index(after: eq)...])
            }
            p += 1
        }
        return env
    }

    private static func openBackend(options: PlayerOptions,
                                    environment: [String: String]) throws -> CursesBackend {
        do {
            return try CursesBackend(forceASCII: options.ascii, environment: environment)
        } catch {
            throw PlayerError.terminal("\(error)")
        }
    }
}
