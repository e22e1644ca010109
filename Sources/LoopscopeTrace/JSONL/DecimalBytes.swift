/// Decimal numbers written straight into UTF-8 bytes, with no `String` round trip: the
/// trace encoder's integers and times, and the Chrome exporter's numbers, come from here.
///
/// ```swift
/// var out: [UInt8] = []
/// DecimalBytes.digits(42, to: &out)                  // 42
/// DecimalBytes.exact(1_500, decimals: 3, to: &out)   // 1.5
/// DecimalBytes.exact(-1, decimals: 9, to: &out)      // -0.000000001
/// ```
///
/// Equal numbers always give equal bytes.
public enum DecimalBytes {
    /// `magnitude` in decimal digits.
    @inlinable
    public static func digits(_ magnitude: UInt64, to out: inout [UInt8]) {
        if magnitude < 10 { out.append(UInt8(truncatingIfNeeded: 48 &+ magnitude)); return }
        var m = magnitude
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for UInt64.max's 20 digits
        withUnsafeMutableBytes(of: &buffer) { raw in
            var i = raw.count
            repeat {
                i -= 1
                raw[i] = UInt8(truncatingIfNeeded: 48 &+ m % 10)
                m /= 10
            } while m > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[i...]))
        }
    }

    /// `value / 10^decimals` as the shortest exact decimal: `-` for a negative value, the
    /// whole part, then (unless it is 0) the fraction without trailing zeros. With
    /// `decimals: 9` this is byte for byte what `VirtualTime.description` prints for
    /// nanoseconds: `0`, `1.5`, `0.000000001`, `-2.25`. `decimals` is 0...18.
    @inlinable
    public static func exact(_ value: Int64, decimals: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var unit: UInt64 = 1
        for _ in 0..<decimals { unit *= 10 }
        let magnitude = value.magnitude
        digits(magnitude / unit, to: &out)
        var fraction = magnitude % unit
        guard fraction != 0 else { return }
        var width = decimals
        while fraction % 10 == 0 { fraction /= 10; width -= 1 }
        out.append(UInt8(ascii: "."))
        var scale: UInt64 = 1
        for _ in 1..<width { scale *= 10 }
        while scale > fraction { out.append(UInt8(ascii: "0")); scale /= 10 }
        digits(fraction, to: &out)
    }
}
