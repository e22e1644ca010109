/// A queue that hands out the newest item first: asyncio's `LifoQueue`. Waiting works as in
/// `AsyncQueue`: a getter woken by a put takes whatever is on top when it runs.
public final class AsyncLifoQueue<Element: Sendable>: AsyncQueue<Element>, @unchecked Sendable {
    override func take() -> Element? { items.popLast() }
}

/// A queue that hands out the smallest item first: asyncio's `PriorityQueue`.
///
/// Items are kept as a binary heap with the same sift steps as Python's `heapq`, so items
/// of equal priority come out in the same order as in CPython (which is not the order they
/// were put). Give items a `<` that orders them as Python compares tuples, e.g. by
/// `(priority, name)`. Waiting works as in `AsyncQueue`.
public final class AsyncPriorityQueue<Element: Sendable & Comparable>: AsyncQueue<Element>, @unchecked Sendable {
    /// `heapq.heappush`.
    override func store(_ item: Element) {
        items.append(item)
        siftDown(from: 0, to: items.count - 1)
    }

    /// `heapq.heappop`.
    override func take() -> Element? {
        guard let last = items.popLast() else { return nil }
        guard !items.isEmpty else { return last }
        let top = items[0]
        items[0] = last
        siftUp(0)
        return top
    }

    /// heapq's `_siftdown`: moves the item at `pos` up towards `start` while it is smaller
    /// than its parent.
    private func siftDown(from start: Int, to position: Int) {
        var pos = position
        let newItem = items[pos]
        while pos > start {
            let parent = (pos - 1) >> 1
            guard newItem < items[parent] else { break }
            items[pos] = items[parent]
            pos = parent
        }
        items[pos] = newItem
    }

    /// heapq's `_siftup`: moves the smaller child up until a leaf, puts the item there, then
    /// sifts it back down into place.
    private func siftUp(_ position: Int) {
        var pos = position
        let end = items.count
        let newItem = items[pos]
        var child = 2 * pos + 1
        while child < end {
            let right = child + 1
            if right < end && !(items[child] < items[right]) { child = right }
            items[pos] = items[child]
            pos = child
            child = 2 * pos + 1
        }
        items[pos] = newItem
        siftDown(from: position, to: pos)
    }
}
