import LoopscopeDemos
import LoopscopeRender
import LoopscopeTimeline
@testable import LoopscopeTUI
import Testing

/// The narration pane never ends a row with a number and starts the next with its unit
/// ("the earliest timer, 0.1" / "s."): every demo, every step, every pane width from 12 to
/// 60 columns. The same sentences wrapped at every plain space do split some units, so the
/// check finds what it looks for.
@Suite(.timeLimit(.minutes(30))) struct NarrationUnitsTests {
    /// Where `lines` part a number from its unit: the row that ends in the number.
    static func splitUnits(_ lines: [Substring]) -> [String] {
        var found: [String] = []
        for (row, next) in zip(lines, lines.dropFirst()) {
            let end = row.trimmingCharacters(in: " ")
            let start = next.drop { $0 == " " }
            guard let last = end.last, last.isNumber, start.first == "s" else { continue }
            let after = start.dropFirst().first
            // `s"` ends a quotation of the program's own output ("joined after 9.00 s"),
            // which is wrapped as any other text.
            if after == nil || !(after!.isLetter || after!.isNumber || after == "\"" || after == "'") {
                found.append("\(row) / \(next)")
            }
        }
        return found
    }

    static func words(_ text: String) -> [Substring] { text.split(separator: " ") }

    @Test(arguments: DemoCatalog.all.map(\.id))
    func aNumberStaysWithItsUnit(_ id: String) throws {
        let demo = try #require(DemoCatalog.named(id))
        let timeline = Timeline(trace: demo.record().trace)
        var plainSplits = 0
        for step in timeline.steps.indices {
            let kept = Narration.sentence(for: step, in: timeline, keepingUnits: true)
            let plain = Narration.sentence(for: step, in: timeline)
            for width in 12...60 {
                let text = AppState.narrationText(kept, width: width, ellipsis: "…")
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                let split = Self.splitUnits(lines)
                #expect(split.isEmpty, "\(id) step \(step + 1) at \(width) columns: \(split)")
                #expect(!text.contains("\u{00A0}"), "\(id) step \(step + 1): a no-break space reaches the screen")
                if !text.contains("…") {
                    #expect(Self.words(lines.joined(separator: " ")) == Self.words(plain),
                            "\(id) step \(step + 1) at \(width): words lost")
                }
                let words = TextWrap.lines(plain, width: width, ellipsis: "…").map { Substring($0) }
                plainSplits += Self.splitUnits(words).count
            }
        }
        // The pane as the player fills it, at three terminal sizes.
        for size in [TerminalSize(width: 80, height: 24), TerminalSize(width: 100, height: 30),
                     TerminalSize(width: 120, height: 40)] {
            var state = AppState(timeline: timeline, options: PlayerOptions(), size: size)
            for step in timeline.steps.indices {
                state.go(to: step)
                state.refreshNarration()   // as the reducer does after every key
                let split = Self.splitUnits(state.narration.split(separator: "\n", omittingEmptySubsequences: false))
                #expect(split.isEmpty, "\(id) step \(step + 1) at \(size): \(split)")
            }
        }
        if timeline.trace.events.contains(where: { $0.kind == .clockJump }) {
            #expect(plainSplits > 0, "\(id): wrapping at every space splits some number from its unit")
        }
    }
}

private extension Substring {
    func trimmingCharacters(in set: Character) -> Substring {
        var s = self
        while s.last == set { s.removeLast() }
        return s
    }
}
