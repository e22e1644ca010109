import LoopscopeDemos
import LoopscopeTimeline
@testable import LoopscopeTUI
import Testing

/// The about box: the demo's note, and the article's claims beside what CPython does.
@Suite struct AboutOverlayTests {
    static func state(_ id: String) throws -> AppState {
        let demo = try #require(DemoCatalog.named(id))
        return AppState(timeline: Timeline(trace: demo.record().trace), options: PlayerOptions(),
                        size: TerminalSize(width: 100, height: 30))
    }

    static func screen(_ state: AppState) -> String {
        return view(state).text()
    }

    @Test func iOpensTheBoxWithTheArticleClaimAndAnyKeyClosesIt() throws {
        var s = try Self.state("seed001-sleep2-foo-sleep1")
        #expect(KeyMap.action(for: .char("i"), in: s) == .toggleAbout)
        s = reduce(s, .toggleAbout)
        #expect(s.showAbout)
        let text = Self.screen(s)
        #expect(text.contains("The article says: Now we get: shav, finished, text"))
        #expect(text.contains("CPython does: CPython prints shav, text, finished"))
        #expect(KeyMap.action(for: .right, in: s) == .dismiss)
        s = reduce(s, .dismiss)
        #expect(!s.showAbout)
        #expect(!Self.screen(s).contains("The article says"))
    }

    @Test func aDemoWithoutClaimsSaysTheArticleMatches() throws {
        let s = reduce(try Self.state("seed003-say-after"), .toggleAbout)
        #expect(Self.screen(s).contains("PEP 492"))
        let plain = reduce(try Self.state("seed004-hello-world"), .toggleAbout)
        #expect(Self.screen(plain).contains("match CPython"))
    }
}
