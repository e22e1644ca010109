/// Appends JSON tokens as UTF-8 bytes: the encoder's output buffer.
///
/// Numbers and times are formatted by hand (no `String` round trip), strings are escaped
/// the same way every time, so equal input always gives equal bytes. It writes no
/// whitespace between tokens and does not check that the JSON it builds is well formed.
struct ByteWriter {
    var bytes: [UInt8] = []

    @inline(__always)
    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    mutating func byte(_ b: UInt8) { bytes.append(b) }

    /// `,"name":` — every field after the first in a line.
    @inline(__always)
    mutating func key(_ field: Field) {
        raw(field.separatedKey)
    }

    mutating func int(_ v: Int64) {
        if v < 0 { bytes.append(UInt8(ascii: "-")) }
        digits(v.magnitude)
    }

    @inline(__always)
    mutating func int(_ v: Int32) { int(Int64(v)) }

    @inline(__always)
    mutating func digits(_ magnitude: UInt64) { DecimalBytes.digits(magnitude, to: &bytes) }

    /// Nanoseconds as the shortest exact decimal seconds, byte for byte what
    /// `VirtualTime.description` prints: `0`, `1.5`, `0.000000001`, `-2.25`.
    @inline(__always)
    mutating func time(_ ns: Int64) { DecimalBytes.exact(ns, decimals: 9, to: &bytes) }

    mutating func bool(_ b: Bool) { b ? raw("true") : raw("false") }

    /// A JSON string: `"` and `\` escaped, control characters and DEL as escapes (`\n`,
    /// `\t`, `\u001b`), C1 controls and invisible format characters (bidi overrides and
    /// isolates, zero-width characters, line and paragraph separators, the BOM) as `\uXXXX`
    /// (see `invisible(_:at:)`), everything else as its UTF-8 bytes.
    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { string(bytes: $0) }
    }

    mutating func string(bytes src: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        for i in 0..<src.count {
            let b = src[i]
            if b >= 0xC2 {
                guard let (scalar, length) = Self.invisible(src, at: i) else { continue }
                if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: src[runStart..<i])) }
                runStart = i + length
                hexEscape(scalar)
                continue
            }
            guard b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F else { continue }
            if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: src[runStart..<i])) }
            runStart = i + 1
            bytes.append(UInt8(ascii: "\\"))
            switch b {
            case 0x22: bytes.append(UInt8(ascii: "\""))
            case 0x5C: bytes.append(UInt8(ascii: "\\"))
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            default:
                let hex: StaticString = "0123456789abcdef"
                bytes.append(UInt8(ascii: "u"))
                bytes.append(UInt8(ascii: "0"))
                bytes.append(UInt8(ascii: "0"))
                hex.withUTF8Buffer { h in
                    bytes.append(h[Int(b >> 4)])
                    bytes.append(h[Int(b & 0xF)])
                }
            }
        }
        if runStart < src.count {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: src[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `\uXXXX` for a scalar below U+10000.
    private mutating func hexEscape(_ scalar: UInt32) {
        let hex: StaticString = "0123456789abcdef"
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "u"))
        hex.withUTF8Buffer { h in
            for shift in [12, 8, 4, 0] { bytes.append(h[Int((scalar >> UInt32(shift)) & 0xF)]) }
        }
    }

    /// The scalar whose UTF-8 starts at `i` and its length, when it is one the encoder
    /// escapes although JSON allows it raw: a C1 control (U+0080–U+009F), or one of
    /// `HiddenScalars` (which `Sanitizer` replaces on screen).
    static func invisible(_ src: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)? {
        let b = src[i]
        let n = src.count - i
        switch b {
        case 0xC2:
            guard n >= 2, (0x80...0x9F).contains(src[i + 1]) else { return nil }
            return (UInt32(src[i + 1]), 2)
        case 0xD8:
            guard n >= 2, src[i + 1] == 0x9C else { return nil }
            return (0x061C, 2)
        case 0xE1, 0xE2, 0xEF:
            guard n >= 3 else { return nil }
            let scalar = (UInt32(b & 0x0F) << 12) | (UInt32(src[i + 1] & 0x3F) << 6) | UInt32(src[i + 2] & 0x3F)
            return HiddenScalars.contains(scalar) ? (scalar, 3) : nil
        default:
            return nil
        }
    }

    /// A site as `"file:line"`.
    mutating func site(_ s: SourceSite) {
        bytes.append(UInt8(ascii: "\""))
        int(s.file)
        bytes.append(UInt8(ascii: ":"))
        int(s.line)
        bytes.append(UInt8(ascii: "\""))
    }

    /// The word for a raw value from a name table.
    mutating func word(_ names: NameTable, _ raw: UInt8) { quoted(names.names[Int(raw)]) }

    /// Bytes known to need no escaping, in quotes.
    @inline(__always)
    mutating func quoted(_ word: [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: word)
        bytes.append(UInt8(ascii: "\""))
    }
}
