/// Reads JSON tokens from UTF-8 bytes, one line at a time, keeping track of line and column.
///
/// Every read checks what it finds and throws a `TraceFormatError` naming the line, the
/// column and what was expected; integers are parsed with overflow checks and times as
/// exact decimals, so no input can trap. It does not know the trace format's fields
/// (see `TraceDecoder`) and reads no JSON that spans lines.
struct ByteScanner {
    /// The window of input being read: whole lines (see `LineWindows`), or all of it.
    private(set) var buf: UnsafeBufferPointer<UInt8>
    let sourceName: String
    var pos = 0
    /// 1-based number of the line `pos` is on.
    var line = 1
    /// Offset of the first byte of that line.
    var lineStart = 0
    /// Reused buffer for strings with escapes.
    private var scratch: [UInt8] = []

    init(_ buf: UnsafeBufferPointer<UInt8>, sourceName: String) {
        self.buf = buf
        self.sourceName = sourceName
    }

    /// Moves on to the next window of input, which starts a new line (the line count goes on).
    mutating func read(_ window: UnsafeBufferPointer<UInt8>) {
        buf = window
        pos = 0
        lineStart = 0
    }

    // MARK: Position

    var atEnd: Bool { pos >= buf.count }

    /// The byte at `pos`, or nil at the end of input.
    @inline(__always)
    var current: UInt8? { pos < buf.count ? buf[pos] : nil }

    /// An error at `position` (default: the current position).
    func error(_ message: String, at position: Int? = nil) -> TraceFormatError {
        let p = min(position ?? pos, buf.count)
        var column = 1
        var i = lineStart
        while i < p {
            if buf[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return TraceFormatError(sourceName: sourceName, line: line, column: column, message: message)
    }

    /// Describes the current byte for messages: `'x'`, `the end of the line`.
    var found: String {
        guard let b = current else { return "the end of the input" }
        if b == 0x0A || b == 0x0D { return "the end of the line" }
        if b >= 0x20 && b < 0x7F { return "'" + String(UnicodeScalar(b)) + "'" }
        return "a byte 0x" + String(b, radix: 16)
    }

    @inline(__always)
    mutating func skipSpaces() {
        while pos < buf.count {
            let b = buf[pos]
            guard b == 0x20 || b == 0x09 || b == 0x0D else { return }
            pos += 1
        }
    }

    /// Steps over a `\n` at `pos` and starts the next line.
    mutating func newLine() {
        pos += 1
        line += 1
        lineStart = pos
    }

    @inline(__always)
    /// Steps over `byte`, or fails with `expected` and what was found instead.
    mutating func expect(_ byte: UInt8, _ expected: StaticString) throws(TraceFormatError) {
        guard pos < buf.count, buf[pos] == byte else { throw error("\(expected), found \(found)") }
        pos += 1
    }

    // MARK: Strings

    /// Eight bytes from `i` (which must leave eight bytes), first byte lowest.
    @inline(__always)
    func load8(_ i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(buf.baseAddress.unsafelyUnwrapped + i).loadUnaligned(as: UInt64.self))
    }

    /// A mask whose lowest set bit is the high bit of the first byte of `v` that is `"`,
    /// `\` or a control character (below 0x20), or 0 when there is none. Bits above the
    /// lowest may be wrong; only the first special byte is meant.
    @inline(__always)
    static func quoteBackslashControl(_ v: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let q = v ^ (ones &* 0x22)
        let b = v ^ (ones &* 0x5C)
        let zeroQ = (q &- ones) & ~q
        let zeroB = (b &- ones) & ~b
        let control = (v &- ones &* 0x20) & ~v
        return (zeroQ | zeroB | control) & highs
    }

    /// Reads a JSON string at `pos` (which must be `"`); `what` names it for messages.
    mutating func readString(_ what: @autoclosure () -> String) throws(TraceFormatError) -> String {
        guard current == UInt8(ascii: "\"") else { throw error("expected \(what()) in quotes, found \(found)") }
        let open = pos
        pos += 1
        let start = pos
        var ascii = true
        // Eight bytes at a time while none is a quote, backslash or control character.
        while pos + 8 <= buf.count {
            let v = load8(pos)
            if v & 0x8080_8080_8080_8080 != 0 { ascii = false }
            let special = Self.quoteBackslashControl(v)
            if special != 0 { pos += special.trailingZeroBitCount >> 3; break }
            pos += 8
        }
        while pos < buf.count {
            let b = buf[pos]
            if b == 0x22 {
                let bytes = UnsafeBufferPointer(rebasing: buf[start..<pos])
                pos += 1
                if ascii { return String(decoding: bytes, as: UTF8.self) }
                guard let s = String(validating: bytes, as: UTF8.self) else {
                    throw error("invalid UTF-8 in a string", at: open)
                }
                return s
            }
            if b == 0x5C { return try readEscapedString(from: start, open: open) }
            if b < 0x20 { throw unescapedControl(b, open: open) }
            if b >= 0x80 { ascii = false }
            pos += 1
        }
        throw error("the input ended inside a string", at: open)
    }

    private func unescapedControl(_ b: UInt8, open: Int) -> TraceFormatError {
        if b == 0x0A { return error("the line ended inside a string (missing '\"'?)", at: open) }
        return error("control character 0x\(String(b, radix: 16)) in a string must be escaped")
    }

    /// The slow path of `readString`: the string has escapes.
    private mutating func readEscapedString(from start: Int, open: Int) throws(TraceFormatError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<pos]))
        while pos < buf.count {
            let b = buf[pos]
            if b == 0x22 {
                pos += 1
                guard let s = String(validating: scratch, as: UTF8.self) else {
                    throw error("invalid UTF-8 in a string", at: open)
                }
                return s
            }
            if b < 0x20 { throw unescapedControl(b, open: open) }
            guard b == 0x5C else { scratch.append(b); pos += 1; continue }
            let escape = pos
            pos += 1
            guard let c = current else { break }
            pos += 1
            switch c {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(c)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "u"):
                let scalar = try readUnicodeEscape(escape)
                appendUTF8(scalar)
            default:
                pos = escape
                throw error("invalid escape '\\\(String(UnicodeScalar(c)))' in a string; "
                    + "expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
            }
        }
        throw error("the input ended inside a string", at: open)
    }

    /// After `\u`: four hex digits, and a second `\uXXXX` when the first is a high surrogate.
    private mutating func readUnicodeEscape(_ escape: Int) throws(TraceFormatError) -> UInt32 {
        let first = try hex4(escape)
        if first >= 0xDC00 && first <= 0xDFFF {
            throw error("unpaired surrogate \\u\(String(first, radix: 16)) in a string", at: escape)
        }
        guard first >= 0xD800 && first <= 0xDBFF else { return first }
        guard pos + 1 < buf.count, buf[pos] == 0x5C, buf[pos + 1] == UInt8(ascii: "u") else {
            throw error("unpaired surrogate \\u\(String(first, radix: 16)) in a string", at: escape)
        }
        let second = pos
        pos += 2
        let low = try hex4(second)
        guard low >= 0xDC00 && low <= 0xDFFF else {
            throw error("unpaired surrogate \\u\(String(first, radix: 16)) in a string", at: escape)
        }
        return 0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00)
    }

    private mutating func hex4(_ escape: Int) throws(TraceFormatError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let c = current else { throw error("expected four hex digits after \\u", at: escape) }
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error("expected four hex digits after \\u", at: escape)
            }
            v = v << 4 | d
            pos += 1
        }
        return v
    }

    private mutating func appendUTF8(_ v: UInt32) {
        switch v {
        case 0..<0x80:
            scratch.append(UInt8(v))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | v >> 6))
            scratch.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | v >> 12))
            scratch.append(UInt8(0x80 | v >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | v & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | v >> 18))
            scratch.append(UInt8(0x80 | v >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | v >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | v & 0x3F))
        }
    }

    /// Reads a quoted word and finds it in `table`; nil if it is not there.
    /// `start` is where the word's opening quote was.
    mutating func readWord(_ table: NameTable, _ what: @autoclosure () -> String)
        throws(TraceFormatError) -> (index: Int?, word: String, start: Int) {
        let start = pos
        guard current == UInt8(ascii: "\"") else { throw error("expected \(what()) in quotes, found \(found)") }
        // Fast path: a short plain word, read eight bytes at a time.
        var end = pos + 1
        var packed = NameTable.Packed()
        while end + 8 <= buf.count, packed.count < NameTable.Packed.capacity {
            let v = load8(end)
            let special = Self.quoteBackslashControl(v)
            if special == 0 {
                packed.appendWord(v)
                end += 8
                continue
            }
            let n = special.trailingZeroBitCount >> 3
            guard buf[end + n] == 0x22 else { break }
            if n > 0 { packed.appendWord(v & (UInt64.max >> UInt64(64 - 8 * n)), count: n) }
            if let i = table.lookup(packed) {
                pos = end + n + 1
                return (i, "", start)
            }
            break
        }
        let word = try readString(what())
        var utf8 = Array(word.utf8)
        let i = utf8.withUnsafeMutableBufferPointer { table.lookup(UnsafeBufferPointer($0)) }
        return (i, word, start)
    }

    // MARK: Numbers

    /// A whole number with overflow checks; `what` names it for messages.
    mutating func readInt(_ what: @autoclosure () -> String) throws(TraceFormatError) -> Int64 {
        let start = pos
        let negative = current == UInt8(ascii: "-")
        if negative { pos += 1 }
        let magnitude = try readDigits(what(), start: start)
        if let c = current, c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            throw error("expected \(what()) as a whole number", at: start)
        }
        return try signed(magnitude, negative, what(), start: start)
    }

    /// A whole number that must fit an `Int32`.
    mutating func readInt32(_ what: @autoclosure () -> String) throws(TraceFormatError) -> Int32 {
        let start = pos
        let v = try readInt(what())
        guard let n = Int32(exactly: v) else { throw error("\(what()) \(v) is out of range", at: start) }
        return n
    }

    /// Decimal seconds (`1.25`, `-0.000000001`) as exact nanoseconds.
    mutating func readTime(_ what: @autoclosure () -> String) throws(TraceFormatError) -> Int64 {
        let start = pos
        let negative = current == UInt8(ascii: "-")
        if negative { pos += 1 }
        let whole = try readDigits(what(), start: start)
        var fraction: UInt64 = 0
        var decimals = 0
        if current == UInt8(ascii: ".") {
            pos += 1
            while let c = current, c >= 0x30, c <= 0x39 {
                decimals += 1
                guard decimals <= 9 else {
                    throw error("\(what()) has more than 9 decimals (times are whole nanoseconds)", at: start)
                }
                fraction = fraction * 10 + UInt64(c - 0x30)
                pos += 1
            }
            guard decimals > 0 else { throw error("expected digits after '.' in \(what())") }
        }
        if let c = current, c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            throw error("expected \(what()) as decimal seconds without an exponent", at: start)
        }
        for _ in decimals..<9 { fraction *= 10 }
        let (scaled, o1) = whole.multipliedReportingOverflow(by: 1_000_000_000)
        let (total, o2) = scaled.addingReportingOverflow(fraction)
        guard !o1, !o2 else { throw error("\(what()) is out of range", at: start) }
        return try signed(total, negative, what(), start: start)
    }

    private mutating func readDigits(_ what: @autoclosure () -> String, start: Int) throws(TraceFormatError) -> UInt64 {
        guard let c = current, c >= 0x30, c <= 0x39 else {
            throw error("expected \(what()) as a number, found \(found)", at: start)
        }
        var v: UInt64 = 0
        while let c = current, c >= 0x30, c <= 0x39 {
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(UInt64(c - 0x30))
            guard !o1, !o2 else { throw error("\(what()) is out of range", at: start) }
            v = a
            pos += 1
        }
        return v
    }

    private func signed(_ magnitude: UInt64, _ negative: Bool, _ what: @autoclosure () -> String, start: Int)
        throws(TraceFormatError) -> Int64 {
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw error("\(what()) is out of range", at: start) }
            return Int64(bitPattern: 0 &- magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { throw error("\(what()) is out of range", at: start) }
        return Int64(magnitude)
    }

    mutating func readBool(_ what: @autoclosure () -> String) throws(TraceFormatError) -> Bool {
        if matches("true") { pos += 4; return true }
        if matches("false") { pos += 5; return false }
        throw error("expected \(what()) as true or false, found \(found)")
    }

    /// Whether the bytes at `pos` spell `word`.
    func matches(_ word: StaticString) -> Bool {
        word.withUTF8Buffer { w in
            guard pos + w.count <= buf.count else { return false }
            for i in 0..<w.count where buf[pos + i] != w[i] { return false }
            return true
        }
    }

    /// A site written as `"file:line"`.
    mutating func readSite() throws(TraceFormatError) -> SourceSite {
        let start = pos
        try expect(UInt8(ascii: "\""), "expected a site like \"0:18\" (file index:line)")
        let file = try readInt32("a site's file index")
        try expect(UInt8(ascii: ":"), "expected ':' between a site's file index and line")
        let line = try readInt32("a site's line")
        guard current == UInt8(ascii: "\"") else {
            throw error("expected a site like \"0:18\" (file index:line)", at: start)
        }
        pos += 1
        return SourceSite(file: file, line: line)
    }
}
