import LoopscopeRender
import LoopscopeTestSupport
import LoopscopeTimeline
import LoopscopeTrace
import LoopscopeTUI
import Testing

/// A task bound to a long name (`response_future_from_the_slow_server = create_task(…)`)
/// keeps its task number in the lane label at 80 columns: the bound name is cut, with the
/// ellipsis, not the `(Task-1)` after it.
@Suite struct LongBindingLabelTests {
    static let binding = "response_future_from_the_slow_server"

    static func timeline() throws -> Timeline {
        var script = SleepingTaskTrace()
        script.files = [#"{"file":0,"path":"slow.py","text":"\#(binding) = asyncio.create_task(main())\n    await asyncio.sleep(1)\n    await asyncio.sleep(2)\n    print(\"done\")\n"}"#]
        return Timeline(trace: try TraceJSONL.decode(script.jsonl, sourceName: "slow.jsonl"))
    }

    @Test(arguments: [80, 100])
    func theTaskNumberShowsBesideACutBinding(width: Int) throws {
        let timeline = try Self.timeline()
        #expect(timeline.bindings.first == Self.binding, "the source line binds the task")
        let state = AppState(timeline: timeline, options: PlayerOptions(), size: TerminalSize(width: width, height: 24))
        let grid = view(state)
        let labelWidth = Layout.laneLabelWidth(totalWidth: width)
        let label = String(grid.row(state.layout.main.y + 2).dropFirst().prefix(labelWidth - 1))
        #expect(label.contains("(Task-1)"), "the label \(label) shows the task number")
        #expect(label.hasPrefix("resp") && label.contains("… (Task-1)"), "the bound name is cut with the ellipsis: \(label)")
    }

    @Test func laneLabelsCutTheBoundNameOnly() {
        let name = Self.binding + " (Task-12)"
        let fitted = LaneLabels.fit([(name, "main()", Self.binding), ("Task-2", "main()", "")], width: 15, ellipsis: "…")
        #expect(fitted[0] == "resp… (Task-12)")
        #expect(fitted[1] == "Task-2 main()")
        // ASCII: a three-column ellipsis.
        let ascii = LaneLabels.fit([(name, "main()", Self.binding)], width: 15, ellipsis: "...")
        #expect(ascii == ["re... (Task-12)"])
        // A name that fits the column whole is not cut, even when its label has no room.
        let exact = LaneLabels.fit([("abc (Task-12)", "main()", "abc")], width: 13, ellipsis: "…")
        #expect(exact == ["abc (Task-12)"])
        // Without a binding the name is cut at its end, as before.
        #expect(LaneLabels.fit([("Thread-123456789 (job)", "", "")], width: 10, ellipsis: "…") == ["Thread-12…"])
    }
}
