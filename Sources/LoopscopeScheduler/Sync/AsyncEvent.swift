/// A flag tasks can wait for: asyncio's `Event`. Setting it wakes every waiter, in the
/// order they started waiting.
public final class AsyncEvent: @unchecked Sendable {
    private var flag: Bool
    private var waiters: [FutureCore] = []

    public init(initiallySet: Bool = false) {
        flag = initiallySet
    }

    public var isSet: Bool { flag }

    /// Sets the flag and wakes every waiter.
    public func set() {
        setValue()
    }

    public func clear() { clearValue() }

    func setValue() {
        guard !flag else { return }
        flag = true
        for w in waiters where !w.isDone { w.setResult(()) }
    }

    func clearValue() { flag = false }

    /// Waits until the flag is set (returns at once if it already is).
    public func wait(file: StaticString = #fileID, line: UInt = #line) async throws {
        let loop = try EventLoop.running()
        let site = loop.site(file, line)
        if flag {
            loop.emit(.awaitedReady, task: loop.running?.id ?? -1, site: site, reason: WaitReason.event.rawValue)
            return
        }
        let f = loop.makeFuture(.event)
        waiters.append(f)
        defer { waiters.removeAll { $0 === f } }
        try await loop.park(on: f, reason: .event, site: site, describe: "an event to be set")
    }
}
