import LoopscopeTrace

/// How to record a Python program: which interpreter, which clock, what it may read.
///
/// ```swift
/// var options = PythonOptions()
/// options.arguments = ["--fast"]
/// let recording = try PythonRecorder.record(program: "my_program.py", options: options)
/// ```
public struct PythonOptions: Sendable {
    /// The interpreter: a path, or a command name looked up on `PATH`. Nil: the
    /// `LOOPSCOPE_PYTHON` environment variable, else `python3`.
    public var python: String?
    /// Virtual (deterministic, the default) or real wall-clock times.
    public var clock: TraceClock = .virtual
    /// Whether the program reads loopscope's standard input; otherwise it reads end-of-file.
    public var stdin = false
    /// The program's own arguments (its `sys.argv[1:]`).
    public var arguments: [String] = []
    /// The trace's program id and title (default: the file's name).
    public var id: String?
    public var title: String?
    /// Limits passed to the recorder (nil: the recorder's defaults).
    public var maxEvents: Int?
    public var maxTime: Double?
    /// Wall-clock seconds the recording may take before it is stopped.
    public var wallTimeout: Double = 120

    public init() {}
}
