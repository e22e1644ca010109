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
    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
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
