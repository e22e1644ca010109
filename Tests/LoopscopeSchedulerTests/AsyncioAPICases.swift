/// The asyncio API beyond tasks and sleeps — loop callbacks and their handles, futures,
/// shield, timeout(), gather as a future, the task API, Condition / Barrier /
/// BoundedSemaphore, PriorityQueue / LifoQueue, async generators: each Swift program is a line-for-line port
/// of `Reference/cases/<name>.py`, checked against CPython 3.11 by `CPythonCaseTests`.
enum AsyncioAPICases {
    static let programs: [(String, @Sendable () async throws -> Void)] = [
        ("call_soon_later", CallSoonLater.main),
        ("futures_api", FuturesAPI.main),
        ("shield", ShieldCase.main),
        ("timeouts", Timeouts.main),
        ("gather_future", GatherFutureCase.main),
        ("task_api", TaskAPI.main),
        ("condition_barrier", ConditionBarrier.main),
        ("priority_lifo_queues", PriorityLifoQueues.main),
        ("async_generators", AsyncGenerators.main),
    ]
}

/// Python's spelling of a bool.
func py(_ b: Bool) -> String { b ? "True" : "False" }
