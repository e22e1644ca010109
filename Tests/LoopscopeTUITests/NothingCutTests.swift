import LoopscopeDemos
import LoopscopePython
import LoopscopeRender
import LoopscopeTimeline
import LoopscopeTrace
@testable import LoopscopeTUI
import Testing

/// Nothing on the player's screen is cut without a sign. Every demo (its Swift port and, when
/// python3 is installed, its Python original recorded on CPython) is drawn at 80×24 and
/// 100×30 at every step (every few steps in long runs); each pane's drawn text is read back
/// from the grid and compared with the text the pane means to show: the printed lines, the
/// source file's lines, the step's narration, the title. Each must be drawn whole (wrapped
/// rows joined back) or end in `…`.
@Suite struct NothingCutTests {
    static let sizes = [TerminalSize(width: 80, height: 24), TerminalSize(width: 100, height: 30)]
    static let ellipsis = "…"
    static let mark = "↪"

    static func pythonTrace(_ demo: Demo) -> Trace? {
        guard (try? PythonRecorder.interpreter()) != nil, let name = demo.pythonFileName else { return nil }
        return try? PythonRecorder.record(source: demo.pythonSource ?? "", fileName: name,
                                          displayPath: demo.pythonPath ?? name).trace
    }

    @Test(arguments: DemoCatalog.all.map(\.id))
    func everyPaneSaysWhenItCuts(_ id: String) throws {
        let demo = try #require(DemoCatalog.named(id))
        var traces = [demo.record().trace]
        if let python = Self.pythonTrace(demo) { traces.append(python) }
        for trace in traces {
            let timeline = Timeline(trace: trace)
            let count = timeline.steps.count
            let stride = max(1, count / 40)
            let steps = Array(Swift.stride(from: 0, to: count, by: stride)) + [count - 1]
            for size in Self.sizes {
                for step in steps {
                    let state = AppState(timeline: timeline, options: PlayerOptions(startStep: step), size: size)
                    let where_ = "\(id) (\(trace.program.language.map { "\($0)" } ?? "swift")) at \(size), step \(step + 1)"
                    let grid = view(state)
                    checkOutput(state, grid, where_)
                    checkSource(state, grid, where_)
                    checkNarration(state, grid, where_)
                    checkStatus(state, grid, where_)
                    checkLoop(state, grid, where_)
                }
                checkPredictEnd(timeline, size: size, "\(id) predict end box at \(size)")
                checkHelp(timeline, size: size, "\(id) help at \(size)")
                checkAbout(timeline, size: size, "\(id) about box at \(size)")
            }
        }
    }

    // MARK: - Reading panes back

    /// The rows of `rect` below its title rule, trailing blanks dropped.
    func rows(_ grid: Grid, _ rect: Rect, from x: Int? = nil) -> [String] {
        (rect.y + 1..<rect.maxY).map { y in
            var line = ""
            for col in (x ?? rect.x)..<rect.maxX where !grid[col, y].isContinuation {
                line.append(grid[col, y].character)
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    func squeeze(_ s: some StringProtocol) -> String { String(s.filter { $0 != " " }) }

    /// Whether `drawn` is `intended` whole, or a prefix of it ending in the ellipsis (spaces
    /// ignored: wrapping moves them).
    func whole(_ drawn: String, _ intended: String) -> Bool {
        let d = squeeze(drawn), i = squeeze(intended)
        if d == i { return true }
        if d.hasSuffix(Self.ellipsis) && i.hasPrefix(String(d.dropLast())) { return true }
        // Word by word: a word too wide for its line may be cut, with the ellipsis.
        let dw = drawn.split(separator: " "), iw = intended.split(separator: " ")
        guard dw.count <= iw.count else { return false }
        for (d, i) in zip(dw, iw) where d != i {
            guard d.hasSuffix(Self.ellipsis), i.hasPrefix(d.dropLast()) else { return false }
        }
        return dw.count == iw.count || (dw.last?.hasSuffix(Self.ellipsis) ?? false)
    }

    func checkOutput(_ state: AppState, _ grid: Grid, _ where_: String) {
        let rect = state.layout.output
        let count = state.loop.outputCount
        guard count > 0 else { return }
        let trace = state.timeline.trace
        let intended = (0..<count).map { i in
            Sanitizer.line(trace.text(of: trace.events[Int(state.timeline.output[i].event)]) ?? "")
        }
        // Group rows into printed lines: a row starting with the continuation mark goes on
        // the line above.
        var groups: [(text: String, startsContinued: Bool)] = []
        for row in rows(grid, rect, from: rect.x + 1) {
            if row.hasPrefix(Self.mark) {
                let rest = String(row.dropFirst())
                if groups.isEmpty { groups.append((rest, true)) } else { groups[groups.count - 1].text += rest }
            } else if !row.isEmpty || groups.count < count {
                groups.append((row, false))
            }
        }
        while let last = groups.last, last.text.isEmpty, groups.count > 1 { groups.removeLast() }
        let expected = intended.suffix(groups.count)
        for (g, line) in zip(groups, expected) {
            if g.startsContinued {
                #expect(squeeze(line).hasSuffix(squeeze(g.text)), "\(where_): output row \(g.text) is not the end of \(line)")
            } else {
                #expect(whole(g.text, line), "\(where_): output line drawn as \"\(g.text)\", printed \"\(line)\"")
            }
        }
    }

    func checkSource(_ state: AppState, _ grid: Grid, _ where_: String) {
        let rect = state.layout.source
        let title = grid.row(rect.y)
        let files = state.timeline.trace.files
        guard let file = files.first(where: { f in
            let name = f.path.split(separator: "/").last.map(String.init) ?? f.path
            return title.contains(" \(name):") || title.contains(" \(name) ")
        }) else { return }
        let lines = file.lines
        let numberWidth = String(lines.count).count
        let textX = rect.x + 2 + numberWidth
        var drawn: [(number: Int, text: String)] = []
        for y in rect.y + 1..<rect.maxY {
            var numberText = ""
            for col in rect.x + 1..<rect.x + 1 + numberWidth { numberText.append(grid[col, y].character) }
            // A continuation row: no number, the mark just before the text.
            let continued = numberText.trimmingSpaces.isEmpty && grid[textX - 1, y].character == Character(Self.mark)
            var text = ""
            for col in textX..<rect.maxX where !grid[col, y].isContinuation { text.append(grid[col, y].character) }
            if let n = Int(numberText.trimmingSpaces) {
                drawn.append((n, text))
            } else if continued, !drawn.isEmpty {
                drawn[drawn.count - 1].text += text
            }
        }
        for (n, text) in drawn where n >= 1 && n <= lines.count {
            let line = Sanitizer.line(String(lines[n - 1]))
            #expect(whole(text, line), "\(where_): source line \(n) drawn as \"\(text.trimmingSpaces)\", is \"\(line)\"")
        }
    }

    func checkNarration(_ state: AppState, _ grid: Grid, _ where_: String) {
        let rect = state.layout.narration
        let drawn = rows(grid, rect, from: rect.x + 1).joined(separator: " ")
        let intended = Narration.sentence(for: state.step, in: state.timeline, foretell: !state.hidesFuture)
        #expect(whole(drawn, intended), "\(where_): narration drawn as \"\(drawn)\", is \"\(intended)\"")
    }

    func checkStatus(_ state: AppState, _ grid: Grid, _ where_: String) {
        let program = state.timeline.trace.program
        let title = Sanitizer.line(program.title)
        let row = grid.row(0)
        let shown = row.contains(title) || row.contains(Self.ellipsis)
        #expect(shown, "\(where_): the status bar cuts the title without a sign: \(row)")
    }

    /// Every task in the ready queue and among the timers is named in the loop pane, or the
    /// pane says it left some out.
    func checkLoop(_ state: AppState, _ grid: Grid, _ where_: String) {
        let rect = state.layout.loop
        let text = rows(grid, rect).joined(separator: " ")
        guard !text.contains(Self.ellipsis) else { return }
        let loop = state.loop
        let names = loop.readyQueue.filter { $0.kind == .taskStep }.map(\.task) + loop.timers.map(\.task).filter { $0 >= 0 }
        for task in names {
            let name = state.timeline.taskName(task)
            #expect(squeeze(text).contains(squeeze(name)), "\(where_): the loop pane leaves out \(name) without a sign")
        }
    }

    /// The end of predict mode shows every line of its summary, or ends in the ellipsis.
    func checkPredictEnd(_ timeline: Timeline, size: TerminalSize, _ where_: String) {
        var state = AppState(timeline: timeline, options: PlayerOptions(predict: true), size: size)
        state = reduce(state, .last)
        #expect(state.predict.showSummary)
        let text = squeeze(view(state).text())
        guard !text.contains(Self.ellipsis) else { return }
        for (line, _) in Overlays.summaryLines(state.predict, width: 56, ellipsis: Self.ellipsis) {
            for word in line.split(separator: " ") {
                #expect(text.contains(squeeze(word)), "\(where_): \"\(word)\" is missing, and nothing says so")
            }
        }
    }

    /// Every key's meaning in the help box reads whole, or the box says it left some out.
    func checkHelp(_ timeline: Timeline, size: TerminalSize, _ where_: String) {
        var state = AppState(timeline: timeline, options: PlayerOptions(), size: size)
        state = reduce(state, .toggleHelp)
        let text = squeeze(view(state).text())
        let cut = text.contains(Self.ellipsis)
        // Wrapped meanings break across rows with the box's frame between: compare word by word.
        for (key, meaning) in helpMeanings() {
            for word in meaning.split(separator: " ") where !cut {
                #expect(text.contains(squeeze(word)), "\(where_): \(key): \"\(word)\" of \"\(meaning)\" is missing")
            }
        }
    }

    func helpMeanings() -> [(String, String)] { Overlays.helpLines(ascii: false) }

    /// The about box shows the whole teaching note, or ends in the ellipsis.
    func checkAbout(_ timeline: Timeline, size: TerminalSize, _ where_: String) {
        var state = AppState(timeline: timeline, options: PlayerOptions(), size: size)
        state = reduce(state, .toggleAbout)
        let grid = view(state)
        let text = squeeze(grid.text())
        guard !text.contains(Self.ellipsis) else { return }
        let program = timeline.trace.program
        for part in [program.note] + program.claims.flatMap({ [$0.article, $0.actual] }) {
            for word in Sanitizer.line(part).split(separator: " ") {
                #expect(text.contains(squeeze(word)), "\(where_): \"\(word)\" is missing, and nothing says so")
            }
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
