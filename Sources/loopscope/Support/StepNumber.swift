import LoopscopeTimeline
import LoopscopeTrace

/// Step numbers on the command line: 1 is the first step, as the player's status bar,
/// `explain` and the handout number them (docs/steps.md).
enum StepNumber {
    /// How many steps a trace has.
    static func count(_ trace: Trace) -> Int {
        trace.events.reduce(0) { $0 + (Step.isStep($1.kind) ? 1 : 0) }
    }

    /// The 0-based index of step `number`, or an error naming the valid range.
    static func index(of number: Int, in trace: Trace) throws -> Int {
        let count = count(trace)
        guard count > 0 else { throw CLIError("this run has no steps to show.", code: 2) }
        guard number >= 1 && number <= count else {
            throw CLIError("there is no step \(number): steps are numbered 1 to \(count) (see `loopscope explain`).",
                           code: 2)
        }
        return number - 1
    }
}
