/// How the terminal shows each `StyleRole`: colours and attributes with colour, and
/// attributes alone in monochrome (`NO_COLOR`, or a terminal without colours).
///
/// - `dark`, the default: colours for a dark background.
/// - `light`: no pale foreground (white, yellow, cyan) on the terminal's own background, so
///   text stays readable on a light one.
/// - `projector`: for a room: no dim attribute anywhere, states painted as backgrounds,
///   bold text; running, ready and awaiting differ by glyph (`#`/`█`, `.`/`░`, `-`/`─`)
///   and by attribute, so they tell apart in monochrome and on any background.
///
/// The view never picks colours: a grid carries its theme and the backend looks roles up here.
package enum Theme: String, Sendable, CaseIterable {
    case dark
    case light
    case projector

    /// The theme `t` switches to.
    package var next: Theme {
        let all = Theme.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// How `role` looks, with colours or without.
    package func style(_ role: StyleRole, colors: Bool) -> ThemeStyle {
        let (withColor, mono) = switch self {
        case .dark: Self.dark(role)
        case .light: Self.light(role)
        case .projector: Self.projector(role)
        }
        return colors ? withColor : ThemeStyle(mono.attributes)
    }
}

/// The eight terminal colours (ncurses numbers them 0 to 7 in this order).
package enum ThemeColor: Int16, Sendable, CaseIterable {
    case black = 0, red, green, yellow, blue, magenta, cyan, white

    package var name: String { "\(self)" }
}

/// Text attributes a terminal can show without colour.
package struct TextAttributes: OptionSet, Hashable, Sendable {
    package let rawValue: UInt8
    package init(rawValue: UInt8) { self.rawValue = rawValue }

    package static let bold = TextAttributes(rawValue: 1)
    package static let dim = TextAttributes(rawValue: 2)
    package static let reverse = TextAttributes(rawValue: 4)
    package static let underline = TextAttributes(rawValue: 8)

    /// `bold+underline`, or `normal`.
    package var name: String {
        let names = [(TextAttributes.bold, "bold"), (.dim, "dim"), (.reverse, "reverse"), (.underline, "underline")]
            .filter { contains($0.0) }.map(\.1)
        return names.isEmpty ? "normal" : names.joined(separator: "+")
    }
}

/// One role's look: foreground and background (nil: the terminal's own) and attributes.
package struct ThemeStyle: Equatable, Sendable, CustomStringConvertible {
    package var foreground: ThemeColor?
    package var background: ThemeColor?
    package var attributes: TextAttributes

    package init(_ foreground: ThemeColor?, _ background: ThemeColor?, _ attributes: TextAttributes) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    package init(_ attributes: TextAttributes) { self.init(nil, nil, attributes) }

    /// `green on default, bold`: how golden screens spell a style.
    package var description: String {
        "\(foreground?.name ?? "default") on \(background?.name ?? "default"), \(attributes.name)"
    }
}

extension Theme {
    private typealias Pair = (ThemeStyle, ThemeStyle)

    private static func dark(_ role: StyleRole) -> Pair {
        switch role {
        case .plain: (ThemeStyle([]), ThemeStyle([]))
        case .dim: (ThemeStyle([.dim]), ThemeStyle([.dim]))
        case .heading: (ThemeStyle(.cyan, nil, .bold), ThemeStyle(.bold))
        case .border: (ThemeStyle(.blue, nil, []), ThemeStyle(.dim))
        case .status: (ThemeStyle(.black, .cyan, []), ThemeStyle(.reverse))
        case .key: (ThemeStyle(.black, .white, .bold), ThemeStyle([.reverse, .bold]))
        case .running: (ThemeStyle(.green, nil, .bold), ThemeStyle(.bold))
        case .ready: (ThemeStyle(.yellow, nil, .bold), ThemeStyle([]))
        case .waiting: (ThemeStyle(.blue, nil, .bold), ThemeStyle(.dim))
        case .blocked: (ThemeStyle(.red, nil, [.bold, .reverse]), ThemeStyle(.reverse))
        case .done: (ThemeStyle(.dim), ThemeStyle(.dim))
        case .failed: (ThemeStyle(.red, nil, .bold), ThemeStyle([.bold, .underline]))
        case .cancelled: (ThemeStyle(.magenta, nil, .bold), ThemeStyle(.underline))
        case .output: (ThemeStyle(.white, nil, []), ThemeStyle([]))
        case .cursor: (ThemeStyle(.black, .yellow, .bold), ThemeStyle([.reverse, .bold]))
        case .selected: (ThemeStyle([.bold, .underline]), ThemeStyle([.bold, .underline]))
        case .lineRan: (ThemeStyle(.black, .green, []), ThemeStyle(.reverse))
        case .lineParked: (ThemeStyle(.black, .cyan, []), ThemeStyle(.underline))
        case .warning: (ThemeStyle(.red, nil, .bold), ThemeStyle(.bold))
        case .prompt: (ThemeStyle(.black, .yellow, []), ThemeStyle(.reverse))
        case .good: (ThemeStyle(.green, nil, .bold), ThemeStyle(.bold))
        case .bad: (ThemeStyle(.red, nil, .bold), ThemeStyle([.bold, .underline]))
        }
    }

    /// Dark text on the terminal's light background; states that used pale colours take a
    /// coloured background with black text instead.
    private static func light(_ role: StyleRole) -> Pair {
        let (_, mono) = dark(role)
        let color: ThemeStyle = switch role {
        case .plain: ThemeStyle([])
        case .dim: ThemeStyle([.dim])
        case .heading: ThemeStyle(.blue, nil, .bold)
        case .border: ThemeStyle(.blue, nil, [])
        case .status: ThemeStyle(.white, .blue, [])
        case .key: ThemeStyle(.white, .black, .bold)
        case .running: ThemeStyle(.green, nil, .bold)
        case .ready: ThemeStyle(.black, .yellow, [])
        case .waiting: ThemeStyle(.blue, nil, .bold)
        case .blocked: ThemeStyle(.white, .red, .bold)
        case .done: ThemeStyle([.dim])
        case .failed: ThemeStyle(.red, nil, .bold)
        case .cancelled: ThemeStyle(.magenta, nil, .bold)
        case .output: ThemeStyle([])
        case .cursor: ThemeStyle(.black, .yellow, .bold)
        case .selected: ThemeStyle([.bold, .underline])
        case .lineRan: ThemeStyle(.black, .green, [])
        case .lineParked: ThemeStyle(.black, .cyan, [])
        case .warning: ThemeStyle(.red, nil, .bold)
        case .prompt: ThemeStyle(.black, .yellow, [])
        case .good: ThemeStyle(.green, nil, .bold)
        case .bad: ThemeStyle(.red, nil, .bold)
        }
        return (color, mono)
    }

    /// High contrast for a projector: nothing dim, task states as solid backgrounds, and in
    /// monochrome running reversed, ready plain, awaiting underlined.
    private static func projector(_ role: StyleRole) -> Pair {
        switch role {
        case .plain: (ThemeStyle([]), ThemeStyle([]))
        case .dim: (ThemeStyle([]), ThemeStyle([]))
        case .heading: (ThemeStyle(.bold), ThemeStyle(.bold))
        case .border: (ThemeStyle([]), ThemeStyle([]))
        case .status: (ThemeStyle([.reverse, .bold]), ThemeStyle([.reverse, .bold]))
        case .key: (ThemeStyle([.reverse, .bold]), ThemeStyle([.reverse, .bold]))
        case .running: (ThemeStyle(.white, .green, .bold), ThemeStyle([.reverse, .bold]))
        case .ready: (ThemeStyle(.black, .yellow, .bold), ThemeStyle(.bold))
        case .waiting: (ThemeStyle(.white, .blue, .bold), ThemeStyle(.underline))
        case .blocked: (ThemeStyle(.white, .red, .bold), ThemeStyle([.reverse, .underline]))
        case .done: (ThemeStyle(.bold), ThemeStyle([]))
        case .failed: (ThemeStyle(.red, nil, [.bold, .underline]), ThemeStyle([.bold, .underline]))
        case .cancelled: (ThemeStyle(.magenta, nil, [.bold, .underline]), ThemeStyle(.underline))
        case .output: (ThemeStyle([]), ThemeStyle([]))
        case .cursor: (ThemeStyle([.reverse, .bold]), ThemeStyle([.reverse, .bold]))
        case .selected: (ThemeStyle([.bold, .underline]), ThemeStyle([.bold, .underline]))
        case .lineRan: (ThemeStyle([.reverse, .bold]), ThemeStyle([.reverse, .bold]))
        case .lineParked: (ThemeStyle([.underline, .bold]), ThemeStyle([.underline, .bold]))
        case .warning: (ThemeStyle(.red, nil, .bold), ThemeStyle([.bold, .underline]))
        case .prompt: (ThemeStyle([.reverse, .bold]), ThemeStyle([.reverse, .bold]))
        case .good: (ThemeStyle(.green, nil, .bold), ThemeStyle(.bold))
        case .bad: (ThemeStyle(.red, nil, [.bold, .underline]), ThemeStyle([.bold, .underline]))
        }
    }
}
