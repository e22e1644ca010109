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

    init(steps: [Step], width requested: Int, zoom: Double) {
        let n = steps.count
        guard n > 0 else { width = requested; return }
        let target = Double(requested) * zoom
        let B = TimeAxis.breakWidth

        // Gaps between consecutive steps, and which are compressed.
        var gaps = [Int64](repeating: 0, count: n)  // gaps[i]: from step i to i + 1
        var nonzero: [Int64] = []
        for i in 0..<(n - 1) {
            let d = steps[i + 1].time.nanoseconds.clampedSubtracting(steps[i].time.nanoseconds)
            gaps[i] = d
            if d > 0 { nonzero.append(d) }
        }
        var compressed = [Bool](repeating: false, count: n)
        if nonzero.count >= 2 {
            nonzero.sort()
            let median = nonzero[nonzero.count / 2]
            let limit = median > Int64.max / TimeAxis.compressFactor ? Int64.max : median * TimeAxis.compressFactor
            for i in 0..<(n - 1) where gaps[i] > limit && steps[i + 1].kind == .clockJump {
                compressed[i] = true
            }
        }
        var nB = 0, nG = 0
        var G: Double = 0
        for i in 0..<(n - 1) where gaps[i] > 0 {
            if compressed[i] { nB += 1 } else { nG += 1; G += Double(gaps[i]) }
        }
        resolvedWidth = n + nG + nB * B

        if Double(resolvedWidth) <= target {
            resolved(steps: steps, gaps: gaps, compressed: compressed, nB: nB, nG: nG, G: G, target: target,
                     zoom: zoom)
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
            layout(gaps: gaps, compressed: compressed, u: u, v: v, minGap: 0)
            stepWidth = 0
        }
    }

    private mutating func resolved(steps: [Step], gaps: [Int64], compressed: [Bool], nB: Int, nG: Int,
                                   G: Double, target: Double, zoom: Double) {
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
                for i in 0..<(n - 1) where gaps[i] > 0 && !compressed[i] && Double(gaps[i]) * v < 1 {
                    small += 1
                    smallTime += Double(gaps[i])
                }
                guard G - smallTime > 0 else { break }
                v = max(room - small, 0) / (G - smallTime)
            }
        }
        for _ in 0..<8 {
            layout(gaps: gaps, compressed: compressed, u: Double(k), v: v, minGap: 1)
            if Double(width) <= target.rounded(.down) || v == 0 { break }
            v *= 0.97
        }
        stepWidth = k
    }

    /// Places the steps: `x += u + gap`, where a gap is `max(minGap, v × Δt)`, or
    /// `breakWidth` for a compressed one.
    private mutating func layout(gaps: [Int64], compressed: [Bool], u: Double, v: Double, minGap: Double) {
        let n = gaps.count
        stepColumn = [Int32](repeating: 0, count: n)
        breaks = []
        var x = 0.0
        for i in 0..<n {
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
    }
}
