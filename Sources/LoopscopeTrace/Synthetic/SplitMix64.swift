/// A small, fast, seeded pseudo-random generator (SplitMix64): the same seed gives the
/// same numbers on every machine and every run.
///
/// ```swift
/// var rng = SplitMix64(seed: 1)
/// rng.below(6)   // a number in 0..<6, the same every time for seed 1
/// ```
///
/// It is not cryptographically secure and is not meant for anything but reproducible data.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<n` (0 when `n` is 0).
    package mutating func below(_ n: Int) -> Int {
        guard n > 1 else { return 0 }
        return Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// True with probability `perMille` / 1000.
    package mutating func chance(_ perMille: Int) -> Bool { below(1000) < perMille }

    /// A number in `range`.
    package mutating func within(_ range: ClosedRange<Int64>) -> Int64 {
        range.lowerBound + Int64(below(Int(range.upperBound - range.lowerBound) + 1))
    }
}
