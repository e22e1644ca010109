import Testing
@testable import LoopscopeTrace

/// What the encoder writes raw and what it escapes: C1 controls and the invisible format
/// characters that can reorder or hide text on screen are written as `\uXXXX` (before,
/// they went out as raw UTF-8, against the format document).
@Suite struct TraceJSONLEscapeTests {
    static let hostile = "a\u{85}b\u{9B}2J\u{202E}evil\u{202C}\u{2066}iso\u{2069}\u{200B}zw\u{200D}j\u{2028}\u{2029}"
        + "\u{FEFF}\u{061C}\u{180E}\u{2060}\u{FFF9}\u{200F}\u{200E}"
    static let kept = "é日本👨‍👩‍👧 Ω ¢ € ­"   // ordinary non-ASCII (the ZWJ inside the family is escaped)

    func encoded(_ text: String) -> String {
        var b = TraceBuilder(program: ProgramInfo(id: "esc", title: text, note: text))
        let t = b.addTask(TaskInfo(name: text, label: text))
        b.append(TraceEvent(kind: .created, time: .zero, task: t, other: -1, value: Int64(b.intern(text)), site: -1,
                            reason: TaskKind.task.rawValue))
        return TraceJSONL.encode(b.build())
    }

    @Test func c1AndInvisibleFormatCharactersAreEscaped() throws {
        let out = encoded(Self.hostile)
        for scalar in out.unicodeScalars {
            #expect(!(0x80...0x9F).contains(scalar.value) && !(0x2028...0x202E).contains(scalar.value)
                    && !(0x2066...0x2069).contains(scalar.value) && !(0x200B...0x200F).contains(scalar.value)
                    && ![0xFEFF, 0x061C, 0x180E, 0x2060, 0xFFF9].contains(scalar.value),
                    "raw U+\(String(scalar.value, radix: 16)) in the encoded trace")
        }
        for escape in ["\\u0085", "\\u009b", "\\u202e", "\\u202c", "\\u2066", "\\u2069", "\\u200b", "\\u200d",
                       "\\u2028", "\\u2029", "\\ufeff", "\\u061c", "\\u180e", "\\u2060", "\\ufff9", "\\u200f", "\\u200e"] {
            #expect(out.contains(escape), "\(escape) missing")
        }
        let back = try TraceJSONL.decode(out)
        #expect(back.program.title == Self.hostile)
        #expect(back.tasks[0].name == Self.hostile)
        #expect(TraceJSONL.encode(back) == out, "re-encoding is byte-identical")
    }

    /// The screen and the file agree: every scalar of the Basic Multilingual Plane above
    /// ASCII that the encoder writes as `\uXXXX` is one the sanitizer replaces on screen.
    /// (Before, U+FFF9–U+FFFB were escaped in traces and shown raw.)
    @Test func everyScalarTheEncoderEscapesTheSanitizerHides() throws {
        var escaped: [UInt32] = []
        var shown: [UInt32] = []
        for v in UInt32(0x80)...0xFFFD where !(0xD800...0xDFFF).contains(v) {
            let s = String(Character(Unicode.Scalar(v)!))
            var b = TraceBuilder(program: ProgramInfo(id: "x", title: s))
            _ = b.addTask(TaskInfo(name: "t", label: "t"))
            let out = TraceJSONL.encode(b.build())
            guard out.contains("\\u" + String(format4(v))) else { continue }
            escaped.append(v)
            if Sanitizer.line("a" + s + "b") == "a" + s + "b" { shown.append(v) }
        }
        #expect(escaped.count > 40, "the encoder escapes C1 controls and format characters")
        #expect(shown.isEmpty, "escaped in traces but shown raw: \(shown.map { String($0, radix: 16) })")
    }

    private func format4(_ v: UInt32) -> String {
        let hex = String(v, radix: 16)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    @Test func ordinaryTextStaysRaw() throws {
        let out = encoded(Self.kept)
        #expect(out.contains("é日本👨\\u200d👩\\u200d👧 Ω ¢ € \u{AD}"))
        #expect(try TraceJSONL.decode(out).program.title == Self.kept)
    }
}

/// Validator messages name tasks from the trace: they reach a terminal sanitized (the
/// fuzzer found a right-to-left override in one).
@Suite struct TraceProblemTextTests {
    @Test func aProblemsDescriptionCarriesNoControlOrBidiCharacter() throws {
        var b = TraceBuilder(program: ProgramInfo(id: "p", title: "p"))
        let t = b.addTask(TaskInfo(name: "Task\u{202E}-1\u{1B}[2J", label: "x"))
        b.append(TraceEvent(kind: .started, time: .zero, task: t, other: -1, value: 0, site: -1, reason: 0))
        let problems = b.build().validate()
        #expect(!problems.isEmpty)
        for p in problems {
            #expect(!p.description.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x1B }, "\(p.description)")
        }
        #expect(problems.contains { $0.message.contains("\u{202E}") }, "the message itself keeps the name as it is")
    }
}
