/// What a cell on screen means, named for the viewer's vocabulary; the backend maps each role
/// to a colour and attributes (or to attributes alone in monochrome).
///
/// The view never picks colours: it says "this cell is a ready task" and the backend decides
/// how that looks. Every role that carries meaning also has its own glyph, so nothing is lost
/// when colours are off.
package enum StyleRole: UInt8, Sendable, CaseIterable {
    case plain = 0
    /// Secondary text: rulers, hints, idle lanes.
    case dim
    /// Pane titles and headings.
    case heading
    /// Lines between panes.
    case border
    /// The status bar's background.
    case status
    /// A key name inside the status bar or help, e.g. `space`.
    case key
    /// A task that holds the loop right now.
    case running
    /// A task in the ready queue.
    case ready
    /// A task parked at an await.
    case waiting
    /// A task or thread holding the loop without yielding.
    case blocked
    /// A task that returned.
    case done
    /// A task that failed.
    case failed
    /// A task that ended cancelled, and cancellation requests.
    case cancelled
    /// Program output.
    case output
    /// The column or row of the current step.
    case cursor
    /// The selected lane's name.
    case selected
    /// The source line that just ran.
    case lineRan
    /// The source line where the selected task is parked or will resume.
    case lineParked
    /// Warnings (exception never retrieved, deadlock).
    case warning
    /// A prompt or an overlay's frame.
    case prompt
    /// A right answer.
    case good
    /// A wrong answer.
    case bad
}

/// The single-letter code of each role, used by the style layer of golden screens.
extension StyleRole {
    package var code: Character {
        switch self {
        case .plain: "."
        case .dim: "d"
        case .heading: "H"
        case .border: "|"
        case .status: "s"
        case .key: "k"
        case .running: "R"
        case .ready: "r"
        case .waiting: "w"
        case .blocked: "B"
        case .done: "D"
        case .failed: "F"
        case .cancelled: "C"
        case .output: "o"
        case .cursor: "^"
        case .selected: "S"
        case .lineRan: "L"
        case .lineParked: "P"
        case .warning: "!"
        case .prompt: "p"
        case .good: "+"
        case .bad: "-"
        }
    }
}
