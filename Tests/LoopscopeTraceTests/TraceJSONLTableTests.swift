import Testing
@testable import LoopscopeTrace

/// Traces whose tables are not in first-use order (unused entries, duplicates, tasks that
/// no `created` event describes) still come back exactly, through declaration lines.
@Suite("JSON Lines tables")
struct TraceJSONLTableTests {
    @Test func unusedDuplicateAndOutOfOrderEntriesComeBack() throws {
        var trace = Trace(program: ProgramInfo(id: "t", title: "T"),
                          files: [SourceFile(path: "a", text: "x"), SourceFile(path: "b", text: "")],
                          sites: [SourceSite(file: 1, line: 9), SourceSite(file: 0, line: 1),
                                  SourceSite(file: 1, line: 9), SourceSite(file: 0, line: 4)],
                          tasks: [TaskInfo(name: "A", label: "a()"),
                                  TaskInfo(name: "B", label: "b()", kind: .thread, parent: 0),
                                  TaskInfo(name: "C", label: "not what created says", parent: 5),
                                  TaskInfo(name: "D", label: "d()", parent: -1)],
                          strings: ["unused", "b()", "hi", "hi", "a()", "x"])
        trace.events = [
            TraceEvent(kind: .created, time: .zero, task: 1, other: 0, value: 1, site: 2, reason: 1),
            TraceEvent(kind: .printed, time: .zero, task: 0, value: 3, site: 1),
            TraceEvent(kind: .printed, time: .zero, task: 0, value: 2, site: 0),
            TraceEvent(kind: .created, time: .zero, task: 2, other: 0, value: 4),
            TraceEvent(kind: .created, time: .zero, task: 0, value: 4),
        ]
        let text = TraceJSONL.encode(trace)
        let back = try TraceJSONL.decode(text)
        #expect(back == trace)
        #expect(TraceJSONL.encode(back) == text)
        #expect(text.contains(#"{"string":0,"text":"unused"}"#))
        #expect(text.contains(#"{"task":2,"name":"C","label":"not what created says","lane":"task","parent":5}"#))
        #expect(text.contains(#"{"task":3,"name":"D","label":"d()","lane":"task","parent":-1}"#))
    }

    @Test func builderTracesNeedNoDeclarations() {
        let text = TraceJSONL.encode(Fixtures.everything())
        for declaration in [#"{"string":"#, #"{"site":"#, #"{"task":"#] {
            #expect(!text.contains(declaration))
        }
    }

    @Test(arguments: 0..<40)
    func randomTracesRoundTrip(seed: Int) throws {
        let trace = Self.randomTrace(seed: UInt64(seed))
        let bytes = TraceJSONL.encodeBytes(trace)
        let back = try TraceJSONL.decode(bytes)
        #expect(back == trace)
        #expect(TraceJSONL.encodeBytes(back) == bytes)
    }

    /// Random tables (with repeats) and events whose ids are in range, raw reasons and
    /// values included: not a consistent run, a stress test for the codec.
    static func randomTrace(seed: UInt64) -> Trace {
        var rng = SplitMix64(seed: seed)
        let alphabet: [String] = ["a", "b", "\"", "\\", "\n", "\u{1}", "é", "日", "👩‍👩‍👧", " ", "\u{7F}", "{", ","]
        func word() -> String { (0..<rng.below(6)).map { _ in alphabet[rng.below(alphabet.count)] }.joined() }
        let files = (0..<1 + rng.below(3)).map { i in SourceFile(path: "f\(i)", text: word()) }
        let sites = (0..<rng.below(6)).map { _ in
            SourceSite(file: Int32(rng.below(files.count)), line: Int32(rng.below(4)) - 1)
        }
        let strings = (0..<rng.below(8)).map { _ in word() }
        let tasks = (0..<rng.below(5)).map { _ in
            TaskInfo(name: word(), label: rng.chance(500) && !strings.isEmpty ? strings[rng.below(strings.count)] : word(),
                     kind: TaskKind(rawValue: UInt8(rng.below(3)))!, parent: Int32(rng.below(6)) - 1)
        }
        var events: [TraceEvent] = []
        var t: Int64 = Int64(rng.below(1000)) - 500
        for _ in 0..<rng.below(60) {
            let kind = EventKind.allCases[rng.below(EventKind.allCases.count)]
            let schema = KindSchema.schema(for: kind)
            t += Int64(rng.below(3_000_000_000))
            var e = TraceEvent(kind: kind, time: VirtualTime(nanoseconds: t))
            e.task = tasks.isEmpty || rng.chance(200) ? -1 : Int32(rng.below(tasks.count))
            e.site = sites.isEmpty || rng.chance(300) ? -1 : Int32(rng.below(sites.count))
            e.reason = rng.chance(100) ? UInt8(rng.below(256)) : UInt8(rng.below(3))
            if kind == .created || kind == .cancelRequested {
                e.other = tasks.isEmpty || rng.chance(300) ? -1 : Int32(rng.below(tasks.count))
            } else {
                e.other = Int32(rng.below(10)) - 1
            }
            if schema.carriesText {
                e.value = strings.isEmpty || rng.chance(200) ? -1 : Int64(rng.below(strings.count))
            } else {
                e.value = rng.chance(100) ? Int64(bitPattern: rng.next()) : Int64(rng.below(5)) - 1
            }
            events.append(e)
        }
        return Trace(program: ProgramInfo(id: word(), title: word(), origin: word(), note: word(),
                                          claims: (0..<rng.below(3)).map { _ in ArticleClaim(article: word(), actual: word()) }),
                     files: files, sites: sites, tasks: tasks, strings: strings, events: events)
    }
}
