import HeapModule

/// One entry of the loop's FIFO ready queue: a task step or a plain callback.
enum ReadyEntry {
    /// Run a task's next step; `wokenBy` is the future whose completion scheduled it.
    case step(TaskRecord, wokenBy: FutureCore?)
    case callback(CallbackHandle)
}

/// A callback waiting in the ready queue (or, as a timer, in the heap).
final class CallbackHandle {
    let id: Int32
    let label: Int32
    let task: Int32
    let body: () -> Void
    var cancelled = false
    /// Its body has run (left the ready queue): cancelling it now changes nothing.
    var ran = false

    init(id: Int32, label: Int32, task: Int32, body: @escaping () -> Void) {
        self.id = id
        self.label = label
        self.task = task
        self.body = body
    }
}

/// A timer: a callback due at a virtual time. Worker-thread wake-ups are timers too, but
/// they run the thread directly instead of joining the ready queue.
final class TimerHandle {
    let handle: CallbackHandle
    let deadline: Int64
    let purpose: TimerPurpose
    /// Non-nil for a worker thread's sleep.
    let thread: TaskRecord?
    var inHeap = true

    init(handle: CallbackHandle, deadline: Int64, purpose: TimerPurpose, thread: TaskRecord?) {
        self.handle = handle
        self.deadline = deadline
        self.purpose = purpose
        self.thread = thread
    }
}

/// Heap order: by deadline, then by creation (ties break first-armed-first).
struct TimerKey: Comparable {
    let deadline: Int64
    let seq: Int64
    let timer: TimerHandle

    static func < (a: TimerKey, b: TimerKey) -> Bool {
        a.deadline != b.deadline ? a.deadline < b.deadline : a.seq < b.seq
    }
    static func == (a: TimerKey, b: TimerKey) -> Bool { a.deadline == b.deadline && a.seq == b.seq }
}
