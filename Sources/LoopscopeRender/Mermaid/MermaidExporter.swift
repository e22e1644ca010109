import LoopscopeTrace

/// Mermaid `sequenceDiagram` source for a run: the loop and each task as participants,
/// activations while a task runs, arrows for control passing, notes for prints and clock
/// jumps.
///
/// ```
/// sequenceDiagram
///     participant L as event loop
///     participant T1 as Task-1 main()
///     L->>T1: create
///     L->>T1: start
///     activate T1
///     Note over T1: print "shav"
///     T1->>L: return None
///     deactivate T1
/// ```
///
/// Solid arrows (`->>`) pass control; dashed arrows (`-->>`) only make a task ready; a
/// `cancel()` request is an async arrow (`-)`). Text from the trace is sanitized, then every
/// character Mermaid treats as syntax (`;`, `#`, `:`, `<`, `>`, `"`, `%`, `&`, `{`, `}`) is
/// written as a Mermaid entity code (`#59;`), so the source always parses. Messages are cut
/// to `maxLabel` characters. It does not wrap or lay out anything: Mermaid does.
public enum MermaidExporter {
    /// The longest message or note, in characters, before it is cut with `…`.
    public static let maxLabel = 100

    public static func render(_ trace: Trace) -> String {
        // Cannot throw: the whole run, whatever its size.
        render(SequenceScript(trace: trace, ascii: false))
    }

    /// The part of the run `options.selection` picks; throws when it has more than
    /// `SequenceDiagram.maxTasks` tasks (Mermaid cannot lay out thousands of participants).
    public static func render(_ trace: Trace, options: ExportOptions) throws(ExportError) -> String {
        var unicode = options
        unicode.ascii = false
        return render(try SequenceDiagram.script(trace, options: unicode, format: .mermaid))
    }

    static func render(_ script: SequenceScript) -> String {
        var out = ["sequenceDiagram"]
        func id(_ p: Int) -> String { p == 0 ? "L" : "T\(p)" }
        out.append("    participant L as \(escape(script.participants[0].subtitle))")
        for p in script.shown.dropFirst() {
            let info = script.participants[p]
            let alias = info.subtitle.isEmpty ? info.name : "\(info.name) \(info.subtitle)"
            out.append("    participant \(id(p)) as \(escape(alias))")
        }
        var active = [Bool](repeating: false, count: script.participants.count)
        for m in script.messages {
            let kind = m.event.kind
            switch m.shape {
            case let .note(at: p):
                out.append("    Note over \(id(p)): \(escape(m.label))")
            case let .arrow(from: a, to: b, _) where a == b:
                out.append("    Note over \(id(a)): \(escape(m.label))")
            case let .arrow(from: a, to: b, dashed: dashed):
                let arrow = kind == .cancelRequested ? "-)" : dashed ? "-->>" : "->>"
                out.append("    \(id(a))\(arrow)\(id(b)): \(escape(m.label))")
                let starts = kind == .started || kind == .resumed
                let stops = kind == .suspended || kind == .completed || kind == .failed || kind == .cancelled
                if starts && b > 0 && !active[b] {
                    out.append("    activate \(id(b))")
                    active[b] = true
                } else if stops && a > 0 && active[a] {
                    out.append("    deactivate \(id(a))")
                    active[a] = false
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Text made safe for a Mermaid message, note or alias: one line, syntax characters as
    /// entity codes, cut to `maxLabel` characters.
    static func escape(_ text: String) -> String {
        var s = Sanitizer.line(text)
        if s.count > maxLabel { s = String(s.prefix(maxLabel - 1)) + "…" }
        var out = ""
        for ch in s {
            switch ch {
            case ";": out += "#59;"
            case "#": out += "#35;"
            case ":": out += "#58;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "\"": out += "#quot;"
            case "%": out += "#37;"
            case "&": out += "#amp;"
            case "{": out += "#123;"
            case "}": out += "#125;"
            default: out.append(ch)
            }
        }
        while out.last == " " { out.removeLast() }
        return out.isEmpty ? "-" : out
    }
}
