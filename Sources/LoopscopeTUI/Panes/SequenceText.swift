import LoopscopeTrace

/// A sequence diagram cut into lines, with the row where each instant begins.
public struct SequenceText: Sendable {
    public let width: Int
    public let lines: [String]
    /// (time, first row) for each time label in the left margin, in order.
    let timeRows: [(VirtualTime, Int)]

    init(text: String, width: Int, trace: Trace) {
        self.width = width
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var rows: [(VirtualTime, Int)] = []
        for (i, line) in lines.enumerated() {
            // A time label is the first token, ending in "s", before the loop's lifeline.
            let head = line.prefix { $0 == " " || $0.isNumber || $0 == "." || $0 == "s" || $0 == "-" }
            let token = head.split(separator: " ").first ?? ""
            if token.hasSuffix("s"), let seconds = Double(token.dropLast()) {
                rows.append((VirtualTime(seconds: seconds), i))
            }
        }
        timeRows = rows
    }

    /// The first row of the last instant at or before `time`, and the first row of the
    /// instant after it (nil when it is the last).
    func rows(forTime time: VirtualTime) -> (Int, Int?) {
        var best = 0
        for (t, r) in timeRows {
            if t <= time { best = r } else { return (best, r) }
        }
        return (best, nil)
    }
}
