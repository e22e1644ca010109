import LoopscopeDemos
import LoopscopeTrace
import LoopscopeTUI
import Testing

/// The demo browser keeps the theme chosen with `t` for the session: back on the list and
/// in the next demo (before, both went back to the theme the session started with).
@Suite struct BrowseThemeTests {
    static let demos = ["seed000-fetch-url", "seed004-hello-world"]

    static func browse(_ keys: [Key], theme: Theme = .dark) throws -> (ScriptedBackend, PlayerOutcome?) {
        let choices = demos.map { DemoChoice(id: $0, title: $0, origin: "", language: "swift", lesson: "") }
        let backend = ScriptedBackend(size: .minimum, events: keys.map { .key($0) })
        let outcome = try Player.browse(demos: choices, options: PlayerOptions(theme: theme), on: backend,
                                        clock: { .zero }) { index in
            try #require(DemoCatalog.named(demos[index])).record().trace
        }
        return (backend, outcome)
    }

    static func isPicker(_ grid: Grid) -> Bool { grid.text().contains("Enter play") }

    @Test func aThemeChosenInADemoStaysForTheListAndTheNextDemo() throws {
        // Play the first demo, t (dark → light), q back to the list, play the second, q, q.
        let (backend, outcome) = try Self.browse([.enter, .char("t"), .char("q"), .down, .enter, .char("q"),
                                                  .char("q")])
        let frames = backend.frames
        let pickers = frames.indices.filter { Self.isPicker(frames[$0]) }
        #expect(pickers.count >= 3, "the list is shown at the start and after each demo")
        #expect(frames[pickers[0]].theme == .dark, "the session starts in its theme")
        let firstDemo = try #require(frames.indices.first { !Self.isPicker(frames[$0]) })
        #expect(frames[firstDemo].theme == .dark)
        let backOnList = try #require(pickers.first { $0 > firstDemo })
        #expect(frames[backOnList].theme == .light, "the list keeps the theme chosen in the demo")
        let secondDemo = try #require(frames.indices.first { $0 > backOnList && !Self.isPicker(frames[$0]) })
        #expect(frames[secondDemo].text().contains("Hello") || frames[secondDemo].text().contains("hello"),
                "the second demo plays")
        #expect(frames[secondDemo].theme == .light, "the next demo starts in the theme chosen before")
        #expect(frames.last.map(Self.isPicker) == true && frames.last?.theme == .light)
        #expect(outcome?.theme == .light)
    }

    @Test func aSessionStartedInATheme() throws {
        let (backend, outcome) = try Self.browse([.enter, .char("q"), .char("q")], theme: .projector)
        #expect(backend.frames.allSatisfy { $0.theme == .projector })
        #expect(outcome?.theme == .projector)
    }
}
