import LoopscopeScheduler

/// The consistency check every reader of a trace file runs before showing it: a trace the
/// validator rejects (time going backwards, events after `finished`, negative times…) is
/// refused with the validator's findings unless `--force` is given.
enum TraceCheck {
    /// How many findings a message lists before it says how many more there are.
    static let shownProblems = 12

    /// The findings as an indented list, sanitized and cut to `shownProblems` lines. `path`
    /// is the argument the trace was read from (`-` for standard input).
    static func list(_ problems: [TraceProblem], path: String) -> String {
        var lines = problems.prefix(shownProblems).map { "  " + Sanitizer.line($0.description) }
        if problems.count > shownProblems {
            let again = TraceInput.isStandardInput(path) ? ", given the same input" : ""
            lines.append("  … and more (`loopscope validate \(Sanitizer.line(path))`\(again) lists them)")
        }
        return lines.joined(separator: "\n")
    }

    /// `trace` when it is consistent or `force` is set; otherwise a `CLIError` (exit 1).
    static func consistent(_ trace: Trace, path: String, force: Bool) throws -> Trace {
        // Nothing asks it to stop, so the check always finishes.
        try consistent(trace, path: path, force: force) { false } ?? trace
    }

    /// `consistent(_:path:force:)` asking `shouldStop` every few thousand events of the
    /// check; nil when it answered true.
    static func consistent(_ trace: Trace, path: String, force: Bool, shouldStop: () -> Bool) throws -> Trace? {
        if force { return trace }
        guard let problems = trace.validate(limit: shownProblems + 1, shouldStop: shouldStop) else { return nil }
        guard !problems.isEmpty else { return trace }
        throw CLIError("""
            \(Sanitizer.line(TraceInput.displayName(path))) is well-formed but inconsistent, so what it shows could not have happened:
            \(list(problems, path: path))
            Pass --force to show it anyway.
            """)
    }
}
