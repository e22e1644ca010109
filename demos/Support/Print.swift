import Foundation
import LoopscopeScheduler

/// Python's `print`, for the demos: records one line of output with the task and line that
/// printed it. It shadows the standard library's `print` inside this module.
func print(_ items: any CustomStringConvertible..., separator: String = " ", terminator: String = "\n",
           file: StaticString = #fileID, line: UInt = #line) {
    var text = items.map(\.description).joined(separator: separator)
    if terminator != "\n" { text += terminator }
    output(text, file: file, line: line)
}

/// Python's `f"{x:.2f}"` (C's correctly rounded `%.*f`, as Python uses).
func fixed(_ x: Double, _ decimals: Int = 2) -> String {
    String(format: "%.\(decimals)f", x)
}
