@testable import LoopscopeTUI
import LoopscopeDemos
import LoopscopeRender
import LoopscopeTimeline
import Testing

/// The colour themes: `--theme projector` and `--theme light` beside the default dark one.
@Suite struct ThemeTests {
    static let fetch = Timeline(trace: DemoCatalog.named("seed000-fetch-url")!.record().trace)

    /// A golden screen with its theme: the text, the role of every cell, then how each role
    /// used on screen looks in that theme, with colours and in monochrome.
    static func themed(_ grid: Grid) -> String {
        var used = Set<StyleRole>()
        for y in 0..<grid.height { for x in 0..<grid.width { used.insert(grid[x, y].role) } }
        var legend = "theme \(grid.theme.rawValue)\n"
        for role in StyleRole.allCases where used.contains(role) {
            legend += "\(role.code) \(role): colour \(grid.theme.style(role, colors: true)); "
                + "monochrome \(grid.theme.style(role, colors: false).attributes.name)\n"
        }
        return Golden.render(grid, styles: true) + "\n" + legend
    }

    @Test(arguments: Theme.allCases)
    func goldenScreenPerTheme(_ theme: Theme) {
        let s = AppState(timeline: Self.fetch, options: PlayerOptions(startStep: 11, theme: theme), size: .minimum)
        let grid = view(s)
        #expect(grid.theme == theme)
        Golden.files.check(Self.themed(grid), "themes/\(theme.rawValue)-80x24.txt")
    }

    @Test func projectorHasNoDimAndTellsStatesApartWithoutColour() {
        for role in StyleRole.allCases {
            for colors in [true, false] {
                #expect(!Theme.projector.style(role, colors: colors).attributes.contains(.dim),
                        "projector \(role) is dim (colours \(colors))")
            }
        }
        let states: [StyleRole] = [.running, .ready, .waiting]
        let mono = states.map { Theme.projector.style($0, colors: false) }
        #expect(Set(mono.map(\.attributes.rawValue)).count == 3, "run, ready and await share an attribute: \(mono)")
        // And by glyph shape, in Unicode and in ASCII.
        for ascii in [false, true] {
            let look = LaneLook(ascii: ascii)
            let glyphs = [look.glyph(LaneMark.running), look.glyph(LaneMark.ready), look.glyph(LaneMark.suspended)]
            #expect(Set(glyphs).count == 3, "run, ready and await glyphs \(glyphs)")
        }
    }

    @Test func lightPutsNoPaleTextOnTheTerminalsBackground() {
        let pale: Set<ThemeColor> = [.white, .yellow, .cyan]
        for role in StyleRole.allCases {
            let style = Theme.light.style(role, colors: true)
            if style.background == nil, let fg = style.foreground {
                #expect(!pale.contains(fg), "light: \(role) is \(fg) on the terminal's background")
            }
        }
    }

    @Test func tCyclesThemesAndTheGridCarriesIt() {
        var s = AppState(timeline: Self.fetch, options: PlayerOptions(), size: .minimum)
        #expect(s.theme == .dark)
        #expect(KeyMap.action(for: .key(.char("t")), in: s) == .cycleTheme)
        var seen: [Theme] = []
        for _ in Theme.allCases {
            s = reduce(s, .cycleTheme)
            seen.append(view(s).theme)
        }
        #expect(seen == [.light, .projector, .dark])
    }
}
