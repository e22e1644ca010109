/// Cancelling a callback wherever it waits: as a timer in the heap, or already in the ready
/// queue (asyncio's `Handle.cancel` / `TimerHandle.cancel`).
extension EventLoop {
    /// Cancels `handle` unless it has run or was cancelled before. A timer still in the heap
    /// is disarmed (`timerCancelled`, as `cancelTimer`); a callback in the ready queue — a
    /// `call_soon`, or a timer that has fired this iteration — is marked so the loop skips
    /// it, and recorded as `timerCancelled` too, which takes it off the replayed queue.
    func cancelHandle(_ handle: CallbackHandle, timer: TimerHandle?, purpose: TimerPurpose) {
        guard !handle.cancelled, !handle.ran else { return }
        if let timer, timer.inHeap {
            cancelTimer(timer)
            return
        }
        handle.cancelled = true
        emit(.timerCancelled, task: handle.task, other: handle.id, value: timer?.deadline ?? now,
             reason: purpose.rawValue)
    }

    /// Puts a callback on the ready queue and returns its handle (asyncio's `call_soon`).
    func callSoonHandle(_ label: @autoclosure () -> String, task: Int32 = -1,
                        _ body: @escaping () -> Void) -> CallbackHandle {
        let labelID = intern(label())
        let handle = CallbackHandle(id: newHandleID(), label: Int32(truncatingIfNeeded: labelID),
                                    task: task, body: body)
        emit(.callbackQueued, task: task, other: handle.id, value: labelID)
        ready.append(.callback(handle))
        return handle
    }

    /// Virtual seconds as asyncio's `loop.time()` gives them.
    var seconds: Double { Double(now) / 1e9 }
}
