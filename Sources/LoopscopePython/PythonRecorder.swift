import Foundation
import LoopscopeTrace

/// Records a Python program on CPython: runs it under loopscope's recorder
/// (`recorder/loopscope_record.py`, embedded in this library at build time) and reads back
/// the trace it writes.
///
/// The interpreter runs as a child process with standard input `/dev/null` (unless
/// `options.stdin`), in a private temporary folder that holds the recorder and the trace
/// and is removed on every path. The program's output is in the trace (`printed` events).
///
/// ```swift
/// let recording = try PythonRecorder.record(program: "hello.py")
/// for line in recording.trace.output { print(line.text) }
/// ```
public enum PythonRecorder {
    /// The recorder's source, as embedded at build time.
    public static var source: String { embeddedSources["loopscope_record.py"] ?? "" }

    /// What one recording gave: the trace, and what the run wrote on standard error
    /// (an escaping exception's traceback, the recorder's notes).
    public struct Recording: Sendable {
        public var trace: Trace
        public var stderr: String
        /// The size of the trace file the recorder wrote, in bytes.
        public var traceBytes: Int
        /// Wall-clock seconds the interpreter ran (recording only, not reading the trace).
        public var seconds: Double
    }

    /// Records `program` (a `.py` file). Throws `PythonError` when there is no suitable
    /// interpreter, the program cannot start, or the recorder fails; a program that starts
    /// and then fails still gives a trace (its `finished` event says how it ended).
    public static func record(program: String, options: PythonOptions = PythonOptions(),
                              environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(PythonError) -> Recording {
        // Nothing asks it to stop, so it ends with a recording or an error.
        guard let recording = try record(program: program, embedded: nil, options: options, environment: environment,
                                         shouldStop: { false }) else {
            throw .recorderFailed("the recording of \(program) was stopped")
        }
        return recording
    }

    /// `record(program:options:environment:)` asking `shouldStop` every few milliseconds
    /// while the interpreter runs; when it answers true the interpreter is ended (by its
    /// pid) and reaped, the private folder removed, and the result is nil.
    public static func record(program: String, options: PythonOptions = PythonOptions(),
                              environment: [String: String] = ProcessInfo.processInfo.environment,
                              shouldStop: () -> Bool) throws(PythonError) -> Recording? {
        try record(program: program, embedded: nil, options: options, environment: environment, shouldStop: shouldStop)
    }

    /// Records a program given as text (a demo's Python twin): it is written as `fileName`
    /// into the private folder and run there; the trace names it `displayPath`.
    public static func record(source text: String, fileName: String, displayPath: String,
                              options: PythonOptions = PythonOptions(),
                              environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(PythonError) -> Recording {
        guard var recording = try record(program: fileName, embedded: text, options: options, environment: environment,
                                         shouldStop: { false }) else {
            throw .recorderFailed("the recording of \(fileName) was stopped")
        }
        for i in recording.trace.files.indices where recording.trace.files[i].path == fileName {
            recording.trace.files[i].path = displayPath
        }
        return recording
    }

    private static func record(program: String, embedded: String?, options: PythonOptions,
                               environment: [String: String], shouldStop: () -> Bool) throws(PythonError) -> Recording? {
        let python = try PythonInterpreter.resolve(options.python, environment: environment)
        guard !source.isEmpty else {
            throw .recorderFailed("this loopscope was built without recorder/loopscope_record.py; rebuild it from a full checkout.")
        }
        let folder: URL
        do {
            folder = try privateFolder()
        } catch {
            throw .recorderFailed("cannot make a temporary folder (\(error.localizedDescription)); check TMPDIR.")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appending(path: "loopscope_record.py")
        let tracePath = folder.appending(path: "trace.jsonl")
        let stderrPath = folder.appending(path: "stderr.txt")
        do {
            try Data(source.utf8).write(to: script)
        } catch {
            throw .recorderFailed("cannot write the recorder to \(folder.path): \(error.localizedDescription)")
        }
        if let embedded {
            do {
                try Data(embedded.utf8).write(to: folder.appending(path: program))
            } catch {
                throw .recorderFailed("cannot write \(program) to \(folder.path): \(error.localizedDescription)")
            }
        }
        let result: ChildProcess.Result
        let started = Date()
        do {
            result = try ChildProcess.run(python, [script.path] + arguments(options, trace: tracePath, program: program),
                                          stdin: options.stdin, stdout: .discard, stderr: stderrPath,
                                          timeout: options.wallTimeout + 10, in: embedded == nil ? nil : folder,
                                          shouldStop: shouldStop)
        } catch {
            throw .recorderFailed("cannot run \(python): \(error.localizedDescription)")
        }
        if result.stopped { return nil }
        let seconds = Date().timeIntervalSince(started)
        let stderr = (try? String(contentsOf: stderrPath, encoding: .utf8)) ?? ""
        if result.timedOut { throw .timedOut(program: program, seconds: options.wallTimeout) }
        switch result.status {
        case 0: break
        case 2: throw .cannotStart(program: program, message: trimmed(stderr))
        case 3: throw .tooOld(python: python, version: PythonInterpreter.version(of: python) ?? "older than 3.11")
        default:
            // A Python 2 (or very old 3) cannot even parse the recorder.
            if let v = PythonInterpreter.version(of: python), !isSupported(v) { throw .tooOld(python: python, version: v) }
            if PythonInterpreter.version(of: python) == nil { throw .tooOld(python: python, version: "not Python 3") }
            throw .recorderFailed("\(python) exited with status \(result.status):\n\(trimmed(stderr))")
        }
        guard let data = FileManager.default.contents(atPath: tracePath.path) else {
            throw .recorderFailed("it exited normally but wrote no trace:\n\(trimmed(stderr))")
        }
        do {
            let trace = try TraceJSONL.decode([UInt8](data), sourceName: "the trace of \(program)")
            return Recording(trace: trace, stderr: stderr, traceBytes: data.count, seconds: seconds)
        } catch {
            throw .recorderFailed("its trace cannot be read: \(error)")
        }
    }

    static func arguments(_ o: PythonOptions, trace: URL, program: String) -> [String] {
        var a = ["--out", trace.path, "--clock", o.clock.rawValue, "--wall-timeout", "\(o.wallTimeout)"]
        if let n = o.maxEvents { a += ["--max-events", "\(n)"] }
        if let t = o.maxTime { a += ["--max-time", "\(t)"] }
        if o.stdin { a.append("--stdin") }
        if let id = o.id { a += ["--id", id] }
        if let title = o.title { a += ["--title", title] }
        return a + ["--", program] + o.arguments
    }

    static func isSupported(_ version: String) -> Bool {
        let parts = version.split(separator: ".").compactMap { Int($0) }
        guard parts.count >= 2 else { return false }
        return parts[0] > 3 || (parts[0] == 3 && parts[1] >= 11)
    }

    /// Without blank lines at the ends (Python's own indentation is kept).
    private static func trimmed(_ s: String) -> String {
        var lines = s.split(separator: "\n", omittingEmptySubsequences: false)
        while let f = lines.first, f.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let l = lines.last, l.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// The interpreter `options` name (`--python`, `LOOPSCOPE_PYTHON`, `python3` on `PATH`),
    /// or `PythonError.noInterpreter`.
    public static func interpreter(_ options: PythonOptions = PythonOptions(),
                                   environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(PythonError) -> String {
        try PythonInterpreter.resolve(options.python, environment: environment)
    }

    /// A new folder only this user can read, under the system's temporary folder.
    private static func privateFolder() throws -> URL {
        var template = Array(FileManager.default.temporaryDirectory.appending(path: "loopscope-XXXXXX").path.utf8CString)
        guard let made = mkdtemp(&template) else {
            throw CocoaError(.fileWriteUnknown)
        }
        return URL(fileURLWithPath: String(cString: made), isDirectory: true)
    }
}
