import LoopscopeTimeline
import LoopscopeTrace

/// Everything the player shows, as plain values: the run, the current step, the selection,
/// the view and its scroll, the prompt, predict mode.
///
/// Change it only through `reduce(_:_:)`; draw it with `view(_:)`. It also caches what the
/// view needs at the current step (the loop's state, the time axis), recomputed by `reduce`
/// when the step, size or zoom changes, so drawing a frame never walks the whole run.
///
/// ```swift
/// var state = AppState(timeline: Timeline(trace: trace), options: PlayerOptions(), size: .minimum)
/// state = reduce(state, .stepForward)
/// let grid = view(state)
/// ```
package struct AppState: Sendable {
    package let timeline: Timeline
    package let options: PlayerOptions
    package internal(set) var size: TerminalSize
    /// The current step (0-based).
    package internal(set) var step: Int
    /// The selected lane's task id (-1: none).
    package internal(set) var selectedTask: Int32
    package internal(set) var playing: Bool
    /// Index into `PlayerOptions.speeds`.
    package internal(set) var speedIndex: Int
    /// Whether playback follows virtual time (see `Playback`) rather than a step rate.
    package internal(set) var realTime: Bool
    /// Index into `PlayerOptions.realTimeScales`.
    package internal(set) var realTimeIndex: Int
    /// While playing: the clock reading (`Action.tick`) at which the current step was
    /// taken; nil until the first tick after play starts.
    package internal(set) var beatAnchor: Duration?
    package internal(set) var view: ViewKind
    /// Index into `AppState.zoomLevels`.
    package internal(set) var zoomIndex: Int
    package internal(set) var hideFinished: Bool
    package internal(set) var showHelp: Bool
    /// The about box: the program's teaching note and the article's claims against CPython.
    package internal(set) var showAbout: Bool
    /// The go-to prompt's text, or nil when it is closed.
    package internal(set) var prompt: String?
    /// A one-line notice (e.g. a go-to that found nothing), cleared by the next action.
    package internal(set) var notice: String?
    package internal(set) var predict: PredictState
    /// Lines scrolled by PgUp/PgDn away from following the current step (sequence and
    /// breakdown views), reset when the step changes.
    package internal(set) var scrollOffset: Int
    /// Rows the output pane is scrolled up from following the current step (0: its newest
    /// line at the bottom), reset when the step changes.
    package internal(set) var outputScroll: Int
    /// The pane `c` chose, which `z` zooms and PgUp/PgDn scroll; nil: the main view.
    package internal(set) var focus: PaneKind?
    /// The pane zoomed to the full screen by `z`, or nil.
    package internal(set) var zoomedPane: PaneKind?
    /// The colours and attributes the terminal draws roles with.
    package internal(set) var theme: Theme
    /// The first column of the time axis shown in the lanes pane.
    package internal(set) var axisStart: Int
    /// The first lane row shown.
    package internal(set) var laneTop: Int
    package internal(set) var quitRequested: Bool
    /// A screen to save, set by `w` for the run loop to write (cleared by the next action).
    package internal(set) var screenRequest: ScreenRequest?

    /// The loop's state at `step`: the front `loopFront` entries of the ready queue, the
    /// earliest timers and the last finishes, with their counts (the loop pane shows no more).
    package internal(set) var loop: LoopState
    /// The lanes shown, in order (see `visibleLanes`), kept up to date by `reduce`.
    package internal(set) var visibleLanes: [Lane]
    /// What `visibleLanes` was worked out for.
    var visibleKey: VisibleKey?
    /// The time axis laid out for the current width and zoom.
    package internal(set) var axis: TimeAxis
    /// What the event loop row shows in each column of `axis`: 0 nothing, 1 idle,
    /// 2 running a task, 3 blocked. Laid out with the axis, so a frame does not walk the run.
    var loopRow: [UInt8] = []
    /// Axes laid out so far, shared by every copy of this state (see `AxisCache`).
    let axisCache: AxisCache
    /// The narration of the current step, wrapped for the narration pane.
    package internal(set) var narration: String = ""
    var narrationKey: NarrationKey?
    /// The sequence diagram for the current width, laid out when the sequence view shows.
    package internal(set) var sequence: SequenceText?
    /// Why the sequence view has no diagram, when it has none.
    package internal(set) var sequenceUnavailable: String?
    /// The glyph set (ASCII when the option asks or the terminal cannot show Unicode).
    package let glyphs: Glyphs

    /// The zoom factors `z` cycles through.
    package static let zoomLevels: [Double] = [1, 2, 4, 8, 16, 32]

    package init(timeline: Timeline, options: PlayerOptions, size: TerminalSize, unicode: Bool = true) {
        self.init(timeline: timeline, options: options, size: size, unicode: unicode, axes: AxisCache())
    }

    /// A state whose time axes come from `axes` (laid out ahead by `prepared(…)`, or empty).
    init(timeline: Timeline, options: PlayerOptions, size: TerminalSize, unicode: Bool, axes: AxisCache) {
        axisCache = axes
        self.timeline = timeline
        self.options = options
        self.size = size
        let last = max(0, timeline.steps.count - 1)
        step = min(max(0, options.startStep), last)
        selectedTask = timeline.lanes.first?.task ?? -1
        playing = false
        speedIndex = Playback.nearest(options.stepsPerSecond, in: PlayerOptions.speeds)
        realTime = options.realTime != nil
        realTimeIndex = Playback.nearest(options.realTime ?? 1, in: PlayerOptions.realTimeScales)
        beatAnchor = nil
        view = options.view
        zoomIndex = 0
        hideFinished = false
        showHelp = false
        showAbout = false
        prompt = nil
        notice = nil
        predict = PredictState(enabled: options.predict)
        scrollOffset = 0
        outputScroll = 0
        focus = nil
        zoomedPane = nil
        theme = options.theme
        axisStart = 0
        laneTop = 0
        quitRequested = false
        screenRequest = nil
        glyphs = Glyphs.forASCII(options.ascii || !unicode)
        loop = timeline.state(atStep: step, front: Self.loopFront)
        visibleLanes = timeline.lanes
        axis = TimeAxis(timeline: timeline, width: 10)
        sequence = nil
        sequenceUnavailable = nil
        refreshVisibleLanes()
        refreshAxis()
        prepareZoomLevels()
        prepareSequence()
        followCursor()
        refreshNarration()
    }

    /// Whether text must be kept to ASCII.
    package var ascii: Bool { glyphs.isASCII }

    /// The number of steps in the run.
    package var stepCount: Int { timeline.steps.count }

    /// Whether the terminal is big enough for the full screen.
    package var fits: Bool {
        size.width >= TerminalSize.minimum.width && size.height >= TerminalSize.minimum.height
    }

    /// The current playback speed in steps per second (in real-time mode: of the steps
    /// that take no virtual time).
    package var stepsPerSecond: Double { PlayerOptions.speeds[speedIndex] }

    /// In real-time mode, how many real seconds one virtual second lasts.
    package var realTimeScale: Double { PlayerOptions.realTimeScales[realTimeIndex] }

    /// The screen's layout at the current size.
    package var layout: Layout {
        Layout(size: size, laneCount: visibleLanes.count, view: view, zoomed: zoomedPane, loopRow: !timeline.loopless)
    }

    /// Whether the screen keeps what happens after the current step to itself: in predict
    /// mode until the run's last step, the lanes, sequence, breakdown and narration stop at
    /// the current step, tasks not yet created have no lane, and the title and teaching
    /// notes (which may give the outcome away) wait for the end.
    package var hidesFuture: Bool { predict.enabled && step + 1 < stepCount }

    /// How many ready-queue entries, timers and finished tasks `loop` holds at most.
    static let loopFront = 60
}

extension AppState {
    /// The status of a task at the current step, or nil for an unknown id.
    func status(of task: Int32) -> TaskStatus? {
        let status = loop.status(ofTask: task)
        return status.since < 0 && status.state == nil ? nil : status
    }
}
