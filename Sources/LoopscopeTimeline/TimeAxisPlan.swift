import LoopscopeTrace

/// The arithmetic behind `TimeAxis`: a position `x` per step, grown by the step's width
/// plus the time gap to the next step; a step's column is `floor(x)`.
///
/// Internal; see `TimeAxis` for the rules it follows.
struct TimeAxisPlan {
    var width = 0
    var stepWidth = 0
    var resolvedWidth = 0
    var stepColumn: [Int32] = []
    var breaks: [Int] = []

    /// How many steps a pass of the layout handles between two questions to `shouldStop`.
    private static let every = Timeline.stopCheckInterval - 1

    /// Nil when `shouldStop`, asked every `Timeline.stopCheckInterval` steps of each pass,
    /// answered true.
    init?(steps: [Step], width requested: Int, zoom: Double, shouldStop: () -> Bool) {
        let n = steps.count
        guard n > 0 else { width = requested; return }
        let target = Double(requested) * zoom
        let B = TimeAxis.breakWidth
        let every = Self.every

        // Gaps between consecutive steps, and which are compressed.
        var gaps = [Int64](repeating: 0, count: n)  // gaps[i]: from step i to i + 1
        var nonzero: [Int64] = []
        for i in 0..<(n - 1) {
            if i & every == every, shouldStop() { return nil }
            let d = steps[i + 1].time.nanoseconds.clampedSubtracting(steps[i].time.nanoseconds)
            gaps[i] = d
            if d > 0 { nonzero.append(d) }
        }
        var compressed = [Bool](repeating: false, count: n)
        if nonzero.count >= 2 {
            guard let median = Self.select(nonzero.count / 2, of: nonzero, shouldStop: shouldStop) else { return nil }
            let limit = median > Int64.max / TimeAxis.compressFactor ? Int64.max : median * TimeAxis.compressFactor
            for i in 0..<(n - 1) {
                if i & every == every, shouldStop() { return nil }
                if gaps[i] > limit && steps[i + 1].kind == .clockJump { compressed[i] = true }
            }
        }
        var nB = 0, nG = 0
        var G: Double = 0
        for i in 0..<(n - 1) {
            if i & every == every, shouldStop() { return nil }
            guard gaps[i] > 0 else { continue }
            if compressed[i] { nB += 1 } else { nG += 1; G += Double(gaps[i]) }
        }
        resolvedWidth = n + nG + nB * B

        if Double(resolvedWidth) <= target {
            guard resolved(steps: steps, gaps: gaps, compressed: compressed, nB: nB, nG: nG, G: G, target: target,
                           zoom: zoom, shouldStop: shouldStop) else { return nil }
        } else {
            if Double(nB * B) > target / 4 {
                // Too many breaks to afford: draw every gap in proportion.
                for i in compressed.indices where compressed[i] { compressed[i] = false; G += Double(gaps[i]) }
                nB = 0
            }
            let room = max(target - Double(nB * B) - 1, 1)
            let share = G > 0 ? 0.5 : 1.0
            let u = share * room / Double(n)
            let v = G > 0 ? (1 - share) * room / G : 0
            guard layout(gaps: gaps, compressed: compressed, u: u, v: v, minGap: 0, shouldStop: shouldStop) else {
                return nil
            }
            stepWidth = 0
        }
    }

    /// The value of rank `k` (0-based) among `values`, all positive, as sorting them would
    /// give it: four counting passes over 16-bit digits, highest first (linear, and each
    /// pass asks `shouldStop`). Nil when that answered true.
    static func select(_ k: Int, of values: [Int64], shouldStop: () -> Bool) -> Int64? {
        var rank = k
        var prefix: UInt64 = 0
        var mask: UInt64 = 0
        var counts = [Int](repeating: 0, count: 1 << 16)
        for shift in stride(from: 48, through: 0, by: -16) {
            for d in counts.indices { counts[d] = 0 }
            for (i, v) in values.enumerated() {
                if i & every == every, shouldStop() { return nil }
                let u = UInt64(bitPattern: v)
                if u & mask == prefix { counts[Int(truncatingIfNeeded: u >> UInt64(shift)) & 0xFFFF] += 1 }
            }
            var digit = 0
            while rank >= counts[digit] {
                rank -= counts[digit]
                digit += 1
            }
            prefix |= UInt64(digit) << UInt64(shift)
            mask |= 0xFFFF << UInt64(shift)
        }
        return Int64(bitPattern: prefix)
    }

    private mutating func resolved(steps: [Step], gaps: [Int64], compressed: [Bool], nB: Int, nG: Int,
                                   G: Double, target: Double, zoom: Double, shouldStop: () -> Bool) -> Bool {
        let n = steps.count
        let budget = G > 0 ? target / 2 : target - Double(nB * TimeAxis.breakWidth)
        let maxK = max(1, Int(3 * zoom))
        var k = min(max(Int(budget / Double(n)), 1), maxK)
        while k > 1 && Double(n * k + nG + nB * TimeAxis.breakWidth) > target { k -= 1 }
        let room = target - Double(n * k + nB * TimeAxis.breakWidth)
        // Columns per nanosecond, with every nonzero gap at least one column.
        var v = G > 0 ? room / G : 0
        if G > 0 {
            for _ in 0..<6 {
                var small = 0.0, smallTime = 0.0
                for i in 0..<(n - 1) {
                    if i & Self.every == Self.every, shouldStop() { return false }
                    guard gaps[i] > 0 && !compressed[i] && Double(gaps[i]) * v < 1 else { continue }
                    small += 1
                    smallTime += Double(gaps[i])
                }
                guard G - smallTime > 0 else { break }
                v = max(room - small, 0) / (G - smallTime)
            }
        }
        for _ in 0..<8 {
            guard layout(gaps: gaps, compressed: compressed, u: Double(k), v: v, minGap: 1, shouldStop: shouldStop)
            else { return false }
            if Double(width) <= target.rounded(.down) || v == 0 { break }
            v *= 0.97
        }
        stepWidth = k
        return true
    }

    /// Places the steps: `x += u + gap`, where a gap is `max(minGap, v × Δt)`, or
    /// `breakWidth` for a compressed one.
    /// False when `shouldStop` answered true.
    private mutating func layout(gaps: [Int64], compressed: [Bool], u: Double, v: Double, minGap: Double,
                                 shouldStop: () -> Bool) -> Bool {
        let n = gaps.count
        stepColumn = [Int32](repeating: 0, count: n)
        breaks = []
        var x = 0.0
        for i in 0..<n {
            if i & Self.every == Self.every, shouldStop() { return false }
            stepColumn[i] = Int32(x.rounded(.down))
            guard i + 1 < n else { break }
            let after = x + u
            if compressed[i] {
                let g0 = Int(after.rounded(.down))
                breaks.append(g0 + 1)
                breaks.append(g0 + 2)
                x = after + Double(TimeAxis.breakWidth)
            } else if gaps[i] > 0 {
                x = after + max(minGap, v * Double(gaps[i]))
            } else {
                x = after
            }
        }
        width = max(Int((x + u).rounded(.up)), Int(stepColumn[n - 1]) + 1)
        width = max(width, 1)
        return true
    }
}
