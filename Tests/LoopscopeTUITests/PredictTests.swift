import LoopscopeDemos
import LoopscopeTimeline
import LoopscopeTrace
import LoopscopeTUI
import Testing

/// Predict mode: questions whose wrong choices are misconceptions, feedback that names
/// them, a score that remembers them, and a screen that does not tell the future.
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

    @Test func afterCreateTheCreatorCarriesOn() throws {
        var s = AppState(timeline: timeline, options: PlayerOptions(predict: true), size: .minimum)
        s = untilQuestion(s)
        let q = try #require(s.predict.question)
        #expect(q.kind == .afterCreate)
        #expect(q.text == "Task-1 just created Task-2. What runs next?")
        #expect(q.choices[q.answer].hasPrefix("Task-1 main() carries on"))
        let wrong = try #require(q.misconceptions.firstIndex(of: .createTaskRunsAtOnce))
        #expect(q.choices[wrong].hasPrefix("Task-2"))
        #expect(q.feedback(for: wrong).contains("You answered as if create_task ran the new task at once"))
        #expect(q.feedback(for: wrong).contains("create_task only puts Task-2 in the ready queue"))
    }

    @Test func whichTaskRunsNextOffersTheMisconceptionsAnswers() throws {
        var s = AppState(timeline: timeline, options: PlayerOptions(predict: true), size: .minimum)
        s = untilQuestion(s)
        s = reduce(s, .answer(try #require(s.predict.question).answer))
        s = untilQuestion(s)
        let q = try #require(s.predict.question)
        #expect(q.kind == .nextTask)
        #expect(q.choices[q.answer].hasPrefix("Task-2"), "the front of the ready queue runs first")
        let lifo = try #require(q.misconceptions.firstIndex(of: .lifoQueue))
        #expect(q.choices[lifo].hasPrefix("Task-3"), "LIFO would run the task queued last")
        let blocks = try #require(q.misconceptions.firstIndex(of: .awaitBlocksEverything))
        #expect(q.choices[blocks].hasPrefix("Task-1"), "await-blocks-all would wait for main")
        #expect(q.feedback(for: lifo).contains("Task-2 was queued before Task-3, and the ready queue is first in, first out"))
        #expect(q.feedback(for: blocks).contains("await suspends only Task-1 until Task-2 is done"))
        let before = s.step
        s = reduce(s, .stepForward)
        #expect(s.step == before, "the step waits for an answer")
        s = reduce(s, .answer(lifo))
        #expect(s.step == q.step)
        #expect(s.predict.correct == 1 && s.predict.asked == 2)
        #expect(s.predict.tripped == [.lifoQueue: 1])
        let text = view(s).text()
        #expect(text.contains("Not quite"))
        #expect(text.contains("LIFO") || text.contains("last in, first out"), "the feedback names the misconception")
        s = reduce(s, .stepBack)
        s = reduce(s, .stepForward)
        #expect(s.predict.question == nil, "a step is asked about once")
    }

    @Test func timersByDeadlineNotByCreation() throws {
        var s = AppState(timeline: timeline, options: PlayerOptions(predict: true), size: .minimum)
        var timerQuestion: Question?
        for _ in 0..<20 {
            s = untilQuestion(s)
            guard let q = s.predict.question else { break }
            if q.kind == .nextTimer { timerQuestion = q; break }
            s = reduce(s, .answer(q.answer))
        }
        let q = try #require(timerQuestion)
        #expect(q.choices[q.answer].hasPrefix("Task-3"), "B's 1 s timer fires before A's 3 s one")
        let wrong = try #require(q.misconceptions.firstIndex(of: .timersInCreationOrder))
        #expect(q.choices[wrong].hasPrefix("Task-2"))
        #expect(q.feedback(for: wrong).contains("Task-3's is due at 1 s, Task-2's (set earlier) at 3 s"))
    }

    @Test func theEndShowsTheScoreAndWhatTrippedTheStudent() throws {
        var s = AppState(timeline: timeline, options: PlayerOptions(predict: true), size: .minimum)
        var wrongAnswers = 0
        for _ in 0..<100 where s.step + 1 < s.stepCount {
            s = untilQuestion(s)
            if let q = s.predict.question {
                let wrong = q.misconceptions.firstIndex { $0 != nil }!
                s = reduce(s, .answer(wrongAnswers == 0 ? wrong : q.answer))
                wrongAnswers += 1
            }
        }
        s = reduce(s, .stepForward)
        #expect(s.predict.showSummary)
        let text = view(s).text()
        #expect(text.contains("You answered \(s.predict.correct) of \(s.predict.asked) right"))
        #expect(text.contains("create_task runs the task at once"), "the misconception that tripped")
    }

    @Test func skippingAndToggling() throws {
        var s = AppState(timeline: timeline, options: PlayerOptions(predict: true), size: .minimum)
        s = untilQuestion(s)
        let q = try #require(s.predict.question)
        s = reduce(s, .dismiss)
        #expect(s.step == q.step && s.predict.asked == 0, "Esc skips without scoring")
        s = reduce(s, .togglePredict)
        #expect(!s.predict.enabled)
        s = reduce(s, .togglePredict)
        #expect(s.predict.enabled)
    }

    /// In every demo, every question's wrong choices come from misconceptions and the right
    /// one is what happens next.
    @Test(arguments: DemoCatalog.all.map(\.id))
    func everyWrongChoiceIsAMisconception(_ id: String) throws {
        let demo = try #require(DemoCatalog.named(id))
        let tl = Timeline(trace: demo.record().trace)
        var s = AppState(timeline: tl, options: PlayerOptions(predict: true), size: .minimum)
        var n = 0
        while s.step + 1 < s.stepCount && n < 5000 {
            n += 1
            s = reduce(s, .stepForward)
            guard let q = s.predict.question else { continue }
            #expect(q.choices.count >= 2 && Set(q.choices).count == q.choices.count)
            for i in q.choices.indices {
                #expect((q.misconceptions[i] == nil) == (i == q.answer), "\(id) step \(q.step): \(q.choices[i])")
            }
            let happened = tl.steps[q.step]
            if q.kind == .nextTask {
                #expect(q.choices[q.answer].hasPrefix(tl.taskName(happened.task)))
            }
            s = reduce(s, .answer(q.answer))
        }
    }

    /// Before the end, nothing after the current step shows: no lane marks right of the
    /// cursor, no lane for a task not yet created, no "next the loop runs", no title or
    /// note that gives the order away.
    @Test func theScreenDoesNotTellTheFuture() throws {
        let demo = try #require(DemoCatalog.named("seed004-task-ordering"))
        let tl = Timeline(trace: demo.record().trace)
        let program = tl.trace.program
        var s = AppState(timeline: tl, options: PlayerOptions(predict: true), size: .minimum)
        var checked = 0
        while s.step + 1 < s.stepCount {
            s = reduce(s, .stepForward)
            if let q = s.predict.question { s = reduce(s, .answer(q.answer)) }
            guard s.step + 1 < s.stepCount else { break }
            let grid = view(reduce(s, .dismiss))
            let text = grid.text()
            #expect(!text.contains(program.title), "step \(s.step + 1): the title shows")
            #expect(!text.contains("Next the loop runs"), "step \(s.step + 1): the narration foretells")
            #expect(!grid.row(s.layout.main.y).contains("whole run"), "step \(s.step + 1): the lanes claim the whole run")
            let layout = s.layout
            let ruler = grid.row(layout.main.y + 1)
            let cursorX = try #require(Array(ruler).firstIndex(of: "▼"))
            for y in (layout.main.y + 2)..<(layout.main.maxY - 1) {
                let row = Array(grid.row(y))
                #expect(row[(cursorX + 1)...].allSatisfy { $0 == " " }, "step \(s.step + 1), row \(y) shows the future: \(String(row))")
            }
            let born = tl.lanes.filter { s.loop.status(ofTask: $0.task).state != nil }.count
            #expect(s.visibleLanes.count == born)
            checked += 1
        }
        #expect(checked > 10)
        s = reduce(s, .first)
        s = reduce(s, .toggleAbout)
        #expect(!view(s).text().contains(String(program.note.prefix(30))), "the teaching note waits for the end")
        s = reduce(s, .last)
        s = reduce(s, .dismiss)
        #expect(view(s).text().contains(String(program.title.prefix(13))), "at the end the title shows")
    }
}
