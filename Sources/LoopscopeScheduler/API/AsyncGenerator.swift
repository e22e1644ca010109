/// asyncio's async generator (`async def` with `yield`): a body that hands values, one at a
/// time, to whichever task asks for the next one.
///
/// It has no task of its own. `next()` (Python's `anext(gen)`, what `async for` calls) runs
/// the body inside the awaiting task until its next `yield`: a sleep in the body suspends
/// that task. A `break` out of `for try await` leaves the body suspended at its yield, as in
/// Python. `aclose()` throws `GeneratorExit` into the body at that yield, so its clean-up
/// runs in the task that awaits `aclose()`. A generator still suspended when `asyncioRun`'s
/// main task ends is closed at shutdown (asyncio's `shutdown_asyncgens`): after the pending
/// tasks are cancelled, a task `shutdown_asyncgens()` gathers one `aclose()` task per such
/// generator, in the order they were first iterated.
///
/// The body has no `finally` that can await; write its clean-up after a `do`/`catch` that
/// rethrows (see the example). CPython also closes a suspended generator as soon as its last
/// reference goes (its finalizer hook queues `aclose()` in a new task); loopscope closes it
/// only at shutdown, so keep such generators referenced to compare the two.
///
/// ```swift
/// let ticks = asyncGenerator("ticks(3)", of: Int.self) { yield in
///     do {
///         for i in 0..<3 { try await sleep(1); try await yield(i) }
///     } catch {
///         say("clean-up"); throw error
///     }
/// }
/// for try await i in ticks { if i == 1 { break } }
/// try await ticks.aclose()     // prints "clean-up"
/// ```
public final class AsyncGenerator<Element: Sendable>: AsyncSequence, @unchecked Sendable {
    public typealias Failure = any Error

    enum State { case created, suspended, running, finished }

    /// How the generator is shown: its call, e.g. `ticks('A', 2, 0.5)`.
    public let label: String
    let body: @Sendable (GeneratorYield<Element>) async throws -> Void
    @exclusivity(unchecked) var state = State.created
    @exclusivity(unchecked) var closing = false
    /// Where the body waits to be resumed: at a yield (or, for `aclose`, to be thrown into).
    @exclusivity(unchecked) var bodyContinuation: UnsafeContinuation<Void, any Error>?
    /// Where the task driving the body waits for its next value, its end or its error.
    @exclusivity(unchecked) var driverContinuation: UnsafeContinuation<Element?, any Error>?
    /// The task driving the body now, and the Swift task that runs the body.
    @exclusivity(unchecked) var driver: TaskRecord?
    @exclusivity(unchecked) var driverSwiftTask: UnsafeCurrentTask?
    @exclusivity(unchecked) var bodySwiftTask: UnsafeCurrentTask?
    private var affinity = LoopAffinity()

    init(label: String, body: @escaping @Sendable (GeneratorYield<Element>) async throws -> Void) {
        self.label = label
        self.body = body
    }

    /// The next value, or nil once the body has returned (Python's `anext(gen)`, which raises
    /// `StopAsyncIteration` there). Errors the body throws come out here.
    public func next(file: StaticString = #fileID, line: UInt = #line) async throws -> Element? {
        let loop = try EventLoop.running("\(label).next()", file: file, line: line)
        guard affinity.allows("\(label).next()", file: file, line: line) else {
            throw SchedulerError("\(label).next() at \(file):\(line) ran off the loop's thread")
        }
        switch state {
        case .finished: return nil
        case .running: throw RuntimeError("anext(): asynchronous generator is already running")
        case .created, .suspended: break
        }
        let task = try loop.runningTask("\(label).next()")
        if state == .created { loop.asyncGenerators.append(self) }
        return try await drive(by: task, on: loop, throwing: nil)
    }

    /// Throws `GeneratorExit` into the body where it is suspended and runs its clean-up in the
    /// calling task (Python's `await gen.aclose()`). A generator never started or already
    /// finished is only marked finished. A body that yields again instead of ending raises
    /// `RuntimeError` here.
    public func aclose(file: StaticString = #fileID, line: UInt = #line) async throws {
        let loop = try EventLoop.running("\(label).aclose()", file: file, line: line)
        guard affinity.allows("\(label).aclose()", file: file, line: line) else {
            throw SchedulerError("\(label).aclose() at \(file):\(line) ran off the loop's thread")
        }
        switch state {
        case .created, .finished:
            state = .finished
            return
        case .running: throw RuntimeError("aclose(): asynchronous generator is already running")
        case .suspended: break
        }
        let task = try loop.runningTask("\(label).aclose()")
        closing = true
        _ = try await drive(by: task, on: loop, throwing: GeneratorExit())
    }

    /// Whether the body has started and not ended (shutdown closes such generators).
    var isSuspended: Bool { state == .suspended }

    /// Hands control to the body for one turn and waits for what it hands back.
    private func drive(by task: TaskRecord, on loop: EventLoop, throwing thrown: (any Error)?) async throws -> Element? {
        let starting = state == .created
        state = .running
        driver = task
        driverSwiftTask = task.swiftTask
        return try await withUnsafeThrowingContinuation { (c: UnsafeContinuation<Element?, any Error>) in
            driverContinuation = c
            if starting {
                // The body's first job joins the executor's queue and runs once this job parks.
                EventLoop.$current.withValue(loop) {
                    _ = Task(executorPreference: loop.executor) { await self.runBody() }
                }
            } else {
                task.swiftTask = bodySwiftTask
                let k = bodyContinuation!
                bodyContinuation = nil
                if let thrown { k.resume(throwing: thrown) } else { k.resume() }
            }
        }
    }

    private func runBody() async {
        bodySwiftTask = withUnsafeCurrentTask { $0 }
        driver?.swiftTask = bodySwiftTask
        var outcome: Result<Element?, any Error>
        do {
            try await body(GeneratorYield(generator: self))
            outcome = .success(nil)
        } catch is GeneratorExit where closing {
            outcome = .success(nil)
        } catch {
            outcome = .failure(error)
        }
        state = .finished
        closing = false
        handBack(outcome)
        bodySwiftTask = nil
    }

    /// Gives control back to the driving task with `outcome`.
    private func handBack(_ outcome: Result<Element?, any Error>) {
        driver?.swiftTask = driverSwiftTask
        driver = nil
        driverSwiftTask = nil
        let k = driverContinuation!
        driverContinuation = nil
        k.resume(with: outcome)
    }

    /// The body's `yield`: hands `value` to the driver and waits to be resumed.
    func yieldValue(_ value: Element) async throws {
        guard state == .running, driverContinuation != nil else {
            throw RuntimeError("yield outside the generator's own turn: call it only from its body")
        }
        if closing {
            // Python: the generator ignored GeneratorExit; it stays suspended forever.
            closing = false
            state = .finished
            handBack(.failure(RuntimeError("async generator ignored GeneratorExit")))
            try await withUnsafeThrowingContinuation { (_: UnsafeContinuation<Void, any Error>) in }
            return
        }
        try await withUnsafeThrowingContinuation { (c: UnsafeContinuation<Void, any Error>) in
            bodyContinuation = c
            state = .suspended
            handBack(.success(value))
        }
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let generator: AsyncGenerator<Element>
        public mutating func next() async throws -> Element? { try await generator.next() }
    }

    /// `for try await x in gen` calls `next()` until nil; `break` leaves the body suspended.
    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(generator: self) }
}

/// The `yield` handed to an async generator's body: `try await yield(value)`.
public struct GeneratorYield<Element: Sendable>: Sendable {
    let generator: AsyncGenerator<Element>

    public func callAsFunction(_ value: Element) async throws {
        try await generator.yieldValue(value)
    }
}

/// Makes an async generator (Python's calling of an `async def` that yields): nothing runs
/// until the first `next()`. `label` is its call as shown, e.g. `ticks('A', 2, 0.5)`.
public func asyncGenerator<Element: Sendable>(
    _ label: String, of: Element.Type = Element.self,
    _ body: @escaping @Sendable (GeneratorYield<Element>) async throws -> Void
) -> AsyncGenerator<Element> {
    AsyncGenerator(label: label, body: body)
}

/// Thrown into an async generator's body at its yield by `aclose()` (Python's
/// `GeneratorExit`). Let it propagate, after any clean-up.
public struct GeneratorExit: Error, Equatable, CustomStringConvertible {
    public init() {}
    public var description: String { "GeneratorExit" }
}

/// Python's `RuntimeError`, for misuse of an async generator: driving one that is running,
/// or a body that yields after `GeneratorExit`.
public struct RuntimeError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "RuntimeError: \(message)" }
}

/// What shutdown needs of a generator of any element type.
protocol ClosableGenerator: AnyObject, Sendable {
    var label: String { get }
    var isSuspended: Bool { get }
    func aclose(file: StaticString, line: UInt) async throws
}

extension AsyncGenerator: ClosableGenerator {}

extension EventLoop {
    /// asyncio's `shutdown_asyncgens`, run by `asyncioRun` after the pending tasks are
    /// cancelled: when generators are still suspended, a task closes them all, each in an
    /// `aclose()` task of its own, gathered; an error from one is reported as a warning.
    func shutdownAsyncGenerators(site: Int32) {
        let closing = asyncGenerators.filter(\.isSuspended)
        asyncGenerators = []
        guard !closing.isEmpty else { return }
        let loop = self
        let task = spawn(kind: .task, name: nil, label: "shutdown_asyncgens()", site: site) {
            let closers = closing.map { gen in
                let record = loop.spawn(kind: .task, name: nil, label: "\(gen.label).aclose()", site: site) {
                    try await gen.aclose(file: #fileID, line: #line)
                }
                if !record.isDone { loop.scheduleStep(record, reason: .created) }
                return LoopTask<Void>(record: record)
            }
            let results = try await gather(returningExceptions: closers)
            for (gen, result) in zip(closing, results) {
                if case .failure(let error) = result {
                    loop.warn(.exceptionNeverRetrieved, """
                        an error occurred during closing of asynchronous generator \(gen.label): \(describeError(error))
                        """, task: loop.running?.id ?? -1)
                }
            }
        }
        scheduleStep(task, reason: .created)
        runUntilComplete(task, stopLabel: "asyncio.run: async generators closed, stop the loop")
    }
}
