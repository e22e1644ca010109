import Foundation
import LoopscopeTUI
import Testing

/// A raw input source that has nothing to say `idle` times, then a key; each poll advances
/// a fake clock by its wait.
final class IdleSource: RawInputSource, @unchecked Sendable {
    var idle: Int
    var polls = 0
    var now = Duration.zero
    var signalAfter: Int?

    init(idle: Int, signalAfter: Int? = nil) {
        self.idle = idle
        self.signalAfter = signalAfter
    }

    func poll(waitMilliseconds: Int) -> InputEvent? {
        polls += 1
        now += .milliseconds(waitMilliseconds)
        if idle > 0 {
            idle -= 1
            return nil
        }
        return .key(.char("x"))
    }

    func takeSignal() -> InputEvent? {
        if let n = signalAfter, polls >= n {
            signalAfter = nil
            return .terminate
        }
        return nil
    }
}

@Suite(.timeLimit(.minutes(30))) struct EventPumpTests {
    @Test func aHundredThousandIdlePollsKeepTheStackFlat() async throws {
        // 100,000 polls of 100 ms: almost three hours paused. Run on a thread with a 256 KiB
        // stack: a pump that called itself per poll would overflow it (and crash the tests).
        let source = IdleSource(idle: 100_000)
        let result = LockedBox<InputEvent?>(nil)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            result.value = EventPump.next(from: source, timeoutMilliseconds: -1, now: { source.now })
            done.signal()
        }
        thread.stackSize = 256 * 1024
        thread.start()
        #expect(done.wait(timeout: .now() + 60) == .success, "the pump did not return")
        #expect(result.value == .key(.char("x")))
        #expect(source.polls == 100_001)
    }

    @Test func aTimeoutIsHonouredInFullNotCutAtOneSlice() {
        let source = IdleSource(idle: 1_000)
        #expect(EventPump.next(from: source, timeoutMilliseconds: 1_000, now: { source.now }) == nil)
        #expect(source.now == .seconds(1), "waited the whole second in 100 ms slices")
        #expect(source.polls == 10)
        let zero = IdleSource(idle: 5)
        #expect(EventPump.next(from: zero, timeoutMilliseconds: 0, now: { zero.now }) == nil)
        #expect(zero.polls == 1, "a zero timeout looks once without waiting")
    }

    @Test func aSignalEndsTheWait() {
        let source = IdleSource(idle: 1_000, signalAfter: 3)
        #expect(EventPump.next(from: source, timeoutMilliseconds: -1, now: { source.now }) == .terminate)
        #expect(source.polls == 3)
    }
}

/// A value shared with another thread under a lock.
final class LockedBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T
    init(_ value: T) { stored = value }
    var value: T {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
