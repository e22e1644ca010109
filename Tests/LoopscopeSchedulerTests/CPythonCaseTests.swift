import Foundation
import LoopscopeScheduler
import LoopscopeTestSupport
import Testing

/// Every case under `Reference/cases/` (`SemanticsCases`, `AsyncioAPICases`): the Swift
/// port's printed lines with their virtual times and the order of every task event must
/// match what CPython 3.11 recorded in `Reference/<name>.jsonl`, and its trace must pass the
/// validator.
@Suite(.timeLimit(.minutes(30))) struct CPythonCaseTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Reference")

    static let programs = SemanticsCases.programs + AsyncioAPICases.programs

    /// What a case prints after `asyncio.run(main())` returns.
    static let epilogues: [String: @Sendable () -> Void] = [
        "async_generators": { say("after asyncio.run") },
    ]

    static func run(_ name: String) -> RunResult {
        let main = programs.first { $0.0 == name }!.1
        return asyncioRun(ProgramInfo(id: name, title: name), main: main) { epilogues[name]?() }
    }

    @Test(arguments: programs.map(\.0))
    func outputMatchesCPython(name: String) throws {
        let reference = try CPythonReference(case: name, in: Self.folder)
        let result = Self.run(name)
        #expect(result.outcome == .ok, "\(result.message ?? "")")
        #expect(CPythonReference.view(of: result.trace).output == reference.output)
    }

    @Test(arguments: programs.map(\.0))
    func taskEventsMatchCPython(name: String) throws {
        let reference = try CPythonReference(case: name, in: Self.folder)
        #expect(CPythonReference.view(of: Self.run(name).trace).taskEvents == reference.taskEvents)
    }

    @Test(arguments: programs.map(\.0))
    func traceIsValid(name: String) {
        #expect(Self.run(name).trace.validate().map(\.description) == [])
    }
}
