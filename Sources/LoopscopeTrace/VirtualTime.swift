/// A point on the scheduler's virtual clock, in whole nanoseconds since the program started.
///
/// Integer nanoseconds keep timer ordering exact (no float drift: ten sleeps of 0.1 s end at
/// exactly 1 s) and make every rendering of a time byte-identical across runs and machines.
///
/// ```swift
/// let t = VirtualTime(seconds: 1.25)
/// t.description        // "1.25"
/// t + .seconds(0.75)   // 2
/// ```
public struct VirtualTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var nanoseconds: Int64

    public static let zero = VirtualTime(nanoseconds: 0)
    public static let nanosecondsPerSecond: Int64 = 1_000_000_000

    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    /// Rounds to the nearest nanosecond. Past the range of `Int64` nanoseconds (about 292
    /// years either way, infinities included) it saturates at `.max` / `.min`; NaN is zero.
    public init(seconds: Double) {
        let ns = (seconds * 1e9).rounded()
        if ns.isNaN {
            nanoseconds = 0
        } else if ns >= 0x1p63 {
            nanoseconds = .max
        } else if ns < -0x1p63 {
            nanoseconds = .min
        } else {
            nanoseconds = Int64(ns)
        }
    }

    public static func seconds(_ s: Double) -> VirtualTime { VirtualTime(seconds: s) }

    public var seconds: Double { Double(nanoseconds) / 1e9 }

    public static func < (a: VirtualTime, b: VirtualTime) -> Bool { a.nanoseconds < b.nanoseconds }
    /// Held at the ends of the range rather than trapping: a trace file may hold any time.
    public static func + (a: VirtualTime, b: VirtualTime) -> VirtualTime {
        VirtualTime(nanoseconds: a.nanoseconds.clampedAdding(b.nanoseconds))
    }
    /// Held at the ends of the range rather than trapping.
    public static func - (a: VirtualTime, b: VirtualTime) -> VirtualTime {
        VirtualTime(nanoseconds: a.nanoseconds.clampedSubtracting(b.nanoseconds))
    }

    /// Seconds as the shortest exact decimal: `0`, `1.5`, `0.000000001`, `-2.25`.
    public var description: String { Self.decimalSeconds(nanoseconds) }

    /// Seconds with exactly `digits` decimals (rounded half away from zero), e.g. `1.500`.
    public func formatted(decimals digits: Int) -> String {
        precondition((0...9).contains(digits))
        var scale: Int64 = 1
        for _ in 0..<(9 - digits) { scale *= 10 }
        let negative = nanoseconds < 0
        // Unsigned, so Int64.min and Int64.max format instead of overflowing.
        let magnitude = nanoseconds.magnitude
        let rounded = (magnitude + UInt64(scale / 2)) / UInt64(scale)
        var unit: UInt64 = 1
        for _ in 0..<digits { unit *= 10 }
        let whole = rounded / unit
        let fraction = rounded % unit
        var text = (negative && rounded != 0 ? "-" : "") + String(whole)
        if digits > 0 {
            let f = String(fraction)
            text += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return text
    }

    static func decimalSeconds(_ ns: Int64) -> String {
        let negative = ns < 0
        let magnitude = negative ? UInt64(bitPattern: 0 &- ns) : UInt64(ns)
        let whole = magnitude / 1_000_000_000
        var fraction = magnitude % 1_000_000_000
        var text = (negative ? "-" : "") + String(whole)
        if fraction != 0 {
            var digits = 9
            while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            let f = String(fraction)
            text += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return text
    }
}

extension Int64 {
    /// `self + other`, held at `Int64.min` or `Int64.max` instead of overflowing. For
    /// arithmetic on times and counts read from a trace file, which may hold any value.
    public func clampedAdding(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }

    /// `self - other`, held at `Int64.min` or `Int64.max` instead of overflowing.
    public func clampedSubtracting(_ other: Int64) -> Int64 {
        let (difference, overflow) = subtractingReportingOverflow(other)
        return overflow ? (other < 0 ? .max : .min) : difference
    }
}
