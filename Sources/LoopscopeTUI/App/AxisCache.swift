import Foundation
import LoopscopeTimeline

/// Time axes already laid out, by width and zoom, so that zooming back and forth (and the
/// zoom levels prepared at start) redraw without laying a million-step run out again.
///
/// Pure memoisation of `TimeAxis(timeline:width:zoom:)` and the loop row drawn from it: an
/// entry never changes once made, so sharing one cache between copies of `AppState` keeps
/// `reduce` free of visible side effects.
final class AxisCache: @unchecked Sendable {
    struct Key: Hashable {
        let width: Int
        let zoomIndex: Int
    }

    struct Entry {
        let axis: TimeAxis
        let loopRow: [UInt8]
    }

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]

    func entry(_ key: Key, make: () -> Entry) -> Entry {
        if let hit = lock.withLock({ entries[key] }) { return hit }
        let made = make()
        lock.withLock { entries[key] = made }
        return made
    }
}

extension AxisCache {
    /// Lays out the axis for `width` at zoom level `zoomIndex`, and the loop row over it,
    /// asking `shouldStop` every `Timeline.stopCheckInterval` steps or spans; nil when it
    /// answered true.
    static func make(timeline: Timeline, width: Int, zoomIndex: Int, shouldStop: () -> Bool) -> Entry? {
        guard let axis = TimeAxis(timeline: timeline, width: width, zoom: AppState.zoomLevels[zoomIndex],
                                  shouldStop: shouldStop) else { return nil }
        let every = Timeline.stopCheckInterval - 1
        var row = [UInt8](repeating: 0, count: axis.width)
        for (k, span) in timeline.loopSpans.enumerated() {
            if k & every == every, shouldStop() { return nil }
            guard span.startStep < span.endStep else { continue }
            let code: UInt8 = switch span.activity {
            case .idle: 1
            case .running: 2
            case .blocked: 3
            }
            let cols = axis.columns(steps: Int(span.startStep)..<Int(span.endStep))
            for c in cols.clamped(to: 0..<row.count) where row[c] < code { row[c] = code }
        }
        return Entry(axis: axis, loopRow: row)
    }
}
