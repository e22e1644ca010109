import LoopscopeDemos
import Foundation
import LoopscopeScheduler
import LoopscopeTestSupport
import Testing

/// Every demo against what CPython 3.11 really does with the same program.
@Suite(.timeLimit(.minutes(30))) struct DemoMatchesCPythonTests {
    static let demos = DemoCatalog.all.filter { $0.referenceCase != nil }
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Reference")

    @Test(arguments: demos.map(\.id))
    func printsWhatCPythonPrints(id: String) throws {
        let demo = try #require(DemoCatalog.named(id))
        let reference = try CPythonReference(case: demo.referenceCase!, in: Self.folder)
        let result = demo.record()
        #expect(result.outcome == .ok, "\(result.message ?? "")")
        let ours = CPythonReference.view(of: result.trace)
        #expect(ours.output == reference.output)
    }

    @Test(arguments: demos.map(\.id))
    func taskEventsComeInCPythonsOrder(id: String) throws {
        let demo = try #require(DemoCatalog.named(id))
        let reference = try CPythonReference(case: demo.referenceCase!, in: Self.folder)
        let ours = CPythonReference.view(of: demo.record().trace)
        #expect(ours.taskEvents == reference.taskEvents)
    }

    @Test func everyDemoHasAReference() {
        #expect(Self.demos.count == DemoCatalog.all.count)
    }
}
