/// A lane: one task, worker thread, or the main thread of a loop-less program.
public struct TaskInfo: Equatable, Sendable {
    /// asyncio's name, `Task-1`, `Task-2`, … unless the program named it.
    public var name: String
    /// What it runs, e.g. `fetch_url("A (long)", 3)`.
    public var label: String
    public var kind: TaskKind
    /// The task that created it, or -1.
    public var parent: Int32

    public init(name: String, label: String, kind: TaskKind = .task, parent: Int32 = -1) {
        self.name = name
        self.label = label
        self.kind = kind
        self.parent = parent
    }
}

/// A line in one of the program's source files.
public struct SourceSite: Hashable, Sendable {
    /// Index into `Trace.files`.
    public var file: Int32
    /// 1-based line number.
    public var line: Int32

    public init(file: Int32, line: Int32) {
        self.file = file
        self.line = line
    }
}

/// A source file of the traced program, embedded so a trace replays anywhere.
public struct SourceFile: Equatable, Sendable {
    /// Path as the program names it, e.g. `demos/Seed000FetchURL.swift`.
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// The file's lines (without terminators); `lines[0]` is line 1. "\n", "\r\n" and a lone
    /// "\r" each end a line, as CPython and the Swift compiler count lines, so a file saved
    /// with Windows or old Mac endings numbers its lines as the program's sites do.
    public var lines: [Substring] { LineBreaks.split(text) }
}

/// Where an article's claim and CPython's real behaviour part ways.
public struct ArticleClaim: Equatable, Sendable {
    /// What the article says, quoted or closely paraphrased.
    public var article: String
    /// What CPython 3.11 really does (and so what the trace shows).
    public var actual: String

    public init(article: String, actual: String) {
        self.article = article
        self.actual = actual
    }
}

/// The language a traced program is written in (trace format version 2).
public enum ProgramLanguage: String, Sendable, CaseIterable {
    /// A Swift port run on loopscope's scheduler.
    case swift
    /// A Python program run on CPython through loopscope's recorder.
    case python
}

/// What the times of a trace mean (trace format version 2).
public enum TraceClock: String, Sendable, CaseIterable {
    /// A deterministic clock that jumps when nothing is ready: the same run every time.
    case virtual
    /// Wall-clock times of a real run (programs doing real I/O).
    case real
}

/// What program a trace records: a demo's metadata or a user program's.
public struct ProgramInfo: Equatable, Sendable {
    public var id: String
    public var title: String
    /// Where it comes from, e.g. `seed 000` (empty for user programs).
    public var origin: String
    /// The teaching note: what to watch for.
    public var note: String
    public var claims: [ArticleClaim]
    /// The program's language, or nil when the trace does not say (version 1 files).
    public var language: ProgramLanguage?
    /// What ran it, as free text, e.g. `CPython 3.11.7` or `loopscope scheduler` (empty: unknown).
    public var engine: String
    /// What the times mean, or nil when the trace does not say (version 1 files: virtual).
    public var clock: TraceClock?

    public init(id: String, title: String, origin: String = "", note: String = "",
                claims: [ArticleClaim] = [], language: ProgramLanguage? = nil, engine: String = "",
                clock: TraceClock? = nil) {
        self.id = id
        self.title = title
        self.origin = origin
        self.note = note
        self.claims = claims
        self.language = language
        self.engine = engine
        self.clock = clock
    }
}
