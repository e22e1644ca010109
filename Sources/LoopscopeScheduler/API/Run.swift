/// How a run is recorded and bounded.
public struct RunOptions: Sendable {
    /// Record events (off only for measuring the scheduler itself).
    public var tracing: Bool
    /// Stop a runaway program after this many events.
    public var maxEvents: Int
    /// Stop a program whose next timer lies past this virtual time.
    public var maxVirtualTime: VirtualTime
    /// Where the program's source text comes from, to embed it in the trace.
    public var sources: SourceCatalog
    /// The most tasks, callback handles or strings a run may make: ids are 32-bit in a trace,
    /// so past this the run stops at a limit instead of wrapping. Lowered only by tests.
    package var idLimit: Int = Int(Int32.max)

    public init(tracing: Bool = true, maxEvents: Int = 5_000_000,
                maxVirtualTime: VirtualTime = .seconds(86_400), sources: SourceCatalog = .none) {
        self.tracing = tracing
        self.maxEvents = maxEvents
        self.maxVirtualTime = maxVirtualTime
        self.sources = sources
    }
}

/// What a run produced: its trace, how it ended, and a few figures.
public struct RunResult: Sendable {
    public var trace: Trace
    public var outcome: RunOutcome
    /// Why it did not end normally (the program's error, the deadlock report, the limit hit).
    public var message: String?
    /// Task steps run (each start or resume of a task or thread).
    public var switches: Int
    public var duration: VirtualTime

    /// The program's output lines, in order.
    public var output: [String] { trace.output.map(\.text) }
}

/// Runs `main` as asyncio's `asyncio.run(main())` does, on a fresh tracing loop, and returns
/// the trace.
///
/// The main coroutine becomes `Task-1`. When it finishes, steps already in the ready queue
/// still run, then every pending task is cancelled and the loop runs until they have all
/// finished their cleanup. `then` runs afterwards with main's result, as the code after
/// `asyncio.run(...)` in a script (its prints belong to no task).
///
/// ```swift
/// let result = asyncioRun(ProgramInfo(id: "hello", title: "Hello")) {
///     print("hello")
///     try await sleep(1)
///     print("world")
/// }
/// ```
///
/// It never hangs and never crashes on a bad program: a deadlock, a runaway program or a
/// task that escapes the loop ends the run with the matching `RunOutcome` and a message.
public func asyncioRun<T: Sendable>(
    _ program: ProgramInfo, options: RunOptions = RunOptions(), label: String = "main()",
    file: StaticString = #fileID, line: UInt = #line,
    main: @escaping @Sendable () async throws -> T,
    then epilogue: (T) -> Void = { _ in }
) -> RunResult {
    let loop = EventLoop(program: program, options: options)
    return EventLoop.$current.withValue(loop) {
        let site = loop.site(file, line)
        let mainTask = loop.spawn(kind: .task, name: nil, label: label, site: site, main)
        loop.scheduleStep(mainTask, reason: .created)
        loop.runUntilComplete(mainTask, stopLabel: "asyncio.run: main finished, stop the loop")
        if loop.abort == nil { loop.shutdown(site: site) }
        if loop.abort == nil {
            if mainTask.state == .finished, mainTask.error == nil, let value = mainTask.value as? T {
                epilogue(value)
            } else if let error = mainTask.error {
                mainTask.retrieved = true
                loop.abort = (.exception, "\(mainTask.name) raised \(describeError(error))")
            } else if mainTask.isCancelled {
                loop.abort = (.exception, "\(mainTask.name) was cancelled: CancelledError")
            }
        }
        return loop.finishRun()
    }
}

/// Runs a program with no event loop — plain code on the main thread, perhaps starting
/// worker threads — on the virtual clock; the run ends when every thread has finished.
///
/// ```swift
/// let result = threadsRun(info) {
///     let t = startThread("job") { try await blockingSleep(1) }
///     try await t.join()
/// }
/// ```
public func threadsRun(_ program: ProgramInfo, options: RunOptions = RunOptions(),
                       file: StaticString = #fileID, line: UInt = #line,
                       main: @escaping @Sendable () async throws -> Void) -> RunResult {
    let loop = EventLoop(program: program, options: options)
    return EventLoop.$current.withValue(loop) {
        let site = loop.site(file, line)
        let mainThread = loop.spawn(kind: .mainThread, name: nil, label: "<module>", site: site, main)
        loop.runnableThreads.append(mainThread)
        loop.runUntilThreadsFinish()
        if loop.abort == nil, let error = mainThread.error {
            mainThread.retrieved = true
            loop.abort = (.exception, "\(mainThread.name) raised \(describeError(error))")
        }
        return loop.finishRun()
    }
}
