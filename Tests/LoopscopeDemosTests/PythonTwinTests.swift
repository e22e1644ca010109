import Foundation
import LoopscopeDemos
import LoopscopePython
import LoopscopeScheduler
import LoopscopeTestSupport
import Testing

/// The strongest fidelity check: every demo's Python original recorded live on CPython
/// (through loopscope's recorder) against its Swift port on loopscope's scheduler. Two
/// independent implementations must agree on the printed lines, their times, and the order
/// of task events. Where they disagree, the Swift side is wrong.
@Suite(.timeLimit(.minutes(30)), .enabled(if: LivePython.path != nil,
                "python3 (3.11 or newer) is not installed: the Python twins cannot be recorded. Install it (apt-get install python3) to run these checks; CI does."))
struct PythonTwinTests {
    static func twin(_ demo: Demo) throws -> Trace {
        let name = try #require(demo.pythonFileName, "\(demo.id) has no Python original in demos/python")
        let recording = try PythonRecorder.record(source: demo.pythonSource ?? "", fileName: name,
                                                  displayPath: demo.pythonPath ?? name)
        return recording.trace
    }

    @Test func everyDemoHasAPythonOriginal() {
        let missing = DemoCatalog.all.filter { $0.pythonSource == nil }.map(\.id)
        #expect(missing.isEmpty, "no Python original for \(missing)")
    }

    @Test(arguments: DemoCatalog.all.map(\.id))
    func portAndPythonOriginalAgree(id: String) throws {
        let demo = try #require(DemoCatalog.named(id))
        let python = try Self.twin(demo)
        #expect(python.program.language == .python)
        #expect(python.files.first?.path == demo.pythonPath)
        #expect(python.validate().isEmpty, "the recorder's trace is inconsistent: \(python.validate().prefix(3))")
        let swift = demo.record().trace
        let cpython = CPythonReference.view(of: python)
        let port = CPythonReference.view(of: swift)
        #expect(port.output == cpython.output, "printed lines or their times differ")
        #expect(port.taskEvents == cpython.taskEvents, "task events differ: \(firstDifference(port.taskEvents, cpython.taskEvents))")
    }

    func firstDifference<T: Equatable & CustomStringConvertible>(_ a: [T], _ b: [T]) -> String {
        let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        let ours = i < a.count ? a[i].description : "(end)"
        let theirs = i < b.count ? b[i].description : "(end)"
        return "at #\(i): Swift port \(ours), CPython \(theirs)"
    }
}

/// The interpreter live CPython tests use (`LOOPSCOPE_PYTHON`, else python3), if any.
enum LivePython {
    static let path: String? = try? PythonRecorder.interpreter()
}
