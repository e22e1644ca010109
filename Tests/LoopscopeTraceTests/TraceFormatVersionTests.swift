import Testing
import LoopscopeTrace

/// Version 2 of the trace format: what it adds, and that version 1 files still read.
@Suite("Trace format versions")
struct TraceFormatVersionTests {
    static let v1 = """
        {"format":"loopscope-trace","version":1,"program":{"id":"nap","title":"Nap","origin":"","note":"","claims":[]}}
        {"file":0,"path":"demos/Nap.swift","text":"a\\nb\\n"}
        {"seq":0,"t":0,"kind":"created","task":0,"name":"Task-1","lane":"task","label":"main()","at":"0:2"}
        {"seq":1,"t":0,"kind":"scheduled","task":0,"why":"created"}
        {"seq":2,"t":0,"kind":"started","task":0}
        {"seq":3,"t":0,"kind":"timerAdded","task":0,"purpose":"sleep","timer":0,"due":1}
        {"seq":4,"t":0,"kind":"suspended","task":0,"wait":"sleep","until":1,"at":"0:1"}
        {"seq":5,"t":1,"kind":"clockJump","from":0}
        {"seq":6,"t":1,"kind":"timerFired","task":0,"purpose":"sleep","timer":0,"due":1}
        {"seq":7,"t":1,"kind":"callbackRan","handle":0,"label":"wake"}
        {"seq":8,"t":1,"kind":"scheduled","task":0,"why":"timer","by":0}
        {"seq":9,"t":1,"kind":"resumed","task":0,"mode":"normal"}
        {"seq":10,"t":1,"kind":"completed","task":0,"result":"None"}
        {"seq":11,"t":1,"kind":"finished","outcome":"ok","message":""}

        """

    @Test func aVersion1FileReadsAndIsRewrittenAsVersion2() throws {
        let trace = try TraceJSONL.decode(Self.v1, sourceName: "v1.jsonl")
        #expect(trace.events.count == 12)
        #expect(trace.program.language == nil && trace.program.clock == nil && trace.program.engine.isEmpty)
        #expect(trace.validate().isEmpty)
        let v2 = TraceJSONL.encode(trace)
        #expect(v2.hasPrefix(#"{"format":"loopscope-trace","version":2,"#))
        // Same trace, fewer bytes: times and normal modes left out where v2 allows.
        #expect(v2.utf8.count < Self.v1.utf8.count)
        #expect(!v2.contains(#""mode":"normal""#))
        #expect(try TraceJSONL.decode(v2) == trace)
    }

    @Test func anOmittedTimeIsThePreviousEventsTime() throws {
        let text = """
            {"format":"loopscope-trace","version":2,"program":{"id":"x","title":"X"}}
            {"kind":"created","task":0,"name":"Task-1","lane":"task","label":"main()"}
            {"t":2.5,"kind":"scheduled","task":0,"why":"created"}
            {"kind":"started","task":0}
            {"kind":"resumed","task":0}
            """
        let trace = try TraceJSONL.decode(text)
        #expect(trace.events.map(\.time.nanoseconds) == [0, 2_500_000_000, 2_500_000_000, 2_500_000_000])
        #expect(trace.events[3].resumeMode == .normal)
    }

    @Test func headerFieldsAndWaitLabelsRoundTrip() throws {
        var b = TraceBuilder(program: ProgramInfo(id: "p", title: "P", language: .python,
                                                  engine: "CPython 3.11.7", clock: .real))
        let f = b.file(path: "p.py", text: "import asyncio\n")
        let main = b.addTask(TaskInfo(name: "Task-1", label: "main()"))
        b.append(TraceEvent(kind: .created, time: .zero, task: main, value: Int64(b.intern("main()"))))
        b.append(TraceEvent(kind: .suspended, time: .zero, task: main, value: 1,
                            site: b.site(file: f, line: 1), reason: WaitReason.queueGet.rawValue))
        b.labelLastWait("queue.get()")
        b.append(TraceEvent(kind: .suspended, time: VirtualTime(nanoseconds: 5), task: main, value: 1,
                            reason: WaitReason.event.rawValue))
        let trace = b.build()
        let text = TraceJSONL.encode(trace)
        #expect(text.hasPrefix(#"{"format":"loopscope-trace","version":2,"program":{"id":"p","title":"P","origin":"","note":"","claims":[],"language":"python","engine":"CPython 3.11.7","clock":"real"}}"#))
        #expect(text.contains(#"{"seq":1,"kind":"suspended","task":0,"wait":"queueGet","count":1,"label":"queue.get()","at":"0:1"}"#))
        let back = try TraceJSONL.decode(text)
        #expect(back == trace)
        #expect(back.waitLabel(ofEvent: 1) == "queue.get()")
        #expect(back.waitLabel(ofEvent: 2) == nil)
        #expect(TraceJSONL.encode(back) == text)
    }
}

/// The additions the Python recorder asked for (recorder/INTERFACE.md, e–g).
@Suite("Trace format version 2: compact lines")
struct TraceFormatCompactTests {
    static let head = """
        {"format":"loopscope-trace","version":2,"program":{"id":"y","title":"Y","language":"python"}}
        {"file":0,"path":"y.py","text":"import asyncio\\n"}
        {"seq":0,"kind":"created","task":0,"name":"Task-1","lane":"task","label":"main()"}
        {"seq":1,"kind":"scheduled","task":0,"why":"created"}
        {"seq":2,"kind":"started","task":0}

        """

    @Test func aYieldedLineIsASuspensionAndARescheduling() throws {
        let text = Self.head + """
            {"seq":3,"t":0.5,"kind":"yielded","task":0,"at":"0:1","label":"sleep(0)"}
            {"seq":5,"kind":"resumed","task":0}
            {"seq":6,"kind":"yielded","task":0}
            {"seq":8,"kind":"resumed","task":0}
            """
        let trace = try TraceJSONL.decode(text)
        let kinds = trace.events.map(\.kind)
        #expect(kinds == [.created, .scheduled, .started, .suspended, .scheduled, .resumed,
                          .suspended, .scheduled, .resumed])
        #expect(trace.events[3].waitReason == .yield && trace.events[3].value == 0)
        #expect(trace.events[3].time == VirtualTime(nanoseconds: 500_000_000))
        #expect(trace.siteLabel(trace.events[3].site) == "y.py:1")
        #expect(trace.events[4].wakeReason == .yielded && trace.events[4].time == trace.events[3].time)
        #expect(trace.waitLabel(ofEvent: 3) == "sleep(0)")
        #expect(trace.waitLabel(ofEvent: 6) == nil)
        #expect(trace.validate().isEmpty)
        // Written back as the two events it stands for, and read again the same.
        #expect(try TraceJSONL.decode(TraceJSONL.encode(trace)) == trace)
    }

    @Test func aYieldedLineCountsTwoInTheSequence() {
        let text = Self.head + #"{"seq":3,"kind":"yielded","task":0}"# + "\n" + #"{"seq":4,"kind":"resumed","task":0}"#
        #expect(throws: TraceFormatError.self) { try TraceJSONL.decode(text) }
        let extra = Self.head + #"{"seq":3,"kind":"yielded","task":0,"wait":"yield"}"#
        do {
            _ = try TraceJSONL.decode(extra)
            Issue.record("a yielded line with a wait field was accepted")
        } catch {
            #expect(error.message == "field \"wait\" does not belong in a yielded line")
        }
    }

    @Test func aCountOfZeroMayBeLeftOutButNotASleepsDeadline() throws {
        let trace = try TraceJSONL.decode(Self.head + #"{"seq":3,"kind":"suspended","task":0,"wait":"event"}"#)
        #expect(trace.events[3].value == 0)
        #expect(!TraceJSONL.encode(trace).contains(#""count""#))
        #expect(throws: TraceFormatError.self) {
            try TraceJSONL.decode(Self.head + #"{"seq":3,"kind":"suspended","task":0,"wait":"sleep"}"#)
        }
    }

    @Test func callLaterTimersHaveTheirOwnPurpose() throws {
        let trace = try TraceJSONL.decode(Self.head
            + #"{"seq":3,"kind":"timerAdded","task":0,"purpose":"callback","timer":0,"due":1}"#)
        #expect(trace.events[3].timerPurpose == .callback)
    }
}
