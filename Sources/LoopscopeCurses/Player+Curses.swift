import CNcurses
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
    package static func play(trace: Trace, options: PlayerOptions,
                            environment: [String: String] = currentEnvironment()) throws -> PlayerOutcome {
        try play(options: options, environment: environment) { _ in (trace, options) }
    }

    /// Takes the terminal, then reads the run with `read` while a "reading" screen shows
    /// how far it got and `q`, Esc, Ctrl-C and the signals stop it (see `Player.load`), and
    /// replays it with the options `read` returns. `options` chooses how to draw until then.
    /// The terminal is restored before anything `read` throws comes out, so its message goes
    /// to a clean screen.
    ///
    /// With `endOnStop`, a stopped load restores the terminal and calls it at the question
    /// that saw the stop, before the partly loaded run is unwound: it ends the process (see
    /// `Player.end`), so the user does not wait while hundreds of MB are freed. Without it,
    /// the load unwinds and `play` returns the outcome.
    ///
    /// `keys` says where keys come from: standard input, or the controlling terminal when
    /// `read` reads the run from standard input (`play -`).
    package static func play(options: PlayerOptions, keys: KeySource = .standardInput,
                            environment: [String: String] = currentEnvironment(),
                            endOnStop: ((PlayerOutcome) -> Never)? = nil,
                            read: (LoadWatch) throws -> (trace: Trace, options: PlayerOptions)?) throws
        -> PlayerOutcome {
        try checkTerminal(keys: keys, environment: environment)
        let backend = try openBackend(options: options, keys: keys, environment: environment)
        defer { backend.restore() }
        let atStop = endOnStop.map { end in
            { (outcome: PlayerOutcome) in
                backend.restore()
                end(outcome)
            }
        }
        switch try load(on: backend, atStop: atStop, read: read) {
        case .stopped(let outcome):
            return outcome
        case .ready(let state):
            return run(state: state, on: backend, saveScreen: ScreenFile.save)
        }
    }

    /// The demo browser on the terminal (see `Player.browse(demos:options:on:…)`): a list of
    /// demos; choosing one records it (with `record`) and replays it; quitting the replay
    /// comes back to the list; `q` on the list leaves. A theme chosen with `t` stays for the
    /// session. Returns the outcome of the last replay, or nil if none was played.
    package static func browse(demos: [DemoChoice], options: PlayerOptions,
                              environment: [String: String] = currentEnvironment(),
                              record: (Int) throws -> Trace) throws -> PlayerOutcome? {
        try checkTerminal(environment: environment)
        let backend = try openBackend(options: options, environment: environment)
        defer { backend.restore() }
        return try browse(demos: demos, options: options, on: backend, saveScreen: ScreenFile.save, record: record)
    }

    /// Throws unless standard output is a terminal (`.notATerminal`), keys can be read —
    /// standard input is a terminal (`.inputNotATerminal`), or with `keys:
    /// .controllingTerminal` the process has one (`.noControllingTerminal`) — and TERM names
    /// a terminal that can move the cursor (`.noCursorAddressing`).
    package static func checkTerminal(keys: KeySource = .standardInput,
                                     environment: [String: String] = currentEnvironment()) throws {
        guard isatty(1) != 0 else { throw PlayerError.notATerminal }
        switch keys {
        case .standardInput:
            guard isatty(0) != 0 else { throw PlayerError.inputNotATerminal }
        case .controllingTerminal:
            let tty = open("/dev/tty", O_RDONLY | O_CLOEXEC)
            guard tty >= 0 else { throw PlayerError.noControllingTerminal }
            close(tty)
        }
        var scratch = [CChar](repeating: 0, count: 256)
        guard ls_terminal_probe(&scratch, Int32(scratch.count)) != 0 else {
            throw PlayerError.noCursorAddressing(term: environment["TERM"] ?? "")
        }
    }

    /// Ends the process the way the signal that ended the player would have (exit status
    /// 128 + signal), after the terminal was restored: the signal's default action is put
    /// back and the signal raised again; if it does not end the process, exit follows.
    package static func exit(bySignal signal: Int32) -> Never {
        fflush(nil)
        Glibc.signal(signal, SIG_DFL)
        raise(signal)
        Glibc.exit(128 + signal)
    }

    /// Ends the process after a stopped load, the terminal restored: by the signal that
    /// stopped it (see `exit(bySignal:)`), else with status 0. Whatever the process holds
    /// is given back by its end, not freed first.
    package static func end(_ outcome: PlayerOutcome) -> Never {
        if outcome.signal != 0 { exit(bySignal: outcome.signal) }
        fflush(nil)
        Glibc.exit(0)
    }

    /// The process environment as a dictionary.
    package static func currentEnvironment() -> [String: String] {
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

    private static func openBackend(options: PlayerOptions, keys: KeySource = .standardInput,
                                    environment: [String: String]) throws -> CursesBackend {
        do {
            return try CursesBackend(forceASCII: options.ascii, keys: keys, environment: environment)
        } catch CursesError.noCursorAddressing {
            throw PlayerError.noCursorAddressing(term: environment["TERM"] ?? "")
        } catch CursesError.noControllingTerminal {
            throw PlayerError.noControllingTerminal
        } catch {
            throw PlayerError.terminal("\(error)")
        }
    }
}
