@testable import LoopscopeRender
import Testing

/// The byte paths of `Wrap` (the one the breakdown writes through, and the ASCII shortcut of
/// `Wrap.lines`) give exactly what the character-by-character `Wrap.plainLines` gives, on
/// plain prose and on hostile Unicode, where they must hand the text over to it.
@Suite struct WrapBytesTests {
    /// Pieces text is made of: ASCII words and runs of spaces, no-break spaces (numbers and
    /// their units), long words, and characters whose width is not one column per byte —
    /// CJK, combining marks, zero-width and bidi controls, emoji with U+FE0F and ZWJ, a
    /// prepended mark before a space.
    static let pieces = [
        "the", "loop", "runs", "Task-2", "`await sleep(1)`:", " ", "  ", "   ", "3\u{00A0}s", "\u{00A0}",
        "at\u{00A0}", "fetch_url(\"A (long)\", 3)", "supercalifragilisticexpialidocious_and_more",
        "日本語", "e\u{0301}", "\u{0301}", "a\u{200B}b", "\u{200D}", "\u{202E}abc\u{202C}", "\u{2067}x\u{2069}",
        "❤\u{FE0F}", "👩\u{200D}💻", "🇫🇷", "\u{0600} ", "Ω", "…", "~", "\t", "x\u{7F}",
    ]

    /// A deterministic pseudo-random sequence (a linear congruential generator).
    struct Numbers {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func text(_ r: inout Numbers, asciiOnly: Bool) -> String {
        let choices = asciiOnly ? Array(pieces.prefix(13)) : pieces
        var s = ""
        for _ in 0..<r.next(14) {
            s += choices[r.next(choices.count)]
            if r.next(3) > 0 { s += " " }
        }
        return s
    }

    /// What `append` should write: `plainLines`, a newline after each, blank lines left out
    /// when asked.
    static func expected(_ lines: [String], droppingEmpty: Bool) -> [UInt8] {
        Array(lines.filter { !droppingEmpty || !$0.isEmpty }.map { $0 + "\n" }.joined().utf8)
    }

    static let leads: [(indent: String, first: String?)] = [
        ("", nil), ("    ", "12. "), ("   ", nil), ("> ", nil), ("", "\u{00A0}7."), ("  ", "日本 "), ("", "\u{0600} "),
    ]

    @Test func bytesAgreeWithThePlainPath() {
        var r = Numbers(state: 42)
        var simple = 0
        for round in 0..<6_000 {
            let text = Self.text(&r, asciiOnly: round % 2 == 0)
            let (indent, first) = Self.leads[r.next(Self.leads.count)]
            let width = 1 + r.next(40)
            let ellipsis = r.next(2) == 0 ? "..." : "…"
            let plain = Wrap.plainLines(text, width: width, indent: indent, first: first, ellipsis: ellipsis)
            let lines = Wrap.lines(text, width: width, indent: indent, first: first, ellipsis: ellipsis)
            #expect(lines == plain, "lines \(text.debugDescription) width \(width) first \(String(describing: first))")
            if Wrap.asciiLines(text, width: width, indent: indent, first: first, ellipsis: ellipsis) != nil {
                simple += 1
            }
            for dropping in [false, true] {
                var out: [UInt8] = [0x41]
                Wrap.append(text, width: width, indent: indent, first: first, ellipsis: ellipsis,
                            droppingEmpty: dropping, to: &out)
                #expect(out == [0x41] + Self.expected(plain, droppingEmpty: dropping),
                        "append \(text.debugDescription) width \(width) dropping \(dropping)")
                var fromBytes: [UInt8] = [0x42]
                Wrap.append(bytes: Array(text.utf8), width: width, indent: indent, first: first, ellipsis: ellipsis,
                            droppingEmpty: dropping, to: &fromBytes)
                #expect(fromBytes == [0x42] + Self.expected(plain, droppingEmpty: dropping),
                        "append bytes \(text.debugDescription) width \(width) dropping \(dropping)")
            }
        }
        // Both paths were exercised: plain prose takes the byte path, hostile text does not.
        #expect(simple > 1_500 && simple < 4_500, "\(simple) of 6000 on the byte path")
    }

    @Test func theBytePathIsTakenOnlyForPrintableASCIIAndNoBreakSpaces() {
        #expect(Wrap.asciiLines("Ready queue: Task-2, 3\u{00A0}s.", width: 20, indent: "  ", first: nil,
                                ellipsis: "...") == ["  Ready queue:", "  Task-2, 3 s."])
        for hostile in ["日本", "e\u{0301}", "a\u{200B}b", "\u{202E}x", "❤\u{FE0F}", "a\tb", "a\u{7F}"] {
            #expect(Wrap.asciiLines("x " + hostile, width: 20, indent: "", first: nil, ellipsis: "...") == nil,
                    "\(hostile.debugDescription)")
        }
        #expect(Wrap.asciiLines("x", width: 20, indent: "", first: "\u{0600} ", ellipsis: "...") == nil)
    }

    @Test func aHandoutLeavesOutOnlyEmptyLines() {
        var out: [UInt8] = []
        Wrap.append("", width: 10, indent: "", droppingEmpty: true, to: &out)
        Wrap.append("   ", width: 10, indent: "  ", droppingEmpty: true, to: &out)
        Wrap.append("one two three", width: 7, indent: "", first: "1. ", droppingEmpty: true, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "1. one\ntwo\nthree\n")
    }
}
