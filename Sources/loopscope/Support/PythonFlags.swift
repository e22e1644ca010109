import Foundation
import ArgumentParser
import LoopscopeDemos
import LoopscopePython
import LoopscopeTrace

extension TraceClock: ExpressibleByArgument {}
extension ProgramLanguage: ExpressibleByArgument {}

/// The options of commands that can record a Python program (`loopscope play my.py …`).
struct PythonFlags: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The Python interpreter that records .py programs (default: $LOOPSCOPE_PYTHON, else python3 on PATH).",
        valueName: "path"))
    var python: String?

    @Option(name: .long, help: "For .py programs: virtual (deterministic, the default) or real (wall-clock times, for real I/O).")
    var clock: TraceClock = .virtual

    @Flag(name: .long, help: "For .py programs: let the program read this terminal's standard input (otherwise it reads end-of-file).")
    var stdin = false

    @Option(name: .long, help: "For demos: run the Swift port (swift, the default) or record the article's Python original on CPython (python).")
    var lang: ProgramLanguage = .swift

    @Argument(parsing: .postTerminator, help: "Arguments for the .py program, after --.")
    var programArguments: [String] = []

    var options: PythonOptions {
        var o = PythonOptions()
        o.python = python
        o.clock = clock
        o.stdin = stdin
        o.arguments = programArguments
        return o
    }
}

/// A trace loaded for a command, with what the Python run wrote on standard error (its
/// traceback when an exception escaped main).
struct LoadedTrace {
    var trace: Trace
    var stderr = ""
}

extension TraceInput {
    /// A `.py` program (recorded on CPython), a trace file (`-`: standard input), or a demo
    /// (its Swift port, or its Python original with `--lang python`). A trace file the validator rejects is
    /// refused unless `force` (see `TraceCheck`).
    static func load(_ argument: String, python flags: PythonFlags, force: Bool = false) throws -> LoadedTrace {
        if argument.hasSuffix(".py") { return try recordPython(argument, flags) }
        if !flags.programArguments.isEmpty {
            throw CLIError("arguments after -- are for a .py program, and '\(argument)' is not one.", code: 2)
        }
        if isTraceFile(argument) {
            return LoadedTrace(trace: try TraceCheck.consistent(decodeFile(argument), path: argument, force: force))
        }
        let demo = try demo(argument)
        if flags.lang == .python { return try recordTwin(demo, flags) }
        return LoadedTrace(trace: demo.record().trace)
    }

    static func recordPython(_ path: String, _ flags: PythonFlags) throws -> LoadedTrace {
        // Nothing asks it to stop, so it ends with a trace or an error.
        guard let loaded = try recordPython(path, flags, starting: { _ in }, shouldStop: { false }) else {
            throw CLIError("the recording of \(path) was stopped", code: 1)
        }
        return loaded
    }

    /// `recordPython(_:_:)` telling `starting` the interpreter's path before it runs, and
    /// asking `shouldStop` every few milliseconds while it runs. Nil when that answered true:
    /// the interpreter was ended (by its pid) and reaped, and nothing was recorded.
    static func recordPython(_ path: String, _ flags: PythonFlags, starting: (String) -> Void,
                             shouldStop: () -> Bool) throws -> LoadedTrace? {
        let python: String
        do {
            python = try PythonRecorder.interpreter(flags.options)
        } catch {
            throw CLIError(error.description, code: error.exitCode)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw CLIError("cannot find the Python program \(path): no such file. Check the path (it is "
                + "relative to the current folder, \(FileManager.default.currentDirectoryPath)).", code: 2)
        }
        starting(python)
        do {
            guard let r = try PythonRecorder.record(program: path, options: flags.options, shouldStop: shouldStop) else {
                return nil
            }
            return LoadedTrace(trace: r.trace, stderr: r.stderr)
        } catch {
            throw CLIError(error.description, code: error.exitCode)
        }
    }

    /// A demo's Python original, recorded on CPython, with the demo's title, note and claims.
    static func recordTwin(_ demo: Demo, _ flags: PythonFlags) throws -> LoadedTrace {
        guard let name = demo.pythonFileName, let text = demo.pythonSource, let path = demo.pythonPath else {
            throw CLIError("demo '\(demo.id)' has no Python original; run its Swift port (leave out --lang python).", code: 2)
        }
        do {
            var options = flags.options
            options.id = demo.id
            options.title = demo.info.title
            var r = try PythonRecorder.record(source: text, fileName: name, displayPath: path, options: options)
            r.trace.program.origin = demo.info.origin
            r.trace.program.note = demo.info.note
            r.trace.program.claims = demo.info.claims
            return LoadedTrace(trace: r.trace, stderr: r.stderr)
        } catch {
            throw CLIError(error.description, code: error.exitCode)
        }
    }
}

extension RunOutcome {
    /// How a recorded trace ended, from its `finished` event (ok when it has none).
    static func of(_ trace: Trace) -> (RunOutcome, String?) {
        guard let last = trace.events.last(where: { $0.kind == .finished }) else { return (.ok, nil) }
        return (last.runOutcome ?? .ok, trace.text(of: last))
    }
}

/// Runs `body`, turning a `PythonError` into the CLI's error with the same message and code.
func recordingPython<T>(_ body: () throws(PythonError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw CLIError(error.description, code: error.exitCode)
    }
}
