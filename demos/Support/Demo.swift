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
}
