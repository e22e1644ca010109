import LoopscopeTrace
@testable import LoopscopeTUI
import Testing

/// `TextWrap.pieces` measures the text once and counts down as it cuts rows: the rows still
/// keep every character, stay within their widths and break after spaces.
@Suite struct TextWrapTests {
    @Test func piecesBreakAfterSpacesAndKeepEveryCharacter() {
        #expect(TextWrap.pieces("one two three", first: 7, rest: 5) == ["one two ", "three"])
        #expect(TextWrap.pieces("one two three", first: 6, rest: 4) == ["one ", "two ", "thre", "e"])
        #expect(TextWrap.pieces("abcdefgh", first: 3, rest: 3) == ["abc", "def", "gh"])
        #expect(TextWrap.pieces("日本語のタスク", first: 5, rest: 4) == ["日本", "語の", "タス", "ク"])
        #expect(TextWrap.pieces("short", first: 5, rest: 1) == ["short"])
    }

    @Test(arguments: [1, 2, 3, 7, 40])
    func longMixedTextWrapsWhole(width: Int) {
        let text = String(repeating: "x", count: 5000) + " e\u{301} 日本語 👨\u{200d}👩\u{200d}👧 1\u{FE0F}\u{20E3} "
            + String(repeating: "word ", count: 300)
        let rows = TextWrap.pieces(text, first: width + 1, rest: width)
        #expect(rows.joined() == text)
        for (i, row) in rows.enumerated() {
            let limit = i == 0 ? width + 1 : width
            // A space a row breaks on may end it past the edge (unseen); a character wider than
            // the row (a wide one in a row of 1) goes on a row of its own.
            let shown = row.hasSuffix(" ") ? row.dropLast() : Substring(row)
            #expect(TextWidth.columns(shown) <= limit || shown.count == 1, "row \(i): \(row.prefix(20))")
        }
        #expect(rows.count >= TextWidth.columns(text) / (width + 1))
    }
}
