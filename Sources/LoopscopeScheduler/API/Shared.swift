/// Mutable state shared by a program's tasks and threads — what a module-level variable is
/// in a Python script (`cycles = 0`, `result = [0] * 10`).
///
/// Safe because every task and simulated thread of a run executes on the loop's one thread;
/// touching it from any other thread while a run is going is refused loudly.
///
/// ```swift
/// let cycles = Shared(0)
/// cycles.value += 1
/// ```
public final class Shared<Value>: @unchecked Sendable {
    private var storage: Value

    public init(_ value: Value) {
        storage = value
    }

    public var value: Value {
        get {
            checkThread()
            return storage
        }
        set {
            checkThread()
            storage = newValue
        }
    }

    private func checkThread() {
        if let loop = EventLoop.current, !loop.executor.isOnLoopThread {
            fatalError("loopscope: Shared value touched off the loop's thread (from a raw Task {}?)")
        }
    }
}
