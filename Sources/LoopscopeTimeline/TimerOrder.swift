import LoopscopeTrace

/// Pending timers kept in deadline order (ties: the one armed first), so the earliest few
/// can be read without sorting them all: a binary min-heap with each timer's place in it.
///
/// Internal to `LoopCursor`. Adding and removing cost O(log n); `earliest(_:)` costs
/// O(k log k) for k timers.
struct TimerOrder: Sendable {
    private var heap: [PendingTimer] = []
    /// Where each pending timer id sits in `heap`.
    private var place: [Int32: Int] = [:]

    var count: Int { heap.count }

    init() {}

    init(_ timers: [PendingTimer]) {
        heap = timers
        for i in heap.indices { place[heap[i].id] = i }
        var i = heap.count / 2
        while i > 0 {
            i -= 1
            siftDown(i)
        }
    }

    func contains(_ id: Int32) -> Bool { place[id] != nil }

    mutating func add(_ t: PendingTimer) {
        if place[t.id] != nil { remove(t.id) }
        heap.append(t)
        place[t.id] = heap.count - 1
        siftUp(heap.count - 1)
    }

    mutating func remove(_ id: Int32) {
        guard let at = place.removeValue(forKey: id) else { return }
        let last = heap.removeLast()
        guard at < heap.count else { return }
        heap[at] = last
        place[last.id] = at
        siftDown(at)
        siftUp(at)
    }

    /// The first `k` timers in deadline order.
    func earliest(_ k: Int) -> [PendingTimer] {
        guard k > 0, !heap.isEmpty else { return [] }
        var out: [PendingTimer] = []
        out.reserveCapacity(min(k, heap.count))
        // Candidates: heap positions whose parents are already out, smallest first.
        var frontier = [0]
        frontier.reserveCapacity(k + 1)
        while out.count < k, !frontier.isEmpty {
            var best = 0
            for j in 1..<frontier.count where less(heap[frontier[j]], heap[frontier[best]]) { best = j }
            let i = frontier.remove(at: best)
            out.append(heap[i])
            if 2 * i + 1 < heap.count { frontier.append(2 * i + 1) }
            if 2 * i + 2 < heap.count { frontier.append(2 * i + 2) }
        }
        return out
    }

    private func less(_ a: PendingTimer, _ b: PendingTimer) -> Bool {
        a.deadline != b.deadline ? a.deadline < b.deadline : a.event < b.event
    }

    private mutating func swapAt(_ i: Int, _ j: Int) {
        heap.swapAt(i, j)
        place[heap[i].id] = i
        place[heap[j].id] = j
    }

    private mutating func siftUp(_ start: Int) {
        var i = start
        while i > 0 {
            let parent = (i - 1) / 2
            guard less(heap[i], heap[parent]) else { return }
            swapAt(i, parent)
            i = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < heap.count, less(heap[l], heap[m]) { m = l }
            if r < heap.count, less(heap[r], heap[m]) { m = r }
            guard m != i else { return }
            swapAt(i, m)
            i = m
        }
    }
}
