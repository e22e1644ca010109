/// The check every trace loopscope makes itself passes in a debug build (and so in every
/// test): the scheduler's runs, synthetic traces and the tests' hand-built traces are
/// replayed by `validate()` as they are made, and an invalid one stops the process with the
/// maker, the program and the first problems. Release builds skip it.
///
/// Tests that mean to see the check fire set `onInvalid` (a task-local, so tests running in
/// parallel do not see each other's); `onChecked` hears of every trace checked.
package enum TraceCheck {
    @TaskLocal package static var onInvalid: (@Sendable (_ maker: String, _ problems: [TraceProblem]) -> Void)?
    @TaskLocal package static var onChecked: (@Sendable (_ maker: String) -> Void)?

    /// Checks `trace` in debug builds; `maker` names what made it (`asyncioRun`, …).
    @inline(__always)
    package static func made(_ trace: Trace, by maker: @autoclosure () -> String) {
        #if DEBUG
        check(trace, by: maker())
        #endif
    }

    /// Checks `trace` in any build.
    package static func check(_ trace: Trace, by maker: String) {
        onChecked?(maker)
        let problems = trace.validate(limit: 5)
        guard !problems.isEmpty else { return }
        if let onInvalid {
            onInvalid(maker, problems)
            return
        }
        fatalError("""
            \(maker) made an invalid trace of "\(trace.program.id)":
            \(problems.map { "  \($0)" }.joined(separator: "\n"))
            """)
    }
}
