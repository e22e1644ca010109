import Testing
@testable import LoopscopeTrace

@Suite("JSON Lines round trips")
struct TraceJSONLRoundTripTests {
    @Test func everyKindAndReasonComesBackEqual() throws {
        let trace = Fixtures.everything()
        let kinds = Set(trace.events.map(\.kind))
        #expect(kinds.count == EventKind.allCases.count)
        let text = TraceJSONL.encode(trace)
        let back = try TraceJSONL.decode(text)
        #expect(back == trace)
    }

    @Test func reEncodingIsByteIdentical() throws {
        for trace in [Fixtures.everything(), Fixtures.sleepyRun()] {
            let bytes = TraceJSONL.encodeBytes(trace)
            let again = TraceJSONL.encodeBytes(try TraceJSONL.decode(bytes))
            #expect(again == bytes)
            #expect(TraceJSONL.encodeBytes(trace) == bytes)
        }
    }

    @Test func eventsOutOfSequenceAreRejectedWithTheirLine() throws {
        var lines = TraceJSONL.encode(Fixtures.sleepyRun()).split(separator: "\n").map(String.init)
        lines.swapAt(3, 4)
        do {
            _ = try TraceJSONL.decode(lines.joined(separator: "\n"), sourceName: "t.jsonl")
            Issue.record("a swapped pair of events was accepted")
        } catch {
            #expect(error.line == 4)
            #expect(error.message.contains("event sequence number 2 where 1 was expected"))
        }
    }

    @Test func sleepyRunReadsAsDocumented() throws {
        let lines = TraceJSONL.encode(Fixtures.sleepyRun()).split(separator: "\n").map(String.init)
        #expect(lines[0] == #"{"format":"loopscope-trace","version":2,"program":{"id":"sleepy","title":"One sleep","origin":"","note":"","claims":[]}}"#)
        #expect(lines[1] == #"{"file":0,"path":"demos/Sleepy.swift","text":"a\nb\nc\nd\ne\n"}"#)
        // Version 2: "t" only when the time changes, the first event's only when not 0.
        #expect(lines[2] == #"{"seq":0,"kind":"created","task":0,"name":"Task-1","lane":"task","label":"main()","at":"0:5"}"#)
        #expect(lines.contains(#"{"seq":8,"kind":"suspended","task":1,"wait":"sleep","until":1,"at":"0:1"}"#))
        #expect(lines.contains(#"{"seq":9,"t":1,"kind":"clockJump","from":0}"#))
        #expect(lines.contains(#"{"seq":10,"kind":"timerFired","task":1,"purpose":"sleep","timer":0,"due":1}"#))
        // and "resumed" leaves out the normal mode.
        #expect(lines.contains(#"{"seq":13,"kind":"resumed","task":1}"#))
        #expect(lines.contains(#"{"seq":14,"kind":"printed","task":1,"stream":"stdout","text":"awake","at":"0:1"}"#))
    }
}

@Suite("JSON Lines spelling")
struct TraceJSONLSpellingTests {
    @Test func everyFieldKeyLiteralSpellsItsName() {
        for field in Field.allCases {
            #expect(field.separatedKey.description == ",\"\(field)\":")
        }
    }
}
