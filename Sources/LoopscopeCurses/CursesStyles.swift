import CNcurses
import LoopscopeTUI

/// How each `StyleRole` looks on this terminal: the theme's colour pair and attributes, or
/// its attributes alone when colours are off. Every state also has its own glyph, so
/// monochrome loses nothing.
struct CursesStyles {
    struct Style {
        var attrs: attr_t
        var pair: Int16
    }

    let theme: Theme
    private var table: [Style]

    init(colors: Bool, theme: Theme) {
        self.theme = theme
        table = Array(repeating: Style(attrs: ls_a_normal(), pair: 0), count: StyleRole.allCases.count)
        for role in StyleRole.allCases {
            let spec = theme.style(role, colors: colors)
            var attrs = ls_a_normal()
            if spec.attributes.contains(.bold) { attrs |= ls_a_bold() }
            if spec.attributes.contains(.dim) { attrs |= ls_a_dim() }
            if spec.attributes.contains(.reverse) { attrs |= ls_a_reverse() }
            if spec.attributes.contains(.underline) { attrs |= ls_a_underline() }
            let pair = Int16(role.rawValue) + 1
            if colors {
                init_pair(pair, spec.foreground?.rawValue ?? -1, spec.background?.rawValue ?? -1)
                table[Int(role.rawValue)] = Style(attrs: attrs, pair: pair)
            } else {
                table[Int(role.rawValue)] = Style(attrs: attrs, pair: 0)
            }
        }
    }

    subscript(role: StyleRole) -> Style { table[Int(role.rawValue)] }
}
