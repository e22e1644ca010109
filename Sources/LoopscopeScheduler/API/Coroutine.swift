/// A coroutine object: what calling an `async def` function gives in Python before anything
/// awaits it (`say_after(1, 'hello')` without `await`).
///
/// Swift runs an async call only when it is awaited, so the classic mistake of forgetting
/// `await` cannot be written with plain calls; a `Coroutine` makes it expressible and
/// visible. Await it (`try await coro()`), or hand it to `createTask`. One that is dropped
/// unused is reported as asyncio reports it: "coroutine '…' was never awaited".
///
/// ```swift
/// let forgotten = coroutine("say_after(1, 'hello')") { try await sayAfter(1, "hello") }
/// // no await: the body never runs, and the trace carries a warning
/// ```
public final class Coroutine<T: Sendable>: @unchecked Sendable {
    public let label: String
    let body: @Sendable () async throws -> T
    private let loop: EventLoop?
    private let site: Int32
    private var used = false

    init(label: String, loop: EventLoop?, site: Int32, body: @escaping @Sendable () async throws -> T) {
        self.label = label
        self.loop = loop
        self.site = site
        self.body = body
    }

    /// Runs the coroutine in the awaiting task, like `await coro` in Python.
    public func callAsFunction() async throws -> T {
        used = true
        return try await body()
    }

    func take() -> @Sendable () async throws -> T {
        used = true
        return body
    }

    deinit {
        guard !used, let loop, loop.executor.isOnLoopThread, !loop.isFinished else { return }
        loop.warn(.neverAwaited, "RuntimeWarning: coroutine '\(label)' was never awaited",
                  task: loop.running?.id ?? -1, site: site)
    }
}

/// Makes a coroutine object without running it; see `Coroutine`.
public func coroutine<T: Sendable>(_ label: String, file: StaticString = #fileID, line: UInt = #line,
                                   _ body: @escaping @Sendable () async throws -> T) -> Coroutine<T> {
    let loop = try? EventLoop.running()
    return Coroutine(label: label, loop: loop, site: loop?.site(file, line) ?? -1, body: body)
}

/// Wraps a coroutine object in a task (asyncio's `create_task(coro)`).
public func createTask<T: Sendable>(_ coro: Coroutine<T>, name: String? = nil,
                                    file: StaticString = #fileID, line: UInt = #line) -> LoopTask<T> {
    createTask(coro.label, name: name, file: file, line: line, coro.take())
}
