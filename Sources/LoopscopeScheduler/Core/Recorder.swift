/// Appends events to the trace being built and interns call sites.
///
/// Sites arrive as `(#fileID, #line)`; each distinct pair is looked up once. The file's text
/// comes from the run's `SourceCatalog`.
struct Recorder {
    var builder: TraceBuilder
    let sources: SourceCatalog
    private var siteCache: [SiteKey: Int32] = [:]
    /// A small direct-mapped cache in front of `siteCache`: call sites in a loop hit it.
    private var recent = [RecentSite](repeating: RecentSite(file: 0, line: 0, id: -1), count: 64)

    struct RecentSite {
        var file: UInt
        var line: UInt
        var id: Int32
    }
    private var fileCache: [UInt: Int32] = [:]

    struct SiteKey: Hashable {
        let file: UInt
        let line: UInt
    }

    init(program: ProgramInfo, sources: SourceCatalog) {
        var program = program
        // What ran it, for the trace header (format version 2), unless the caller said.
        if program.language == nil { program.language = .swift }
        if program.engine.isEmpty { program.engine = "loopscope scheduler" }
        if program.clock == nil { program.clock = .virtual }
        builder = TraceBuilder(program: program)
        self.sources = sources
    }

    mutating func site(_ file: StaticString, _ line: UInt) -> Int32 {
        let address = UInt(bitPattern: file.utf8Start)
        let slot = Int((address >> 3 &+ line &* 31) & 63)
        let hit = recent[slot]
        if hit.file == address && hit.line == line && hit.id >= 0 { return hit.id }
        let key = SiteKey(file: address, line: line)
        if let id = siteCache[key] {
            recent[slot] = RecentSite(file: address, line: line, id: id)
            return id
        }
        let fileIndex: Int32
        if let f = fileCache[address] {
            fileIndex = f
        } else {
            let fileID = file.description
            let found = sources.lookup(fileID)
            fileIndex = builder.file(path: found?.path ?? fileID, text: found?.text ?? "")
            fileCache[address] = fileIndex
        }
        let id = builder.site(file: fileIndex, line: Int32(clamping: line))
        siteCache[key] = id
        recent[slot] = RecentSite(file: address, line: line, id: id)
        return id
    }
}
