/// How a lane chart should look.
///
/// ```swift
/// let chart = try LaneRenderer.text(timeline, LaneOptions(width: 100))
/// ```
///
/// It does not decide colour by itself: the caller sets `color` (the command line leaves it
/// off when stdout is not a terminal or `NO_COLOR` is set).
public struct LaneOptions: Equatable, Sendable {
    /// Terminal columns no line may exceed (at least `LaneRenderer.minimumWidth`).
    public var width: Int
    /// Whether to colour states with ANSI SGR sequences (every state keeps its glyph).
    public var color: Bool
    /// Whether to print the program's title above the chart.
    public var title: Bool
    /// Whether to print a legend of the glyphs used below the chart.
    public var legend: Bool
    /// The widest the label column may get, in columns (names are cut to fit).
    public var maxLabelWidth: Int
    /// The lanes and the stretch of steps to draw (`--tasks`, `--from`, `--to`): the whole
    /// run by default. A part of the run gets a line under the title that says which part.
    public var selection: ExportSelection

    public init(width: Int = 80, color: Bool = false, title: Bool = true, legend: Bool = true,
                maxLabelWidth: Int = 28, selection: ExportSelection = ExportSelection()) {
        self.width = width
        self.color = color
        self.title = title
        self.legend = legend
        self.maxLabelWidth = maxLabelWidth
        self.selection = selection
    }
}
