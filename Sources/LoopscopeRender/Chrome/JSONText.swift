import LoopscopeTrace

/// Minimal JSON writing for the Chrome exporter, straight into UTF-8 bytes: string
/// escaping, integers, fixed-point microseconds and decimal seconds (the numbers are the
/// trace encoder's own, `DecimalBytes`).
///
/// ```swift
/// var out: [UInt8] = []
/// out.jsonString("a\"b")          // "a\"b" with its quotes
/// out.jsonMicroseconds(1_500)     // 1.5
/// ```
///
/// It writes exactly what it is given, in the order given (so output is deterministic); it
/// does not parse JSON or check that what it builds is well formed.
extension Array where Element == UInt8 {
    /// Bytes known to be JSON already (keys, punctuation, fixed words).
    @inline(__always)
    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped (`\n`,
    /// `\r`, `\t`, others as `\u00XX`), and C1 controls and invisible format characters
    /// (bidi overrides, zero-width characters, line separators; `HiddenScalars`) as
    /// `\uXXXX`, as the trace encoder writes them. Everything else is its UTF-8 bytes.
    mutating func jsonString(_ s: String) {
        var s = s
        append(UInt8(ascii: "\""))
        s.withUTF8 { src in
            var runStart = 0
            var i = 0
            while i < src.count {
                let b = src[i]
                if b < 0x80 {
                    if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x7F { i += 1; continue }
                    if runStart < i { append(contentsOf: UnsafeBufferPointer(rebasing: src[runStart..<i])) }
                    switch b {
                    case 0x22: raw("\\\"")
                    case 0x5C: raw("\\\\")
                    case 0x0A: raw("\\n")
                    case 0x0D: raw("\\r")
                    case 0x09: raw("\\t")
                    default: hexEscape(UInt32(b))
                    }
                    i += 1
                    runStart = i
                    continue
                }
                let (scalar, length) = JSONText.scalar(src, at: i)
                if scalar <= 0x9F || HiddenScalars.contains(scalar) {
                    if runStart < i { append(contentsOf: UnsafeBufferPointer(rebasing: src[runStart..<i])) }
                    hexEscape(scalar)
                    runStart = i + length
                }
                i += length
            }
            if runStart < src.count { append(contentsOf: UnsafeBufferPointer(rebasing: src[runStart...])) }
        }
        append(UInt8(ascii: "\""))
    }

    /// `\uXXXX` for a scalar below U+10000.
    private mutating func hexEscape(_ scalar: UInt32) {
        let hex: StaticString = "0123456789abcdef"
        raw("\\u")
        hex.withUTF8Buffer { h in
            for shift: UInt32 in [12, 8, 4, 0] { append(h[Int((scalar >> shift) & 0xF)]) }
        }
    }

    /// A decimal integer.
    mutating func jsonInt(_ v: Int) {
        DecimalBytes.exact(Int64(v), decimals: 0, to: &self)
    }

    /// Nanoseconds written as microseconds, exactly, with no trailing zeros: `1500` → `1.5`.
    mutating func jsonMicroseconds(_ ns: Int64) {
        DecimalBytes.exact(ns, decimals: 3, to: &self)
    }

    /// Nanoseconds as the shortest exact decimal seconds, as `VirtualTime.description`
    /// writes them: `0`, `1.5`, `0.000000001`, `-2.25`.
    mutating func jsonSeconds(_ ns: Int64) {
        DecimalBytes.exact(ns, decimals: 9, to: &self)
    }
}

enum JSONText {
    /// The scalar whose UTF-8 (valid: it comes from a `String`) starts at `i`, and its length.
    @inline(__always)
    static func scalar(_ src: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b = UInt32(src[i])
        if b < 0xE0 { return ((b & 0x1F) << 6 | UInt32(src[i + 1] & 0x3F), 2) }
        if b < 0xF0 {
            return ((b & 0x0F) << 12 | UInt32(src[i + 1] & 0x3F) << 6 | UInt32(src[i + 2] & 0x3F), 3)
        }
        return ((b & 0x07) << 18 | UInt32(src[i + 1] & 0x3F) << 12 | UInt32(src[i + 2] & 0x3F) << 6
                | UInt32(src[i + 3] & 0x3F), 4)
    }
}
