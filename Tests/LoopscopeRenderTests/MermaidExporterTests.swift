import LoopscopeRender
import LoopscopeTrace
import Testing

/// The Mermaid source has the structure Mermaid's sequenceDiagram grammar expects.
@Suite struct MermaidExporterTests {
    @Test(arguments: HandBuiltTraces.all.map(\.name))
    func structure(name: String) throws {
        let trace = try #require(HandBuiltTraces.all.first { $0.name == name }?.trace)
        let lines = MermaidExporter.render(trace).split(separator: "\n").map(String.init)
        #expect(lines.first == "sequenceDiagram")
        var declared: [String] = []
        var active: Set<String> = []
        for line in lines.dropFirst() {
            #expect(line.hasPrefix("    "), "not indented: \(line)")
            let body = String(line.dropFirst(4))
            if body.hasPrefix("participant ") {
                let parts = body.split(separator: " ", maxSplits: 3).map(String.init)
                #expect(parts.count == 4 && parts[2] == "as", "\(body)")
                declared.append(parts[1])
                continue
            }
            if body.hasPrefix("activate ") {
                let who = String(body.dropFirst(9))
                #expect(declared.contains(who) && !active.contains(who), "\(body)")
                active.insert(who)
                continue
            }
            if body.hasPrefix("deactivate ") {
                let who = String(body.dropFirst(11))
                #expect(active.contains(who), "\(body)")
                active.remove(who)
                continue
            }
            let colon = try #require(body.firstIndex(of: ":"), "no text in: \(body)")
            let head = body[..<colon]
            let text = body[body.index(after: colon)...]
            if head.hasPrefix("Note over ") {
                #expect(declared.contains(String(head.dropFirst(10))), "\(body)")
            } else {
                let arrow = try #require(["-->>", "->>", "-)"].first { head.contains($0) }, "\(body)")
                let ends = head.components(separatedBy: arrow)
                #expect(ends.count == 2 && declared.contains(ends[0]) && declared.contains(ends[1]), "\(body)")
            }
            // The text after the first colon holds no raw syntax characters: `#` only opens
            // an entity code such as `#59;`.
            #expect(!text.contains(";") || Self.onlyEntities(String(text)), "\(body)")
            #expect(!text.contains(":") && !text.contains("<") && !text.contains(">"), "\(body)")
        }
        #expect(declared.first == "L")
        #expect(declared.count == trace.tasks.count + 1)
    }

    /// Whether every `;` and `#` in `s` belongs to an entity code `#name;`.
    static func onlyEntities(_ s: String) -> Bool {
        var rest = Substring(s)
        while let hash = rest.firstIndex(of: "#") {
            let before = rest[..<hash]
            if before.contains(";") { return false }
            guard let semi = rest[hash...].firstIndex(of: ";") else { return false }
            let name = rest[rest.index(after: hash)..<semi]
            if name.isEmpty || !name.allSatisfy({ $0.isLetter || $0.isNumber }) { return false }
            rest = rest[rest.index(after: semi)...]
        }
        return !rest.contains(";")
    }

    @Test func escapesSyntaxCharacters() {
        var b = TraceBuilder(program: ProgramInfo(id: "m", title: "m"))
        let t = b.addTask(TaskInfo(name: "a;b#c:d", label: "f(x) -> {y}"))
        b.append(TraceEvent(kind: .created, time: .zero, task: t, value: Int64(b.intern("f"))))
        b.append(TraceEvent(kind: .printed, time: .zero, task: t, value: Int64(b.intern("50% <b>\"q\"</b> & done;"))))
        let text = MermaidExporter.render(b.build())
        #expect(text.contains("participant T1 as a#59;b#35;c#58;d f(x) -#gt; #123;y#125;"))
        #expect(text.contains("Note over T1#58;") == false)
        #expect(text.contains("Note over T1: print#58; 50#37; #lt;b#gt;#quot;q#quot;#lt;/b#gt; #amp; done#59;"))
    }
}
