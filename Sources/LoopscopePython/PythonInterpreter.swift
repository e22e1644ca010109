import Foundation

/// Finds the Python interpreter to run: `--python`, else `LOOPSCOPE_PYTHON`, else `python3`
/// on `PATH`.
enum PythonInterpreter {
    /// The interpreter's path, or `PythonError.noInterpreter`.
    static func resolve(_ requested: String?, environment: [String: String]) throws(PythonError) -> String {
        let name = requested ?? environment["LOOPSCOPE_PYTHON"].flatMap { $0.isEmpty ? nil : $0 } ?? "python3"
        if name.contains("/") {
            guard isExecutable(name) else { throw .noInterpreter(name) }
            return name
        }
        for folder in (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if isExecutable(candidate) { return candidate }
        }
        throw .noInterpreter(name)
    }

    static func isExecutable(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }

    /// `3.10.13` for an interpreter, or nil when it cannot say (it is then no Python 3).
    static func version(of python: String) -> String? {
        let probe = "import sys; print('%d.%d.%d' % tuple(sys.version_info[:3]))"
        guard let result = try? ChildProcess.run(python, ["-c", probe], stdin: false,
                                                 stdout: .capture, stderr: nil, timeout: 20),
              result.status == 0 else { return nil }
        let text = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
