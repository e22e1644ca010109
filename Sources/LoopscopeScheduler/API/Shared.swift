import Synchronization

/// Mutable state shared by a program's tasks and threads — what a module-level variable is
/// in a Python script (`cycles = 0`, `result = [0] * 10`).
///
/// Every task and simulated thread of a run executes on the loop's one thread, so the value
/// needs no care inside a run. A touch from another thread while a run is going (a raw
/// `Task {}`) is reported, and the run ends with that report; the value itself sits behind a
/// lock, so even then nothing races.
///
/// ```swift
/// let cycles = Shared(0)
/// cycles.value += 1
/// ```
public final class Shared<Value>: @unchecked Sendable {
    private var storage: Value
    private var affinity = LoopAffinity()
    private let lock = Mutex(())

    public init(_ value: Value) {
        storage = value
    }

    public var value: Value {
        get {
            lock.withLock { _ in
                _ = affinity.allows("Shared.value")
                return storage
            }
        }
        set {
            lock.withLock { _ in
                _ = affinity.allows("Shared.value")
                storage = newValue
            }
        }
    }
}
