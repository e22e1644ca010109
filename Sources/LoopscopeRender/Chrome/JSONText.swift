/// Minimal JSON writing for the exporters: string escaping and fixed-point microseconds.
///
/// ```swift
/// JSONText.string("a\"b")          // "\"a\\\"b\""
/// JSONText.microseconds(1_500)     // "1.5"
/// ```
///
/// It writes exactly what it is given, in the order given (so output is deterministic); it
/// does not parse JSON.
enum JSONText {
    /// A JSON string literal: quotes, backslashes and control characters escaped, and C1
    /// controls and invisible format characters (bidi overrides, zero-width characters,
    /// line separators) as `\uXXXX`, as the trace encoder writes them.
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || Self.isInvisible(scalar.value) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// The invisible format characters `ByteWriter` escapes in traces.
    static func isInvisible(_ v: UInt32) -> Bool {
        v == 0x061C || v == 0x180E || (0x200B...0x200F).contains(v) || (0x2028...0x202E).contains(v)
            || (0x2060...0x2069).contains(v) || v == 0xFEFF || (0xFFF9...0xFFFB).contains(v)
    }

    /// Nanoseconds written as microseconds, exactly, with no trailing zeros: `1500` → `1.5`.
    static func microseconds(_ ns: Int64) -> String {
        let negative = ns < 0
        let m = negative ? -ns : ns
        var text = (negative ? "-" : "") + String(m / 1000)
        var fraction = m % 1000
        if fraction != 0 {
            var digits = 3
            while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            let f = String(fraction)
            text += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return text
    }

    /// An object from ordered key/value pairs whose values are already JSON.
    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}
