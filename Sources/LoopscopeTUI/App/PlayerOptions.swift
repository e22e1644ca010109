/// How the player starts: which view, from which step, with predict mode or not.
///
/// ```swift
/// var options = PlayerOptions()
/// options.predict = true
/// ```
package struct PlayerOptions: Equatable, Sendable {
    /// Ask before each resume and each printed line what comes next.
    package var predict: Bool
    /// Draw with ASCII only, even when the locale is UTF-8.
    package var ascii: Bool
    /// The view shown first.
    package var view: ViewKind
    /// The step shown first (0-based; clamped to the run).
    package var startStep: Int
    /// Playback speed in steps per second; the nearest of `PlayerOptions.speeds` is used.
    package var stepsPerSecond: Double
    /// Start playback in real time: one virtual second lasts this many real seconds (the
    /// nearest of `PlayerOptions.realTimeScales`); nil plays a fixed number of steps a second.
    package var realTime: Double?
    /// The colours the screen starts with (`t` cycles them).
    package var theme: Theme

    package init(predict: Bool = false, ascii: Bool = false, view: ViewKind = .timeline,
                startStep: Int = 0, stepsPerSecond: Double = 4, realTime: Double? = nil,
                theme: Theme = .dark) {
        self.predict = predict
        self.ascii = ascii
        self.view = view
        self.startStep = startStep
        self.stepsPerSecond = stepsPerSecond
        self.realTime = realTime
        self.theme = theme
    }

    /// The playback speeds `+` and `-` move between, in steps per second.
    package static let speeds: [Double] = [0.5, 1, 2, 4, 8, 15, 30, 60, 120]

    /// Real seconds per virtual second in real-time mode, fastest first (`+` moves left).
    package static let realTimeScales: [Double] = [0.1, 0.25, 0.5, 1, 2, 5, 10]
}

/// What the cached narration was made for.
struct NarrationKey: Equatable, Sendable {
    var step: Int
    var width: Int
    var foretell: Bool
}
