/// A wrong idea about asyncio that predict mode's wrong choices are made from: each wrong
/// choice is the answer someone holding one of these would give.
package enum Misconception: Int, CaseIterable, Sendable, Comparable {
    /// The ready queue is last in, first out: the task queued last runs first.
    case lifoQueue
    /// `await` blocks the whole program until what it awaits is done.
    case awaitBlocksEverything
    /// `create_task` runs the new task at once.
    case createTaskRunsAtOnce
    /// `sleep(0)` returns at once without giving other tasks a turn.
    case sleepZeroDoesNotYield
    /// Timers fire in the order they were set, whatever their deadlines.
    case timersInCreationOrder

    /// The belief, as "you answered as if …" finishes it.
    package var belief: String {
        switch self {
        case .lifoQueue: "the ready queue were last in, first out"
        case .awaitBlocksEverything: "await blocked the whole program"
        case .createTaskRunsAtOnce: "create_task ran the new task at once"
        case .sleepZeroDoesNotYield: "sleep(0) did not give other tasks a turn"
        case .timersInCreationOrder: "timers fired in the order they were set"
        }
    }

    /// A short name for the end-of-run summary.
    package var name: String {
        switch self {
        case .lifoQueue: "the ready queue is LIFO"
        case .awaitBlocksEverything: "await blocks the whole program"
        case .createTaskRunsAtOnce: "create_task runs the task at once"
        case .sleepZeroDoesNotYield: "sleep(0) does not yield"
        case .timersInCreationOrder: "timers fire in creation order"
        }
    }

    package static func < (a: Misconception, b: Misconception) -> Bool { a.rawValue < b.rawValue }
}
