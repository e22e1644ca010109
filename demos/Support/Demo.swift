import LoopscopeScheduler

/// One example program, ported from a tutorial article, with what to watch for.
///
/// A demo knows how to run itself on the tracing scheduler; `record()` runs it and returns
/// the trace, with the demo's source embedded.
///
/// ```swift
/// let demo = DemoCatalog.named("seed000-fetch-url")!
/// let result = demo.record()
/// print(result.output)
/// ```
public struct Demo: Sendable {
    public let info: ProgramInfo
    /// The demo's source file (`Seed000FetchURL.swift`).
    public let fileName: String
    /// The CPython reference case it reproduces (`seed000_fetch_url`), if any.
    public let referenceCase: String?
    let run: @Sendable (RunOptions) -> RunResult

    public init(info: ProgramInfo, fileName: String, referenceCase: String?,
                run: @escaping @Sendable (RunOptions) -> RunResult) {
        self.info = info
        self.fileName = fileName
        self.referenceCase = referenceCase
        self.run = run
    }

    public var id: String { info.id }

    /// Runs the demo on a fresh tracing loop.
    public func record(options: RunOptions = RunOptions()) -> RunResult {
        var options = options
        options.sources = DemoCatalog.sources
        return run(options)
    }

    /// The demo's source text.
    public var source: String { DemoCatalog.sourceText(fileName) ?? "" }

    /// The file name of the demo's Python original (`seed000_fetch_url.py`), the article's
    /// program transcribed, when there is one. It is embedded from `demos/python/`.
    public var pythonFileName: String? {
        guard let name = referenceCase.map({ "\($0).py" }), DemoCatalog.sourceText("python/" + name) != nil else {
            return nil
        }
        return name
    }

    /// Where the Python original sits in the repository (`demos/python/seed000_fetch_url.py`).
    public var pythonPath: String? { pythonFileName.map { "demos/python/\($0)" } }

    /// The Python original's text.
    public var pythonSource: String? { pythonFileName.flatMap { DemoCatalog.sourceText("python/" + $0) } }
}
