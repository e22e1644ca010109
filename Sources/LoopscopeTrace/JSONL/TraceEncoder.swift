/// Writes a `Trace` as JSON Lines: the header, the source files, then one line per event.
///
/// Strings, sites and tasks are written where events first use them (text inline, sites as
/// `"at":"file:line"`, a task's name and label on its `created` line), which is how the
/// decoder rebuilds the tables. Table entries that cannot be rebuilt that way (an entry no
/// event uses, entries in another order than first use, a duplicate string) get a
/// declaration line just before they are needed, so every table comes back exactly.
///
/// It does not check the trace: ids out of range are written as they are, and the decoder
/// rejects them. Run `Trace.validate()` first when in doubt.
struct TraceEncoder {
    let trace: Trace
    var out = ByteWriter()
    private var definedStrings = 0
    private var definedSites = 0
    private var definedTasks = 0
    private var sequence = 0
    /// The time of the event written last: an event at the same time leaves out `t`.
    private var lastTime: Int64 = 0
    /// Whether each string is the first with its text (the decoder finds it by its text).
    private let firstString: [Bool]
    private let firstSite: [Bool]

    /// Reason words by field (nil for fields that are not reasons), and kind words.
    static let words: [[[UInt8]]?] = Field.allCases.map { f in
        KindSchema.all.contains { $0.reason == f } || f == .lane ? f.words.names : nil
    }
    static let kindWords = Spelling.kinds.names

    init(_ trace: Trace) {
        self.trace = trace
        firstString = Self.firstOccurrences(trace.strings)
        firstSite = Self.firstOccurrences(trace.sites)
    }

    static func firstOccurrences<T: Hashable>(_ items: [T]) -> [Bool] {
        var seen = Set<T>(minimumCapacity: items.count)
        return items.map { seen.insert($0).inserted }
    }

    mutating func encode() -> [UInt8] {
        out.bytes.reserveCapacity(64 + trace.events.count * 72
            + trace.files.reduce(0) { $0 + $1.text.utf8.count + 64 })
        encode(every: Int.max) { (_: inout [UInt8]) in }
        return out.bytes
    }

    /// Encodes into `out.bytes`, calling `flush` whenever a line ends with at least `chunk`
    /// bytes gathered; `flush` takes what it wants from the front. The rest stays in
    /// `out.bytes`.
    mutating func encode<E: Error>(every chunk: Int, _ flush: (inout [UInt8]) throws(E) -> Void) throws(E) {
        header()
        for (i, f) in trace.files.enumerated() {
            out.raw("{\"file\":")
            out.int(Int64(i))
            out.key(.path); out.string(f.path)
            out.key(.text); out.string(f.text)
            out.raw("}\n")
            if out.bytes.count >= chunk { try flush(&out.bytes) }
        }
        for (i, e) in trace.events.enumerated() {
            event(e, index: i)
            if out.bytes.count >= chunk { try flush(&out.bytes) }
        }
        try declareTasks(through: trace.tasks.count - 1, chunk: chunk, flush)
        declareSites(through: trace.sites.count - 1)
        if out.bytes.count >= chunk { try flush(&out.bytes) }
        try declareStrings(through: trace.strings.count - 1, chunk: chunk, flush)
    }

    private mutating func header() {
        let p = trace.program
        out.raw("{\"format\":\"loopscope-trace\",\"version\":")
        out.int(Int64(Trace.formatVersion))
        out.raw(",\"program\":{\"id\":")
        out.string(p.id)
        out.raw(",\"title\":"); out.string(p.title)
        out.raw(",\"origin\":"); out.string(p.origin)
        out.raw(",\"note\":"); out.string(p.note)
        out.raw(",\"claims\":[")
        for (i, c) in p.claims.enumerated() {
            if i > 0 { out.byte(UInt8(ascii: ",")) }
            out.raw("{\"article\":"); out.string(c.article)
            out.raw(",\"actual\":"); out.string(c.actual)
            out.byte(UInt8(ascii: "}"))
        }
        out.byte(UInt8(ascii: "]"))
        if let language = p.language { out.raw(",\"language\":"); out.string(language.rawValue) }
        if !p.engine.isEmpty { out.raw(",\"engine\":"); out.string(p.engine) }
        if let clock = p.clock { out.raw(",\"clock\":"); out.string(clock.rawValue) }
        out.raw("}}\n")
    }

    // MARK: Events

    private mutating func event(_ e: TraceEvent, index: Int) {
        let schema = KindSchema.all[Int(e.kind.rawValue)]
        var textInline = false
        if schema.carriesText { textInline = prepareString(e.value) }
        // A wait label is always written as text; the decoder finds its first string of that text.
        var waitLabel: Int32?
        if schema.extraText != nil, let id = trace.waitLabels[index], id >= 0, Int(id) < trace.strings.count {
            _ = prepareString(Int64(id))
            waitLabel = id
        }
        let inlineTask = prepareTasks(e, labelInline: textInline)
        let siteInline = prepareSite(e.site)

        out.raw("{\"seq\":")
        out.int(Int64(sequence))
        sequence += 1
        if e.time.nanoseconds != lastTime {
            out.raw(",\"t\":")
            out.time(e.time.nanoseconds)
            lastTime = e.time.nanoseconds
        }
        out.raw(",\"kind\":")
        out.quoted(Self.kindWords[Int(e.kind.rawValue)])
        if schema.taskRequired || e.task != -1 { out.key(.task); out.int(e.task) }
        if e.kind == .created, let info = trace.task(e.task) {
            out.key(.name); out.string(info.name)
        }
        if inlineTask { definedTasks += 1 }

        // reason
        if schema.reasonOptional, e.reason == 0 {
            // the default (normal) is left out
        } else if let field = schema.reason {
            if let word = Self.words[field.rawValue], Int(e.reason) < word.count {
                out.key(field); out.quoted(word[Int(e.reason)])
            } else {
                out.key(.reason); out.int(Int64(e.reason))
            }
        } else if e.reason != 0 {
            out.key(.reason); out.int(Int64(e.reason))
        }
        // other
        if let field = schema.other {
            if schema.otherRequired || e.other != -1 { out.key(field); out.int(e.other) }
        } else if e.other != -1 {
            out.key(.other); out.int(e.other)
        }
        // value
        switch schema.value {
        case .none:
            if e.value != 0 { out.key(.value); out.int(e.value) }
        case .text(let field):
            if textInline {
                out.key(field); out.string(trace.strings[Int(e.value)])
            } else if e.value != -1 {
                out.key(.value); out.int(e.value)
            }
        case .time(let field):
            out.key(field); out.time(e.value)
        case .int(let field):
            out.key(field); out.int(e.value)
        case .accepted:
            if e.value == 0 || e.value == 1 {
                out.key(.accepted); out.bool(e.value == 1)
            } else {
                out.key(.value); out.int(e.value)
            }
        case .untilOrCount:
            if e.reason == WaitReason.sleep.rawValue {
                out.key(.until); out.time(e.value)
            } else if e.value != 0 {
                out.key(.count); out.int(e.value)
            }
        }
        if let waitLabel, let field = schema.extraText { out.key(field); out.string(trace.strings[Int(waitLabel)]) }
        // site
        if siteInline {
            out.key(.at); out.site(trace.sites[Int(e.site)])
        } else if e.site != -1 {
            out.key(.site); out.int(e.site)
        }
        out.raw("}\n")
    }

    /// Declares the tasks an event refers to that are not yet known; returns whether the
    /// event is a `created` line that itself defines its task.
    private mutating func prepareTasks(_ e: TraceEvent, labelInline: Bool) -> Bool {
        if e.kind == .created || e.kind == .cancelRequested { declareTasks(through: Int(e.other)) }
        let id = Int(e.task)
        guard id >= definedTasks, id < trace.tasks.count else { return false }
        if e.kind == .created, id == definedTasks, labelInline, createdDefinesTask(e) { return true }
        declareTasks(through: id)
        return false
    }

    /// Whether a `created` line carries everything its task's table entry holds.
    private func createdDefinesTask(_ e: TraceEvent) -> Bool {
        let info = trace.tasks[Int(e.task)]
        guard e.value >= 0, e.value < trace.strings.count, e.other == info.parent,
              e.reason == info.kind.rawValue, e.other < e.task else { return false }
        return trace.strings[Int(e.value)] == info.label
    }

    /// Prepares a string id for inline use; returns whether it can be written as text.
    private mutating func prepareString(_ v: Int64) -> Bool {
        guard v >= 0, v < trace.strings.count else { return false }
        let id = Int(v)
        if id < definedStrings { return firstString[id] }
        declareStrings(through: id - 1)
        if firstString[id] { definedStrings += 1; return true }
        declareStrings(through: id)
        return false
    }

    private mutating func prepareSite(_ v: Int32) -> Bool {
        guard v >= 0, v < trace.sites.count else { return false }
        let id = Int(v)
        if id < definedSites { return firstSite[id] }
        declareSites(through: id - 1)
        if firstSite[id] { definedSites += 1; return true }
        declareSites(through: id)
        return false
    }

    // MARK: Declarations

    /// Declares the remaining tasks, flushing as `encode(every:_:)` does.
    private mutating func declareTasks<E: Error>(through last: Int, chunk: Int,
                                                 _ flush: (inout [UInt8]) throws(E) -> Void) throws(E) {
        while definedTasks <= last, definedTasks < trace.tasks.count {
            declareTasks(through: definedTasks)
            if out.bytes.count >= chunk { try flush(&out.bytes) }
        }
    }

    /// Declares the remaining strings, flushing as `encode(every:_:)` does.
    private mutating func declareStrings<E: Error>(through last: Int, chunk: Int,
                                                   _ flush: (inout [UInt8]) throws(E) -> Void) throws(E) {
        while definedStrings <= last, definedStrings < trace.strings.count {
            declareStrings(through: definedStrings)
            if out.bytes.count >= chunk { try flush(&out.bytes) }
        }
    }

    private mutating func declareTasks(through last: Int) {
        while definedTasks <= last, definedTasks < trace.tasks.count {
            let t = trace.tasks[definedTasks]
            out.raw("{\"task\":"); out.int(Int64(definedTasks))
            out.key(.name); out.string(t.name)
            out.key(.label); out.string(t.label)
            out.key(.lane); out.word(Spelling.lanes, t.kind.rawValue)
            out.key(.parent); out.int(t.parent)
            out.raw("}\n")
            definedTasks += 1
        }
    }

    private mutating func declareStrings(through last: Int) {
        while definedStrings <= last, definedStrings < trace.strings.count {
            out.raw("{\"string\":"); out.int(Int64(definedStrings))
            out.key(.text); out.string(trace.strings[definedStrings])
            out.raw("}\n")
            definedStrings += 1
        }
    }

    private mutating func declareSites(through last: Int) {
        while definedSites <= last, definedSites < trace.sites.count {
            out.raw("{\"site\":"); out.int(Int64(definedSites))
            out.key(.at); out.site(trace.sites[definedSites])
            out.raw("}\n")
            definedSites += 1
        }
    }
}
