import Testing
import LoopscopeTrace

@Suite("Sanitizer")
struct SanitizerTests {
    @Test func escapeSequencesBecomeVisible() {
        #expect(Sanitizer.line("red \u{1B}[31m!") == "red ␛[31m!")
        #expect(Sanitizer.line("red \u{1B}[31m!", ascii: true) == "red ^[[31m!")
        #expect(Sanitizer.line("\u{0}\u{7}\u{8}\u{7F}") == "␀␇␈␡")
        #expect(Sanitizer.line("\u{0}\u{7}\u{7F}", ascii: true) == "^@^G^?")
    }

    @Test func eightBitAndInvisibleControlsAreReplaced() {
        // C1 CSI, zero-width space, bidi overrides and isolates, BOM, Arabic letter mark.
        for s in ["\u{9B}", "\u{200B}", "\u{202E}", "\u{2066}", "\u{FEFF}", "\u{061C}", "\u{180E}", "\u{2028}"] {
            #expect(Sanitizer.line("a\(s)b") == "a�b", "U+\(String(s.unicodeScalars.first!.value, radix: 16))")
            #expect(Sanitizer.line("a\(s)b", ascii: true) == "a?b")
        }
    }

    @Test func tabsExpandToTheNextMultipleOfFourColumns() {
        #expect(Sanitizer.line("a\tb") == "a   b")
        #expect(Sanitizer.line("\tb") == "    b")
        #expect(Sanitizer.line("abcd\tb") == "abcd    b")
        // A wide character takes two columns, so the tab needs only two spaces.
        #expect(Sanitizer.line("日\tb") == "日  b")
        // A combining mark takes none.
        #expect(Sanitizer.line("e\u{301}\tb") == "e\u{301}   b")
    }

    @Test func lineBreaksBecomeOneMarkEach() {
        #expect(Sanitizer.line("a\nb") == "a⏎b")
        #expect(Sanitizer.line("a\r\nb") == "a⏎b")
        #expect(Sanitizer.line("a\r\rb") == "a⏎⏎b")
        #expect(Sanitizer.line("a\r\nb", ascii: true) == "a\\nb")
    }

    @Test func linesSplitOnLFAndCRLF() {
        #expect(Sanitizer.lines("a\nb") == ["a", "b"])
        #expect(Sanitizer.lines("a\r\nb\r\n") == ["a", "b", ""])
        #expect(Sanitizer.lines("one\u{1B}[2J\ntwo") == ["one␛[2J", "two"])
        #expect(Sanitizer.lines("") == [""])
    }

    @Test func asciiModeReplacesEveryOtherNonASCIIScalar() {
        #expect(Sanitizer.line("café 日", ascii: true) == "caf? ?")
        #expect(Sanitizer.line("plain text") == "plain text")
    }

    @Test func theOutputNeverContainsAControlCharacter() {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<500 {
            var s = ""
            for _ in 0..<rng.below(20) { s.unicodeScalars.append(Unicode.Scalar(UInt8(rng.below(256)))) }
            for out in [Sanitizer.line(s), Sanitizer.line(s, ascii: true)] + Sanitizer.lines(s) {
                #expect(!out.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
            }
        }
    }
}

@Suite("Terminal text width")
struct TextWidthTests {
    @Test func asciiAndControls() {
        #expect(TextWidth.columns("abc") == 3)
        #expect(TextWidth.columns("") == 0)
        #expect(TextWidth.columns("a\u{7}b") == 2)
    }

    /// An ASCII character takes what its scalars take (CR LF, one character of two
    /// controls: none); U+FE0F after a scalar that can be an emoji (a digit, `#`) makes an
    /// emoji of two columns, after a letter it changes nothing.
    @Test func asciiCharactersAndEmojiPresentationSelectors() {
        var characters = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }
        characters.append("\r\n")
        for c in characters {
            let scalars = c.unicodeScalars.reduce(0) { $0 + TextWidth.columns($1) }
            #expect(TextWidth.columns(c) == scalars, "U+\(String(c.unicodeScalars.first!.value, radix: 16))")
        }
        #expect(TextWidth.columns(Character("\u{7F}")) == 0 && TextWidth.columns(Character("~")) == 1)
        #expect(TextWidth.columns(Character("1\u{FE0F}\u{20E3}")) == 2)   // keycap 1
        #expect(TextWidth.columns(Character("#\u{FE0F}")) == 2)
        #expect(TextWidth.columns(Character("a\u{FE0F}")) == 1)
    }

    @Test func wideCharactersTakeTwoColumns() {
        #expect(TextWidth.columns("日本") == 4)
        #expect(TextWidth.columns("한국") == 4)
        #expect(TextWidth.columns("ＡＢ") == 4)
        #expect(TextWidth.columns("😀") == 2)
        #expect(TextWidth.columns("🚀") == 2)
        #expect(TextWidth.columns("☕") == 2)
    }

    @Test func marksTakeNoColumn() {
        #expect(TextWidth.columns("e\u{301}") == 1)
        #expect(TextWidth.columns("\u{5E9}\u{5B0}") == 1)   // Hebrew letter with a point
        #expect(TextWidth.columns("\u{915}\u{94D}\u{937}") == 2)   // Devanagari conjunct: virama is a mark
        #expect(TextWidth.columns("a\u{20DD}") == 1)   // enclosing circle
    }

    @Test func emojiSequencesTakeTwoColumns() {
        #expect(TextWidth.columns("👩‍👩‍👧") == 2)
        #expect(TextWidth.columns("❤️") == 2)
        #expect(TextWidth.columns("🇫🇷") == 2)
        #expect(TextWidth.columns("👍🏽") == 2)
    }

    @Test func fitCutsWholeCharactersAndAddsTheEllipsis() {
        #expect(TextWidth.fit("hello world", 8) == "hello w…")
        #expect(TextWidth.fit("hello", 5) == "hello")
        #expect(TextWidth.fit("hello", 0) == "")
        #expect(TextWidth.fit("日本語", 4) == "日…")
        #expect(TextWidth.fit("👩‍👩‍👧👩‍👩‍👧", 3) == "👩‍👩‍👧…")
        #expect(TextWidth.fit("e\u{301}e\u{301}e\u{301}", 2) == "e\u{301}…")
        #expect(TextWidth.fit("abc", 2, ellipsis: "...") == "..")
    }

    @Test func padFillsToTheExactWidth() {
        #expect(TextWidth.pad("ab", 4) == "ab  ")
        #expect(TextWidth.pad("日本語", 4) == "日… ")
        for s in ["", "abc", "日本", "👩‍👩‍👧x", "e\u{301}"] {
            for w in 1...6 { #expect(TextWidth.columns(TextWidth.pad(s, w)) == w) }
        }
    }
}
