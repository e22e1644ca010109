/// Predict mode's state: the question being asked, the last answer revealed, the score.
///
/// Questions are asked when stepping forward into a step that starts or resumes a task
/// (which ready task runs next?) or prints a line (what prints next?), once per step.
/// Stepping back never asks.
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

    public init(enabled: Bool) {
        self.enabled = enabled
        question = nil
        reveal = nil
        asked = 0
        correct = 0
        answeredSteps = []
        showSummary = false
    }
}

/// A multiple-choice question about the next step.
public struct Question: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// Which ready task runs next?
        case nextTask
        /// What is printed next?
        case nextOutput
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
}

/// What happened to an answer.
public struct Reveal: Equatable, Sendable {
    public var question: Question
    public var chosen: Int
    public var isCorrect: Bool { chosen == question.answer }
}
