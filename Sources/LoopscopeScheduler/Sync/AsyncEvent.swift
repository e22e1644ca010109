/// A flag tasks can wait for: asyncio's `Event`. Setting it wakes every waiter, in the
/// order they started waiting.
public final class AsyncEvent: @unchecked Sendable {
    private var flag: Bool
    private var waiters: [FutureCore] = []
    private var affinity = LoopAffinity()

    public init(initiallySet: Bool = false) {
        flag = initiallySet
    }

    /// Whether the flag is set (false, and reported, off the loop's thread).
    public var isSet: Bool { affinity.allows("event.isSet") ? flag : false }

    /// Sets the flag and wakes every waiter.
    public func set(file: StaticString = #fileID, line: UInt = #line) {
        guard affinity.allows("event.set()", file: file, line: line) else { return }
        setValue()
    }

    public func clear(file: StaticString = #fileID, line: UInt = #line) {
        guard affinity.allows("event.clear()", file: file, line: line) else { return }
        clearValue()
    }

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
