import LoopscopeTimeline
import LoopscopeTrace
import LoopscopeTUI
import Testing

/// Predict mode on the hand-built traces.
@Suite struct PredictTests {
    let timeline = Timeline(trace: HandTraces.fetch)

    /// Steps forward until a question is asked (or the end).
    func untilQuestion(_ s: AppState) -> AppState {
        var s = s
        var guardCount = 0
        while s.predict.question == nil && s.step + 1 < s.stepCount && guardCount < 1000 {
            s = reduce(s, .stepForward)
            guardCount += 1
        }
        return s
    }

    @Test func asksWhichTaskRunsNextAmongTheReadyOnes() throws {
        var s = AppState(timeline: timeline, options: PlayerOptions(predict: true), size: .minimum)
        s = untilQuestion(s)
        let printQuestion = try #require(s.predict.question)
        #expect(printQuestion.kind == .nextOutput, "main prints before it first awaits")
        s = reduce(s, .answer(printQuestion.answer))
        s = untilQuestion(s)
        let q = try #require(s.predict.question)
        #expect(q.kind == .nextTask)
        #expect(q.choices.count == 2)
        #expect(q.choices[q.answer].hasPrefix("Task-2"), "the front of the ready queue runs first")
        let before = s.step
        s = reduce(s, .stepForward)
        #expect(s.step == before, "the step waits for an answer")
        s = reduce(s, .answer(q.answer))
        #expect(s.step == q.step)
        #expect(s.predict.correct == 2 && s.predict.asked == 2)
        #expect(s.predict.reveal?.isCorrect == true)
        #expect(view(s).text().contains("Right:"))
    }

    @Test func aWrongAnswerIsRevealedAndScored() throws {
        var s = AppState(timeline: timeline, options: PlayerOptions(predict: true), size: .minimum)
        s = untilQuestion(s)
        let q = try #require(s.predict.question)
        let wrong = (q.answer + 1) % q.choices.count
        s = reduce(s, .answer(wrong))
        #expect(s.predict.correct == 0 && s.predict.asked == 1)
        #expect(view(s).text().contains("Not quite"))
        s = reduce(s, .stepBack)
        s = reduce(s, .stepForward)
        #expect(s.predict.question == nil, "a step is asked about once")
    }

    @Test func asksWhatPrintsNextWithDeterministicChoices() throws {
        let trace = HandTraces.workers
        let tl = Timeline(trace: trace)
        var s = AppState(timeline: tl, options: PlayerOptions(predict: true), size: .minimum)
        var outputQuestion: Question?
        for _ in 0..<200 {
            s = untilQuestion(s)
            guard let q = s.predict.question else { break }
            if q.kind == .nextOutput { outputQuestion = q; break }
            s = reduce(s, .answer(q.answer))
        }
        let q = try #require(outputQuestion)
        #expect(q.choices.count >= 2)
        #expect(Set(q.choices).count == q.choices.count, "choices are distinct")
        let printed = trace.text(of: trace.events[Int(tl.steps[q.step].event)])!
        #expect(q.choices[q.answer] == Sanitizer.line(printed))
        // The same state asks the same question.
        var again = AppState(timeline: tl, options: PlayerOptions(predict: true, startStep: q.step - 1),
                             size: .minimum)
        again = reduce(again, .stepForward)
        #expect(again.predict.question == q)
    }

    @Test func skippingTogglingAndTheSummary() throws {
        var s = AppState(timeline: timeline, options: PlayerOptions(predict: true), size: .minimum)
        s = untilQuestion(s)
        let q = try #require(s.predict.question)
        s = reduce(s, .dismiss)
        #expect(s.step == q.step && s.predict.asked == 0, "Esc skips without scoring")
        s = reduce(s, .togglePredict)
        #expect(!s.predict.enabled)
        s = reduce(s, .togglePredict)
        #expect(s.predict.enabled)
        var answered = 0
        for _ in 0..<100 where s.step + 1 < s.stepCount {
            s = untilQuestion(s)
            if let q = s.predict.question {
                s = reduce(s, .answer(q.answer))
                answered += 1
            }
        }
        s = reduce(s, .stepForward)
        #expect(s.predict.asked == answered)
        if answered > 0 {
            #expect(s.predict.showSummary)
            #expect(view(s).text().contains("You answered \(answered) of \(answered) right"))
        }
    }
}
