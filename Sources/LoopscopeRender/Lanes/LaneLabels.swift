import LoopscopeTrace

/// Lane labels cut to the label column without losing what tells the lanes apart.
///
/// A lane's label is who (`Task-2`, `task_a (Task-2)`) and what it runs
/// (`request_page('https://google.com')`). When the two do not fit, the name stays and the
/// label keeps the part where it differs from the other lanes' labels, so
/// `Task-2 request_page('https://google.com')` and `Task-3 request_page('https://apple.com')`
/// become `Task-2 …google…` and `Task-3 …apple.…`, not `Task-2 request…` twice. Every cut
/// shows the ellipsis, except that a name filling the column whole leaves its label out.
/// Each label is compared with the `neighbours` lanes above and below it (those a reader
/// compares it with), so a chart of ten thousand lanes costs little more than ten. A name
/// too long for the column cuts the name the program bound (keeping where it differs from
/// the others: `…est1 (Task-2)`, `…est2 (Task-3)`), never the lane's own name after it, so
/// the task number always shows.
public enum LaneLabels {
    public static let neighbours = 12

    /// Each lane's label fitted to `width` columns, for lanes shown together in this order.
    /// `bound` is the name the program binds the lane to, the start of `name` ("" for none):
    /// it is what gives way when the name does not fit.
    public static func fit(_ parts: [(name: String, label: String, bound: String)], width: Int,
                           ellipsis: String) -> [String] {
        let labels = parts.map { Array($0.label) }
        let bounds = parts.map { Array($0.bound) }
        return parts.indices.map { i in
            let nearby = max(0, i - neighbours)..<min(labels.count, i + neighbours + 1)
            let near = labels[nearby]
            let (name, label, bound) = parts[i]
            let full = label.isEmpty ? name : name + " " + label
            if TextWidth.columns(full) <= width { return full }
            if TextWidth.columns(name) >= width, !bound.isEmpty, name.hasPrefix(bound) {
                // Cut the bound name, keeping where it differs from its neighbours', not the
                // lane's own name after it: ` (Task-12)` stays.
                let own = String(name.dropFirst(bound.count))
                let room = width - TextWidth.columns(own)
                if room > TextWidth.columns(ellipsis) {
                    return shorten(bounds[i], among: bounds[nearby], room: room, ellipsis: ellipsis) + own
                }
            }
            let room = width - TextWidth.columns(name) - 1
            guard room >= 2 else { return TextWidth.fit(full, width, ellipsis: ellipsis) }
            return name + " " + shorten(labels[i], among: near, room: room, ellipsis: ellipsis)
        }
    }

    /// A label in `room` columns that keeps where it first differs from the others.
    static func shorten(_ label: [Character], among labels: ArraySlice<[Character]>, room: Int,
                        ellipsis: String) -> String {
        let text = String(label)
        if TextWidth.columns(text) <= room { return text }
        // Where it parts from the most alike other label.
        var differ = 0
        for other in labels where other != label {
            var k = 0
            while k < label.count && k < other.count && label[k] == other[k] { k += 1 }
            differ = max(differ, k)
        }
        // A plain cut keeps the first `room - 1` characters: enough when they reach the difference.
        guard differ > 0, differ < label.count, differ > room - 2 else {
            return TextWidth.fit(text, room, ellipsis: ellipsis)
        }
        // Back up to the start of the word it differs in (`…amazon`, not `…mazon`), as far
        // as half the room allows.
        var start = differ
        while start > 0, differ - start < room / 2, label[start - 1].isLetter || label[start - 1].isNumber {
            start -= 1
        }
        let rest = String(label[start...])
        var candidates: [String] = []
        if let open = label.firstIndex(of: "("), open + 1 < start {
            candidates.append(String(label[...open]) + ellipsis + rest)
        }
        candidates.append(ellipsis + rest)
        for c in candidates where TextWidth.columns(c) <= room { return c }
        return TextWidth.fit(candidates.last!, room, ellipsis: ellipsis)
    }
}
