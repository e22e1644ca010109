// Python's printed forms of values, for demo output that must read as CPython's.

/// A Python dict's printed form, for values the articles print (`{'data': 1}`).
struct PyDict: CustomStringConvertible, Sendable {
    let items: [(String, Int)]
    init(_ items: [(String, Int)]) { self.items = items }
    var description: String {
        "{" + items.map { "'\($0.0)': \($0.1)" }.joined(separator: ", ") + "}"
    }
}
