/// How the player starts: which view, from which step, with predict mode or not.
///
/// ```swift
/// var options = PlayerOptions()
/// options.predict = true
/// ```
public struct PlayerOptions: Equatable, Sendable {
    /// Ask before each resume and each printed line what comes next.
    public var predict: Bool
    /// Draw with ASCII only, even when the locale is UTF-8.
    public var ascii: Bool
    /// The view shown first.
    public var view: ViewKind
    /// The step shown first (0-based; clamped to the run).
    public var startStep: Int
    /// Playback speed in steps per second; the nearest of `PlayerOptions.speeds` is used.
    public var stepsPerSecond: Int

    public init(predict: Bool = false, ascii: Bool = false, view: ViewKind = .timeline,
                startStep: Int = 0, stepsPerSecond: Int = 4) {
        self.predict = predict
        self.ascii = ascii
        self.view = view
        self.startStep = startStep
        self.stepsPerSecond = stepsPerSecond
    }

    /// The playback speeds `+` and `-` move between, in steps per second.
    public static let speeds = [1, 2, 4, 8, 16, 32, 64, 128]
}

/// What the cached narration was made for.
struct NarrationKey: Equatable, Sendable {
    var step: Int
    var width: Int
}
