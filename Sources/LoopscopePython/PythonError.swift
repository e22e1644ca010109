/// Why a Python program could not be recorded. Every message says what went wrong, where,
/// and what to do; `exitCode` is what the command line exits with.
public enum PythonError: Error, CustomStringConvertible, Sendable {
    /// No interpreter at the path or on `PATH`.
    case noInterpreter(String)
    /// The interpreter is older than 3.11 (its version as it reports it).
    case tooOld(python: String, version: String)
    /// The program could not start (missing file, syntax error, import error): Python's message.
    case cannotStart(program: String, message: String)
    /// The interpreter could not be run, or the recorder failed: what it said.
    case recorderFailed(String)
    /// The recorder ran past the wall-clock limit and was stopped.
    case timedOut(program: String, seconds: Double)

    public var description: String {
        switch self {
        case .noInterpreter(let python):
            """
            cannot run '\(python)': no such Python interpreter. loopscope records Python programs \
            with CPython 3.11 or newer: install it (Debian/Ubuntu: `apt-get install python3`), or \
            point --python (or LOOPSCOPE_PYTHON) at one.
            """
        case .tooOld(let python, let version):
            """
            \(python) is Python \(version); loopscope's recorder needs Python 3.11 or newer. Install \
            a newer one (Debian/Ubuntu: `apt-get install python3`, 3.11 or later) and pass it \
            with --python PATH (or LOOPSCOPE_PYTHON).
            """
        case .cannotStart(let program, let message):
            "\(program) could not start, nothing was recorded. Python says:\n\(message)"
        case .recorderFailed(let message):
            "the Python recorder failed: \(message)"
        case .timedOut(let program, let seconds):
            """
            \(program) was still running after \(Int(seconds)) s of wall-clock time and was stopped, \
            nothing was recorded. Does it wait for input or the network? Try --stdin, or --clock real.
            """
        }
    }

    public var exitCode: Int32 {
        switch self {
        case .noInterpreter, .tooOld, .cannotStart: 2
        case .recorderFailed, .timedOut: 1
        }
    }
}
