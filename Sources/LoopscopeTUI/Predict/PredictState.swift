/// Predict mode's state: the question being asked, the last answer revealed, the score.
///
/// Questions are asked when stepping forward into a step where a common misconception
/// (see `Misconception`) would predict something else, once per step. Stepping back never
/// asks. While predict mode is on and the run is not at its end, the screen shows nothing
/// after the current step (see `AppState.hidesFuture`).
package struct PredictState: Equatable, Sendable {
    package var enabled: Bool
    /// The question waiting for an answer; the step does not advance until it is answered.
    package var question: Question?
    /// The last answer, shown until the next step.
    package var reveal: Reveal?
    package var asked: Int
    package var correct: Int
    /// Steps whose question was answered (each step asks once).
    package var answeredSteps: Set<Int>
    /// Whether the end-of-run summary is shown.
    package var showSummary: Bool
    /// How often each misconception's answer was chosen.
    package var tripped: [Misconception: Int]

    package init(enabled: Bool) {
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
package struct Question: Equatable, Sendable {
    package enum Kind: Equatable, Sendable {
        /// Which task runs next, when control comes back to the loop?
        case nextTask
        /// A task was just created: does its creator carry on, or does the new task run?
        case afterCreate
        /// The loop is idle until a timer: whose fires first?
        case nextTimer
    }

    package var kind: Kind
    /// The step the answer is about (the one about to be taken).
    package var step: Int
    /// The question, e.g. `Which task runs next?`.
    package var text: String
    /// The choices, sanitized, at most nine.
    package var choices: [String]
    /// The index of the right choice.
    package var answer: Int
    /// For each choice, the misconception it comes from (nil for the right one).
    package var misconceptions: [Misconception?]
    /// For each choice, why the right answer is right, from the loop's state (for a wrong
    /// choice, said against what that misconception expects).
    package var explanations: [String]

    /// What to say after choice `i`: right, or which misconception it came from, then why.
    package func feedback(for i: Int) -> String {
        if i == answer { return "Right: \(choices[answer]). \(explanations[i])" }
        let why = misconceptions[i].map { "You answered as if \($0.belief). " } ?? ""
        return "Not quite: it is \(choices[answer]). \(why)\(explanations[i])"
    }
}

/// What happened to an answer.
package struct Reveal: Equatable, Sendable {
    package var question: Question
    package var chosen: Int
    package var isCorrect: Bool { chosen == question.answer }
}
