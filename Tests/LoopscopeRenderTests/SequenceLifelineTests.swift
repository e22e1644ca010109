import LoopscopeDemos
import LoopscopeRender
import LoopscopeTrace
import Testing

/// No label of an exported sequence diagram touches or crosses a lifeline. The check reads
/// the text alone: a lifeline is a column whose glyph (`|`, `#`, `│`, `┃`) goes on above and
/// below a row; a label character sitting in it crosses it, one right beside it touches it.
@Suite struct SequenceLifelineTests {
    static let lifeline: Set<Character> = ["|", "#", "│", "┃"]
    /// What may stand beside a lifeline: blanks, arrow shafts and arrowheads.
    static let neutral: Set<Character> = [" ", "-", ".", "─", "┄", "<", ">", "◀", "▶"]

    static func isLabel(_ c: Character) -> Bool { !lifeline.contains(c) && !neutral.contains(c) }

    /// Problems found in a diagram's text: `row:column what`.
    static func problems(_ text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        var header = [Bool](repeating: false, count: lines.count)
        for (i, l) in lines.enumerated() where String(l).drop(while: { $0 == " " }).hasPrefix("time ") {
            header[i] = true
            if i + 1 < lines.count { header[i + 1] = true }
        }
        func at(_ r: Int, _ c: Int) -> Character { c < lines[r].count ? lines[r][c] : " " }
        /// The glyph nearest above (step -1) or below (+1) that is not a label character.
        func nearest(_ r: Int, _ c: Int, _ step: Int) -> Character? {
            var i = r + step
            while i >= 0 && i < lines.count && !header[i] {
                let ch = at(i, c)
                if !isLabel(ch) { return ch }
                i += step
            }
            return nil
        }
        func isLifeline(_ ch: Character?) -> Bool { ch.map { lifeline.contains($0) } ?? false }
        var found: [String] = []
        for r in lines.indices where !header[r] {
            for c in lines[r].indices {
                let ch = lines[r][c]
                if isLabel(ch) {
                    if isLifeline(nearest(r, c, -1)) && isLifeline(nearest(r, c, 1)) {
                        found.append("\(r + 1):\(c + 1) '\(ch)' crosses a lifeline: \(String(lines[r]))")
                    }
                } else if lifeline.contains(ch), isLifeline(nearest(r, c, -1)) || isLifeline(nearest(r, c, 1)) {
                    if c > 0 && isLabel(at(r, c - 1)) || isLabel(at(r, c + 1)) {
                        found.append("\(r + 1):\(c + 1) a label touches a lifeline: \(String(lines[r]))")
                    }
                }
            }
        }
        return found
    }

    @Test(arguments: DemoCatalog.all.map(\.id))
    func noLabelTouchesOrCrossesALifeline(_ id: String) throws {
        let trace = try #require(DemoCatalog.named(id)).record().trace
        for width in [80, 100, 132] {
            for ascii in [true, false] {
                let text = try SequenceDiagram.render(trace, options: ExportOptions(width: width, ascii: ascii))
                let found = Self.problems(text)
                #expect(found.isEmpty, "\(id) at \(width) columns\(ascii ? "" : ", unicode"): \(found.count) problems, first \(found.prefix(3))")
            }
        }
    }

    /// The checker itself sees the two faults the diagram once had.
    @Test func theCheckSeesATouchAndACrossing() {
        let touching = """
            time loop   Task-1
                 event  main()
              0s |      #
                 |      # print: T3 end|      |
                 |      #              |      |
            """
        #expect(!Self.problems(touching).isEmpty)
        let crossing = """
            time loop   Task-1  Task-2
                 event  main()  foo()
              0s |      #       |
                 |      # printed: T2
                 |      #       |
            """
        #expect(!Self.problems(crossing).isEmpty)
        let fine = """
            time loop   Task-1  Task-2
                 event  main()  foo()
              0s |      #       |
                 |      # print |
                 |<-----#       |
            """
        #expect(Self.problems(fine).isEmpty)
    }
}
