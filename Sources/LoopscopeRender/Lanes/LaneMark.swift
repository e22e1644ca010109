import LoopscopeTimeline

/// What one cell of a lane chart shows: a lane state, a break marker, or nothing.
///
/// A compact code (one byte) so a chart of ten thousand lanes stays cheap; `LaneGlyphs`
/// turns it into a glyph and a colour.
public enum LaneMark: UInt8, Sendable, CaseIterable {
    /// Before the lane exists, or after its end marker.
    case empty = 0
    case created, ready, running, suspended, blocking, thread, done, failed, cancelled
    /// A column of a compressed idle gap (time skipped).
    case breakMarker

    public init(_ state: LaneState) {
        switch state {
        case .created: self = .created
        case .ready: self = .ready
        case .running: self = .running
        case .suspended: self = .suspended
        case .blocking: self = .blocking
        case .thread: self = .thread
        case .done: self = .done
        case .failed: self = .failed
        case .cancelled: self = .cancelled
        }
    }

    /// The lane state it shows, if any.
    public var state: LaneState? {
        switch self {
        case .created: .created
        case .ready: .ready
        case .running: .running
        case .suspended: .suspended
        case .blocking: .blocking
        case .thread: .thread
        case .done: .done
        case .failed: .failed
        case .cancelled: .cancelled
        case .empty, .breakMarker: nil
        }
    }

    /// Which mark wins a column shared by several steps (see `LaneState.drawPriority`).
    var priority: Int { state?.drawPriority ?? -1 }
}
