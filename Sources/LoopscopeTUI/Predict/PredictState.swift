/// Predict mode's state: the question being asked, the last answer revealed, the score.
///
/// Questions are asked when stepping forward into a step where a common misconception
/// (see `Misconception`) would predict something else, once per step. Stepping back never
/// asks. While predict mode is on and the run is not at its end, the screen shows nothing
/// after the current step (see `AppState.hidesFuture`).
public struct PredictState: Equatable, Sendable {
    public var enabled: Bool
    /// The question waiting for an answer; the step does not advance until it is answered.
    public var question: Question?
    /// The last answer, shown until the next step.
    public var reveal: Reveal?
    public var asked: Int
    public var correct: Int
    /// Steps whose question was answered (each step asks once).
    public var answeredSteps: Set<Int>
    /// Whether the end-of-run summary is shown.
    public var showSummary: Bool
    /// How often each misconception's answer was chosen.
    public var tripped: [Misconception: Int]

    public init(enabled: Bool) {
        self.enabled = enabled
        question = nil
        reveal = nil
        asked = 0
        correct = 0
        answeredSteps = []
        showSummary = false
        tripped = [:]
    }
}

/// A multiple-choice question about the next step.
public struct Question: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// Which task runs next, when control comes back to the loop?
        case nextTask
        /// A task was just created: does its creator carry on, or does the new task run?
        case afterCreate
        /// The loop is idle until a timer: whose fires first?
        case nextTimer
    }

    public var kind: Kind
    /// The step the answer is about (the one about to be taken).
    public var step: Int
    /// The question, e.g. `Which task runs next?`.
    public var text: String
    /// The choices, sanitized, at most nine.
    public var choices: [String]
    /// The index of the right choice.
    public var answer: Int
    /// For each choice, the misconception it comes from (nil for the right one).
    public var misconceptions: [Misconception?]
    /// For each choice, why the right answer is right, from the loop's state (for a wrong
    /// choice, said against what that misconception expects).
    public var explanations: [String]

    /// What to say after choice `i`: right, or which misconception it came from, then why.
    public func feedback(for i: Int) -> String {
        if i == answer { return "Right: \(choices[answer]). \(explanations[i])" }
        let why = misconceptions[i].map { "You answered as if \($0.belief). " } ?? ""
        return "Not quite: it is \(choices[answer]). \(why)\(explanations[i])"
    }
}

/// What happened to an answer.
public struct Reveal: Equatable, Sendable {
    public var question: Question
    public var chosen: Int
    public var isCorrect: Bool { chosen == question.answer }
}
