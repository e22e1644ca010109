/// A one-shot result inside the loop: asyncio's `Future`.
///
/// Tasks, sleeps, gathers, queue getters and lock waiters are all futures. When one
/// completes, each of its callbacks is put on the ready queue (asyncio's `call_soon`), in
/// the order they were added — a waiting task's wake-up is one of those callbacks. Every
/// access happens on the loop's thread.
class FutureCore: @unchecked Sendable {
    enum State { case pending, finished, cancelled }

    unowned(unsafe) let loop: EventLoop
    var state: State = .pending
    var value: (any Sendable)?
    var error: (any Error)?
    var cancelMessage: String?
    /// Someone looked at the result or error (asyncio's `__log_traceback = False`).
    var retrieved = false
    var callbacks: [FutureCallback] = []
    /// What a task woken by this future's completion is told (see `WakeReason`).
    let wakeReason: WakeReason
    /// The id that events name as `other` when this future wakes someone (-1: none).
    var objectID: Int32 = -1

    init(loop: EventLoop, wakeReason: WakeReason) {
        self.loop = loop
        self.wakeReason = wakeReason
    }

    var isDone: Bool { state != .pending }
    var isCancelled: Bool { state == .cancelled }

    func setResult(_ v: any Sendable) {
        guard state == .pending else { return }
        value = v
        state = .finished
        loop.scheduleCallbacks(of: self)
    }

    func setError(_ e: any Error) {
        guard state == .pending else { return }
        error = e
        state = .finished
        loop.scheduleCallbacks(of: self)
    }

    /// asyncio's `Future.cancel`: true if it was pending and is now cancelled.
    func cancel(message: String?, by: Int32, site: Int32) -> Bool {
        guard state == .pending else { return false }
        state = .cancelled
        cancelMessage = message
        loop.scheduleCallbacks(of: self)
        return true
    }

    @discardableResult
    func addCallback(_ action: FutureCallback.Action) -> Int {
        let id = loop.nextCallbackID()
        let callback = FutureCallback(id: id, action: action)
        if isDone {
            loop.dispatch(callback, of: self)
        } else {
            callbacks.append(callback)
        }
        return id
    }

    func removeCallback(_ id: Int) {
        callbacks.removeAll { $0.id == id }
    }

    /// The error `await` raises for this future, marking it retrieved; nil on success.
    func awaitError() -> (any Error)? {
        switch state {
        case .cancelled:
            return CancelledError(message: cancelMessage)
        case .finished:
            retrieved = true
            return error
        case .pending:
            return InvalidStateError("result is not set")
        }
    }
}

/// A done-callback registered on a future.
struct FutureCallback {
    enum Action {
        /// Wake a waiting task: its next step joins the ready queue.
        case wake(TaskRecord)
        /// Wake a waiting worker thread (threads never sit in the ready queue).
        case wakeThread(TaskRecord)
        /// Run a loop callback (gather's bookkeeping, as_completed, …) from the ready queue.
        case call(label: String, task: Int32, body: (FutureCore) -> Void)
    }

    let id: Int
    let action: Action
}
