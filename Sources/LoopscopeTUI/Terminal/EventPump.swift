/// Where a backend's raw input comes from: one short, bounded wait for a key at a time,
/// and the signals noted since the last look.
package protocol RawInputSource: AnyObject {
    /// Waits at most `waitMilliseconds` (0: do not wait) for one input; nil when none came.
    func poll(waitMilliseconds: Int) -> InputEvent?
    /// A signal received since the last call (taken, so each is reported once), or nil.
    func takeSignal() -> InputEvent?
}

/// Turns short polls into `TerminalBackend.nextEvent`: waits until an input or a signal
/// arrives or the timeout runs out, waking every `slice` milliseconds to look for signals.
///
/// It loops rather than calling itself, so waiting for hours keeps the stack flat.
///
/// ```swift
/// let event = EventPump.next(from: source, timeoutMilliseconds: -1, now: Player.monotonicNow)
/// ```
package enum EventPump {
    /// The longest single wait, so a signal is noticed within this many milliseconds.
    package static let slice = 100

    /// The next event, or nil when `timeoutMilliseconds` (negative: no limit) ran out.
    package static func next(from source: some RawInputSource, timeoutMilliseconds: Int,
                            now: () -> Duration) -> InputEvent? {
        let deadline = timeoutMilliseconds < 0 ? nil : now() + .milliseconds(timeoutMilliseconds)
        while true {
            if let signal = source.takeSignal() { return signal }
            var wait = slice
            if let deadline {
                let left = deadline - now()
                wait = left <= .zero ? 0 : min(slice, Int(left.roundedUpMilliseconds))
            }
            if let event = source.poll(waitMilliseconds: wait) { return event }
            if let signal = source.takeSignal() { return signal }
            if let deadline, now() >= deadline { return nil }
        }
    }
}
