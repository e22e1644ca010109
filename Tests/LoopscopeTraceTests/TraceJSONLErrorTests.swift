import Testing
import LoopscopeTrace

/// Malformed inputs and where the decoder says the problem is. Columns were counted by
/// hand from the inputs below (1-based, in characters).
@Suite("JSON Lines decoding errors")
struct TraceJSONLErrorTests {
    static let header = #"{"format":"loopscope-trace","version":1,"program":{"id":"x","title":"X"}}"#
    static let file = #"{"file":0,"path":"a.swift","text":"a\nb\n"}"#

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var input: [UInt8]
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { name }

        init(_ name: String, _ text: String, _ line: Int, _ column: Int, _ message: String) {
            self.init(name, Array(text.utf8), line, column, message)
        }

        init(_ name: String, _ bytes: [UInt8], _ line: Int, _ column: Int, _ message: String) {
            self.name = name
            input = bytes
            self.line = line
            self.column = column
            self.message = message
        }
    }

    static let h = header + "\n"
    static let cases: [Case] = [
        Case("empty file", "", 1, 1, "empty trace: expected the header line"),
        Case("blank lines only", "\n  \n", 1, 1, "empty trace"),
        Case("missing header", #"{"t":0,"kind":"started","task":0}"#, 1, 1, "missing trace header"),
        Case("not JSON", "hello\n", 1, 1, "missing trace header"),
        Case("unknown version", #"{"format":"loopscope-trace","version":3,"program":{}}"#, 1, 39,
             "unsupported trace version 3; this loopscope reads versions 1 to 2 — re-record the trace with this loopscope"),
        Case("unknown language", #"{"format":"loopscope-trace","version":2,"program":{"id":"x","title":"X","language":"ruby"}}"#,
             1, 84, "expected \"language\" as \"swift\" or \"python\""),
        Case("unknown clock", #"{"format":"loopscope-trace","version":2,"program":{"id":"x","title":"X","clock":1}}"#,
             1, 81, "expected \"clock\" as \"virtual\" or \"real\""),
        Case("label on a printed line", h + #"{"kind":"printed","stream":"stdout","label":"x"}"#, 2, 37,
             "field \"label\" does not belong in a printed event"),
        Case("other format", #"{"format":"other","version":1}"#, 1, 11, "not a loopscope trace"),
        Case("header without program", #"{"format":"loopscope-trace","version":1}"#, 1, 1,
             "the header has no \"program\""),
        Case("truncated line", h + #"{"t":1,"kind":"started""# + "\n", 2, 24,
             "expected ',' or '}' after a field, found the end of the line"),
        Case("truncated input", h + #"{"t":1,"kind":"#, 2, 15, "expected an event kind in quotes, found the end of the input"),
        Case("bad escape", h + #"{"t":0,"kind":"printed","text":"a\qb","stream":"stdout"}"#, 2, 34,
             "invalid escape '\\q'"),
        Case("short unicode escape", h + #"{"t":0,"kind":"printed","text":"\u12","stream":"stdout"}"#, 2, 33,
             "expected four hex digits after \\u"),
        Case("unpaired surrogate", h + #"{"t":0,"kind":"printed","text":"\ud83d","stream":"stdout"}"#, 2, 33,
             "unpaired surrogate"),
        Case("line ends inside a string", h + #"{"t":0,"kind":"printed","text":"abc"# + "\n", 2, 32,
             "the line ended inside a string"),
        Case("invalid UTF-8", Array((h + #"{"t":0,"kind":"printed","text":""#).utf8) + [0xFF]
             + Array(#"","stream":"stdout"}"#.utf8), 2, 32, "invalid UTF-8 in a string"),
        Case("time as a string", h + #"{"t":"0","kind":"started","task":0}"#, 2, 6,
             "expected \"t\" (the time in seconds) as a number, found '\"'"),
        Case("too many decimals", h + #"{"t":0.0000000001,"kind":"shutdown","pending":0}"#, 2, 6,
             "more than 9 decimals"),
        Case("time with exponent", h + #"{"t":1e3,"kind":"shutdown","pending":0}"#, 2, 6, "without an exponent"),
        Case("time too large", h + #"{"t":9223372037,"kind":"shutdown","pending":0}"#, 2, 6, "out of range"),
        Case("integer too large", h + #"{"t":0,"kind":"shutdown","pending":99999999999999999999}"#, 2, 36,
             "\"pending\" is out of range"),
        Case("fractional id", h + #"{"t":0,"kind":"started","task":1.5}"#, 2, 32, "a task id as a whole number"),
        Case("unknown kind", h + #"{"t":0,"kind":"strated","task":0}"#, 2, 15, "unknown event kind \"strated\""),
        Case("unknown field", h + #"{"t":0,"kind":"started","task":0,"colour":1}"#, 2, 34, "unknown field \"colour\""),
        Case("duplicate field", h + #"{"t":0,"t":1,"kind":"shutdown","pending":0}"#, 2, 8, "duplicate field \"t\""),
        Case("conflicting fields", h + #"{"t":0,"kind":"suspended","task":0,"wait":"task","until":1,"count":2}"#,
             2, 60, "field \"count\" cannot be given together with \"until\""),
        Case("field in the wrong kind", h + #"{"t":0,"kind":"clockJump","from":0,"wait":"sleep"}"#, 2, 36,
             "field \"wait\" does not belong in a clockJump event"),
        Case("unknown reason word", h + #"{"t":0,"kind":"printed","stream":"stdin"}"#, 2, 34,
             "unknown stream \"stdin\"; expected stdout or stderr"),
        Case("missing mode is normal, missing wait is not", h + #"{"kind":"suspended","task":0,"count":1}"#, 2, 39,
             "missing field \"wait\" in a suspended event"),
        Case("missing timer", h + #"{"t":0,"kind":"timerAdded","due":1,"purpose":"sleep"}"#, 2, 53,
             "missing field \"timer\" in a timerAdded event"),
        Case("missing reason", h + #"{"t":0,"kind":"printed","text":"hi"}"#, 2, 36,
             "missing field \"stream\" in a printed event"),
        Case("task out of range", h + #"{"t":0,"kind":"started","task":3}"#, 2, 32, "task 3 is not defined here"),
        Case("creator out of range", h + #"{"t":0,"kind":"created","task":0,"name":"T","lane":"task","by":4,"label":"m"}"#,
             2, 64, "task 4 is not defined"),
        Case("site file out of range",
             h + file + "\n" + #"{"t":0,"kind":"created","task":0,"name":"T","lane":"task","label":"m","at":"1:3"}"#,
             3, 76, "file 1 is not defined (there are 1 files)"),
        Case("raw site out of range", h + #"{"t":0,"kind":"shutdown","pending":0,"site":2}"#, 2, 45,
             "site 2 is not defined"),
        Case("raw string out of range", h + #"{"t":0,"kind":"completed","task":-1,"value":0}"#, 2, 45,
             "string 0 is not defined"),
        Case("declaration out of order", h + #"{"file":1,"path":"a","text":""}"#, 2, 9,
             "file 1 is declared out of order; the next file is 0"),
        Case("neither event nor declaration", h + #"{"path":"a"}"#, 2, 1, "expected an event"),
        Case("second header", h + header, 2, 11, "a second header"),
        Case("text after the object", h + #"{"t":0,"kind":"shutdown","pending":0} x"#, 2, 39,
             "expected the end of the line after '}', found 'x'"),
        Case("not an object", h + "[1,2]", 2, 1, "expected '{' to start a line, found '['"),
        Case("columns count characters", h + #"{"t":0,"kind":"printed","text":"日本","stream":"stdout","x":1}"#,
             2, 55, "unknown field \"x\""),
    ]

    @Test(arguments: cases)
    func reportsLineColumnAndWhatWasExpected(_ c: Case) {
        do {
            let trace = try TraceJSONL.decode(c.input, sourceName: "t.jsonl")
            Issue.record("decoded without error: \(trace.events.count) events")
        } catch {
            #expect(error.sourceName == "t.jsonl")
            #expect(error.line == c.line)
            #expect(error.column == c.column)
            #expect(error.message.contains(c.message), "message was: \(error.message)")
            #expect(error.description == "t.jsonl:\(c.line):\(c.column): \(error.message)")
        }
    }

    @Test func theDescriptionNamesFileLineAndColumn() {
        let input = Self.h + #"{"t":1,"kind":"started""# + "\n"
        #expect(throws: TraceFormatError(sourceName: "trace.jsonl", line: 2, column: 24,
                                         message: "expected ',' or '}' after a field, found the end of the line")) {
            try TraceJSONL.decode(input, sourceName: "trace.jsonl")
        }
    }

    @Test func aPythonReferenceTraceIsRefusedAsMissingTheHeader() {
        let line = #"{"t": 0.0, "kind": "meta", "case": "seed000_fetch_url", "mode": "trace"}"#
        #expect(throws: TraceFormatError.self) { try TraceJSONL.decode(line) }
        do { _ = try TraceJSONL.decode(line) } catch {
            #expect(error.line == 1 && error.column == 1)
            #expect(error.message.hasPrefix("missing trace header"))
        }
    }

    @Test func spacesBetweenTokensAndBlankLinesAreAccepted() throws {
        let text = "  { \"format\" : \"loopscope-trace\" , \"version\" : 1 , \"program\" : { \"id\" : \"x\" , \"title\" : \"X\" } }\r\n\n"
            + "{ \"t\" : 0.5 , \"kind\" : \"shutdown\" , \"pending\" : 0 }\n\n"
        let trace = try TraceJSONL.decode(text)
        #expect(trace.events == [TraceEvent(kind: .shutdown, time: VirtualTime(nanoseconds: 500_000_000))])
    }

    /// Blank lines before the header too, as the format document says; the lines after keep
    /// their numbers in errors. (Before, the header was looked for on the first line only.)
    @Test func blankLinesBeforeTheHeaderAreAccepted() throws {
        let header = "{\"format\":\"loopscope-trace\",\"version\":2,\"program\":{\"id\":\"x\",\"title\":\"X\"}}\n"
        let event = "{\"t\":0.5,\"kind\":\"shutdown\",\"pending\":0}\n"
        for blanks in ["\n", "\n\n", " \r\n\t\n", "\u{FEFF}\n"] {
            let trace = try TraceJSONL.decode(blanks + header + event)
            #expect(trace.events == [TraceEvent(kind: .shutdown, time: VirtualTime(nanoseconds: 500_000_000))],
                    "\(blanks.debugDescription)")
        }
        let error = #expect(throws: TraceFormatError.self) {
            _ = try TraceJSONL.decode("\n\n" + header + "{\"t\":1,\"kind\":\n")
        }
        #expect(error?.line == 4 && error?.column == 15, "\(String(describing: error))")
    }

    /// Every prefix of a real file and every single-byte corruption of it either decodes or
    /// throws a `TraceFormatError`; nothing traps.
    @Test func truncatedAndCorruptedInputsNeverCrash() {
        let bytes = TraceJSONL.encodeBytes(Fixtures.everything())
        var failures = 0
        for n in stride(from: 0, to: bytes.count, by: 7) {
            if (try? TraceJSONL.decode(Array(bytes[..<n]))) == nil { failures += 1 }
        }
        var rng = SplitMix64(seed: 9)
        let junk: [UInt8] = [0x00, 0x0A, 0x22, 0x5C, 0x7B, 0x7D, 0x2C, 0x3A, 0x2D, 0x39, 0xFF, 0xC3, 0x75, 0x20]
        for _ in 0..<3_000 {
            var copy = bytes
            copy[rng.below(copy.count)] = junk[rng.below(junk.count)]
            if (try? TraceJSONL.decode(copy)) == nil { failures += 1 }
        }
        #expect(failures > 0)
    }
}
