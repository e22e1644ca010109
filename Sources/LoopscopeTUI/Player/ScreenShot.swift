import LoopscopeTimeline
import LoopscopeTrace

/// The player's screen at one step as plain text: what `loopscope export --format screen
/// --step N` writes and what the `w` key saves, so a handout can show the exact frame a
/// class discusses.
///
/// ```swift
/// let text = try ScreenShot.text(timeline: timeline, stepNumber: 9, size: .minimum, ascii: true)
/// ```
package enum ScreenShot {
    /// The screen at step `stepNumber` (numbered from 1) in `view`, without colours,
    /// trailing spaces trimmed. Throws a message for a step out of range or a size below
    /// the player's minimum.
    package static func text(timeline: Timeline, stepNumber: Int, size: TerminalSize, ascii: Bool,
                            view kind: ViewKind = .timeline) throws(ScreenShotError) -> String {
        let count = timeline.steps.count
        guard count > 0 else { throw ScreenShotError("this run has no steps to show") }
        guard stepNumber >= 1 && stepNumber <= count else {
            throw ScreenShotError("there is no step \(stepNumber): steps are numbered 1 to \(count)")
        }
        let minimum = TerminalSize.minimum
        guard size.width >= minimum.width && size.height >= minimum.height else {
            throw ScreenShotError("the screen needs at least \(minimum.width)x\(minimum.height),"
                + " not \(size.width)x\(size.height) (pass a larger --width or --height)")
        }
        let options = PlayerOptions(ascii: ascii, view: kind, startStep: stepNumber - 1)
        let state = AppState(timeline: timeline, options: options, size: size, unicode: !ascii)
        return view(state).text()
    }

    /// The file name the `w` key saves the current screen under, e.g.
    /// `loopscope-seed000-fetch-url-step9.txt` (characters other than letters, digits, `-`,
    /// `_` and `.` in the program id become `_`).
    package static func fileName(programID: String, stepNumber: Int) -> String {
        let safe = String(programID.prefix(60).map { c -> Character in
            c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == ".") ? c : "_"
        })
        return "loopscope-\(safe.isEmpty ? "run" : safe)-step\(stepNumber).txt"
    }
}

/// Why a screen could not be drawn as text.
package struct ScreenShotError: Error, Equatable, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}

/// A screen the user asked to save (the `w` key): its text and the file name to use.
/// `reduce` makes one; the run loop hands it to the saver and reports the result.
package struct ScreenRequest: Equatable, Sendable {
    package var text: String
    package var fileName: String
    /// The step shown (numbered from 1).
    package var stepNumber: Int
}
