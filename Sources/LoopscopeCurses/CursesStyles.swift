import CNcurses
import LoopscopeTUI

/// How each `StyleRole` looks: a colour pair and attributes, or attributes alone when
/// colours are off. Every state also has its own glyph, so monochrome loses nothing.
struct CursesStyles {
    struct Style {
        var attrs: attr_t
        var pair: Int16
    }

    private var table: [Style]

    init(colors: Bool) {
        let bold = ls_a_bold(), dim = ls_a_dim(), rev = ls_a_reverse(), under = ls_a_underline()
        let normal = ls_a_normal()
        table = Array(repeating: Style(attrs: normal, pair: 0), count: StyleRole.allCases.count)
        for role in StyleRole.allCases {
            // (foreground, background, attributes with colour, attributes in monochrome)
            let spec: (Int16, Int16, attr_t, attr_t) = switch role {
            case .plain: (-1, -1, normal, normal)
            case .dim: (-1, -1, dim, dim)
            case .heading: (Int16(COLOR_CYAN), -1, bold, bold)
            case .border: (Int16(COLOR_BLUE), -1, normal, dim)
            case .status: (Int16(COLOR_BLACK), Int16(COLOR_CYAN), normal, rev)
            case .key: (Int16(COLOR_BLACK), Int16(COLOR_WHITE), bold, rev | bold)
            case .running: (Int16(COLOR_GREEN), -1, bold, bold)
            case .ready: (Int16(COLOR_YELLOW), -1, bold, normal)
            case .waiting: (Int16(COLOR_BLUE), -1, bold, dim)
            case .blocked: (Int16(COLOR_RED), -1, bold | rev, rev)
            case .done: (-1, -1, dim, dim)
            case .failed: (Int16(COLOR_RED), -1, bold, bold | under)
            case .cancelled: (Int16(COLOR_MAGENTA), -1, bold, under)
            case .output: (Int16(COLOR_WHITE), -1, normal, normal)
            case .cursor: (Int16(COLOR_BLACK), Int16(COLOR_YELLOW), bold, rev | bold)
            case .selected: (-1, -1, bold | under, bold | under)
            case .lineRan: (Int16(COLOR_BLACK), Int16(COLOR_GREEN), normal, rev)
            case .lineParked: (Int16(COLOR_BLACK), Int16(COLOR_CYAN), normal, under)
            case .warning: (Int16(COLOR_RED), -1, bold, bold)
            case .prompt: (Int16(COLOR_BLACK), Int16(COLOR_YELLOW), normal, rev)
            case .good: (Int16(COLOR_GREEN), -1, bold, bold)
            case .bad: (Int16(COLOR_RED), -1, bold, bold | under)
            }
            let pair = Int16(role.rawValue) + 1
            if colors {
                init_pair(pair, spec.0, spec.1)
                table[Int(role.rawValue)] = Style(attrs: spec.2, pair: pair)
            } else {
                table[Int(role.rawValue)] = Style(attrs: spec.3, pair: 0)
            }
        }
    }

    subscript(role: StyleRole) -> Style { table[Int(role.rawValue)] }
}
