import LoopscopeTUI

extension Theme {
    /// The theme `--theme` names, or a usage error listing the choices.
    static func named(_ name: String) throws -> Theme {
        guard let theme = Theme(rawValue: name.lowercased()) else {
            let choices = Theme.allCases.map(\.rawValue).joined(separator: ", ")
            throw CLIError("unknown theme '\(name)': choose \(choices).", code: 2)
        }
        return theme
    }
}
