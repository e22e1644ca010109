import LoopscopeTimeline
import LoopscopeTrace

/// Loading a huge run takes seconds (reading the file, checking it, building the timeline,
/// laying out the zoom levels): the player shows how far it got and still answers `q`, Esc,
/// Ctrl-C and the signals meanwhile.
extension Player {
    /// How a load ended: the player's state, ready to show, or the user (or a signal)
    /// stopping it.
    package enum Loaded {
        case ready(AppState)
        case stopped(PlayerOutcome)
    }

    /// How often, at most, the keyboard and the signal flag are looked at while loading.
    package static let loadPollInterval = Duration.milliseconds(20)

    /// Loads with `backend` showing a "reading" screen: `read` reads the run (a trace file,
    /// say), asking the `LoadWatch` it is given whether to stop as it goes, and returns the
    /// trace with the options to play it with (nil: it was stopped); then the timeline is
    /// built and every zoom level laid out, asking the same watch. The keyboard and the
    /// signals are looked at every `loadPollInterval` of `clock`: `q`, Esc, Ctrl-C, SIGINT,
    /// SIGTERM and SIGHUP stop the load; other keys are dropped. Errors `read` throws come
    /// out as they are (the caller restores the terminal, then reports them).
    ///
    /// `atStop` is called once when a load is stopped, at the question that saw the key or
    /// the signal: before anything is unwound, so before the partly built trace, timeline
    /// or layouts (hundreds of MB on a huge file) are freed. A player that ends the process
    /// there restores the terminal and leaves without waiting for that memory to be given
    /// back piece by piece. A part of the load that owns more than memory (a child process,
    /// a temporary folder: see `LoadPhase.endsAtOnce`) unwinds first, and `atStop` follows.
    /// If `atStop` returns, the load unwinds and returns `.stopped`.
    package static func load(on backend: any TerminalBackend, clock: @escaping () -> Duration = Player.monotonicNow,
                            atStop: ((PlayerOutcome) -> Void)? = nil,
                            read: (LoadWatch) throws -> (trace: Trace, options: PlayerOptions)?) rethrows -> Loaded {
        let watch = LoadWatch(backend: backend, clock: clock, atStop: atStop)
        guard let (trace, options) = try read(watch) else { return watch.stopped() }
        let events = trace.events.count
        watch.show(.building(.events, events: events))
        guard let timeline = Timeline.build(trace: trace, shouldStop: { watch.shouldStop(.building($0, events: events)) }),
              let state = AppState.prepared(timeline: timeline, options: options, size: backend.size,
                                            unicode: backend.capabilities.unicode,
                                            shouldStop: { watch.shouldStop(.zoom(level: $0)) })
        else { return watch.stopped() }
        return .ready(state)
    }

    /// `load(on:clock:read:)` of a trace already in hand.
    package static func load(trace: Trace, options: PlayerOptions = PlayerOptions(), on backend: any TerminalBackend,
                            clock: @escaping () -> Duration = Player.monotonicNow) -> Loaded {
        load(on: backend, clock: clock) { _ in (trace, options) }
    }

    /// Takes what is waiting on the keyboard (a few events at most, without waiting) and
    /// says how to end if one of them asks to.
    static func stopRequest(from backend: any TerminalBackend) -> PlayerOutcome? {
        for _ in 0..<16 {
            guard let event = backend.nextEvent(timeoutMilliseconds: 0) else { return nil }
            let signal = event.signalNumber ?? 0
            if signal != 0 || event == .key(.char("q")) || event == .key(.escape) {
                return PlayerOutcome(step: 0, stepCount: 0, interrupted: signal != 0, predictAsked: 0,
                                     predictCorrect: 0, signal: signal)
            }
        }
        return nil
    }

    /// "reading the run" in the middle of the screen, what is being done, and the way out.
    static func loadingScreen(size: TerminalSize, phase: LoadPhase) -> Grid {
        var grid = Grid(width: size.width, height: size.height)
        let lines = ["reading the run", phase.words, "q to stop"]
        let top = max(0, (size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (size.width - TextWidth.columns(line)) / 2)
            grid.put(line, x: x, y: top + i, role: i == 0 ? .heading : .dim)
        }
        return grid
    }
}

/// What a load is doing, for the reading screen (and the benchmark's stop-latency table).
package enum LoadPhase: Equatable, Sendable {
    /// Reading the file: bytes read so far, of how many (0: not known).
    case reading(bytes: Int, of: Int)
    /// Checking that the run could have happened (`Trace.validate`).
    case checking(events: Int)
    /// Building the timeline: which pass.
    case building(Timeline.BuildPass, events: Int)
    /// Laying out zoom level `level` (0-based) of `AppState.zoomLevels`.
    case zoom(level: Int)
    /// Recording a program (its file name) with an interpreter (its name) that runs as a
    /// child process.
    case recording(program: String, python: String)

    /// Whether a stop seen during this part ends the load at once (`Player.load`'s `atStop`
    /// is called at the question): true for every part that holds only memory, which the
    /// process can give back by ending. A recording first ends and reaps its child process
    /// and removes its temporary folder, so it unwinds before `atStop`.
    package var endsAtOnce: Bool {
        if case .recording = self { return false }
        return true
    }

    /// A short name for the kind of work, whatever its progress: `reading`, `checking`,
    /// `events`, `lanes`, …, `zoom ×4`.
    package var name: String {
        switch self {
        case .reading: "reading the file"
        case .checking: "checking"
        case .building(let pass, _): "timeline: \(pass.rawValue)"
        case .zoom(let level): "zoom ×\(Int(AppState.zoomLevels[level]))"
        case .recording: "recording"
        }
    }

    /// One line for the screen.
    var words: String {
        switch self {
        case .reading(let bytes, let total):
            total > 0 ? "\(Self.megabytes(bytes)) of \(Self.megabytes(total)) MB read" : "\(Self.megabytes(bytes)) MB read"
        case .checking(let events): "checking \(events) events"
        case .building(let pass, let events): "timeline of \(events) events: \(pass.rawValue)"
        case .zoom(let level): "laying out zoom level \(level + 1) of \(AppState.zoomLevels.count)"
        case .recording(let program, let python): "recording \(Sanitizer.line(program)) with \(Sanitizer.line(python))..."
        }
    }

    private static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10)"
    }
}

/// Watches a load on behalf of the player: each question (`shouldStop`) says what the load
/// is doing; at most every `Player.loadPollInterval` it looks at the keyboard and the signals,
/// and redraws the reading screen when what it says has changed. Once a stop was asked for,
/// every later question answers true.
package final class LoadWatch {
    private let backend: any TerminalBackend
    private let clock: () -> Duration
    private var lastPoll: Duration
    private var shown: String?
    /// Called once when the load is stopped (see `Player.load`).
    private let atStop: ((PlayerOutcome) -> Void)?
    private var toldStop = false
    /// What the load was doing at the last question.
    package private(set) var phase: LoadPhase?
    /// How the player ends, once a key or a signal asked it to stop.
    package private(set) var stop: PlayerOutcome?
    /// How many questions were asked.
    package private(set) var questions = 0

    init(backend: any TerminalBackend, clock: @escaping () -> Duration, atStop: ((PlayerOutcome) -> Void)? = nil) {
        self.backend = backend
        self.clock = clock
        self.atStop = atStop
        lastPoll = clock()
    }

    /// Whether to stop, at `phase` of the load.
    package func shouldStop(_ phase: LoadPhase) -> Bool {
        questions += 1
        self.phase = phase
        if stop != nil { return true }
        let now = clock()
        guard now - lastPoll >= Player.loadPollInterval else { return false }
        lastPoll = now
        stop = Player.stopRequest(from: backend)
        guard let stop else {
            show(phase)
            return false
        }
        if phase.endsAtOnce { tellStop(stop) }
        return true
    }

    /// Draws the reading screen for `phase`, unless it already says that.
    package func show(_ phase: LoadPhase) {
        self.phase = phase
        let words = phase.words
        guard words != shown else { return }
        shown = words
        backend.draw(Player.loadingScreen(size: backend.size, phase: phase))
    }

    /// The load's end once it was stopped and has unwound: `atStop` is called now if the
    /// part that saw the stop could not end at once.
    func stopped() -> Player.Loaded {
        tellStop(outcome)
        return .stopped(outcome)
    }

    private func tellStop(_ outcome: PlayerOutcome) {
        guard !toldStop else { return }
        toldStop = true
        atStop?(outcome)
    }

    /// The outcome of a stopped load (a plain `q` if nothing was recorded).
    var outcome: PlayerOutcome {
        stop ?? PlayerOutcome(step: 0, stepCount: 0, interrupted: false, predictAsked: 0, predictCorrect: 0)
    }
}
