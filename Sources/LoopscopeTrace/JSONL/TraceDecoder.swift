/// Reads the JSON Lines form back into a `Trace`, rebuilding its tables as the lines go.
///
/// A hand-written scanner over the bytes (no Foundation JSON): each line is one flat
/// object whose fields are parsed straight into an event. Strings and sites are interned
/// in order of first use, tasks are defined by their `created` line or a task declaration,
/// exactly as `TraceEncoder` expects. It checks syntax, field names and types, and that
/// every id refers to something already defined; it does not check that the run makes
/// sense (see `Trace.validate()`).
struct TraceDecoder {
    var s: ByteScanner
    var trace = Trace(program: ProgramInfo(id: "", title: ""))
    /// The format version the header declares (set by `readHeader`).
    var version = 0
    private var stringIDs: [String: Int32] = [:]
    private var siteIDs: [SourceSite: Int32] = [:]

    init(_ buf: UnsafeBufferPointer<UInt8>, sourceName: String) {
        s = ByteScanner(buf, sourceName: sourceName)
    }

    /// Reads the whole input: the window given to `init`, then each one `more` hands out
    /// (nil: the input ended). Every `stopCheckLines` lines it asks `shouldStop` with how
    /// many bytes it has read so far, and gives up (returning nil) when that says so.
    /// `sizeHint` is the input's size in bytes, if known, to reserve room for the events.
    mutating func decode(more: () -> UnsafeBufferPointer<UInt8>? = { nil }, sizeHint: Int? = nil,
                         shouldStop: (Int) -> Bool = { _ in false }) throws(TraceFormatError) -> Trace? {
        if s.buf.count >= 3, s.buf[0] == 0xEF, s.buf[1] == 0xBB, s.buf[2] == 0xBF { s.pos = 3; s.lineStart = 3 }
        var probe = s
        probe.skipSpaces()
        while probe.current == 0x0A { probe.newLine(); probe.skipSpaces() }
        if probe.atEnd {
            throw s.error("empty trace: expected the header line \(Self.headerExample)")
        }
        // Blank lines are accepted anywhere (see docs/trace-format.md), before the header too;
        // the header's errors still name its own line.
        s = probe
        try readHeader()
        // Room for the events: guessed at 80 bytes a line, then, for a file whose size is
        // known, measured on its first lines, so the array is not copied near the end of a
        // huge file (hundreds of MB at once, with nothing asked meanwhile).
        let headerEnd = s.pos
        trace.events.reserveCapacity(min((sizeHint ?? s.buf.count) / 80, sizeHint == nil ? .max : Self.stopCheckLines))
        /// Bytes of the windows before the current one.
        var before = 0
        var lines = 0
        while true {
            if s.current == 0x0A { s.newLine() }
            s.skipSpaces()
            guard let c = s.current else {
                // Windows end after a newline: the next one starts a line.
                guard let window = more() else { break }
                before += s.buf.count
                s.read(window)
                continue
            }
            if c == 0x0A { continue }
            lines &+= 1
            if lines & (Self.stopCheckLines - 1) == 0 {
                if lines == Self.stopCheckLines, let sizeHint {
                    trace.events.reserveCapacity(Self.expectedEvents(size: sizeHint - headerEnd, sample: before + s.pos - headerEnd,
                                                                     eventsInSample: trace.events.count))
                }
                if shouldStop(before + s.pos) { return nil }
            }
            guard c == UInt8(ascii: "{") else { throw s.error("expected '{' to start a line, found \(s.found)") }
            var f = LineFields()
            try readObject(&f)
            try store(f)
            s.skipSpaces()
            if let c = s.current, c != 0x0A { throw s.error("expected the end of the line after '}', found \(s.found)") }
        }
        return trace
    }

    /// How many lines the decoder reads between two questions to `shouldStop` (a power of 2).
    static let stopCheckLines = 4096

    /// How many events `size` bytes of lines hold, judged by a first `sample` of them that
    /// held `eventsInSample`, with an eighth more for lines that run shorter later; never more
    /// than one per 16 bytes (no event line is that short), so room reserved but not used stays
    /// untouched address space rather than memory.
    static func expectedEvents(size: Int, sample: Int, eventsInSample: Int) -> Int {
        guard size > 0, sample > 0 else { return 0 }
        let perByte = Double(eventsInSample) / Double(sample)
        let expected = Double(size) * perByte * 1.125
        return Int(min(expected, Double(size / 16)))
    }

    // MARK: One line

    /// Everything one line can hold, before it is known what kind of line it is.
    struct LineFields {
        var seen: UInt64 = 0
        var slots: UInt16 = 0
        var time: Int64 = 0
        var kind = EventKind.created
        var task: Int32 = -1
        var other: Int32 = -1
        var value: Int64 = 0
        var reason: UInt8 = 0
        var site: Int32 = -1
        var at = SourceSite(file: 0, line: 0)
        var text: String?
        var name: String?
        var path: String?
        var declared: Int32 = 0
        var parent: Int32 = -1
        var seq: Int64 = -1
        /// A `yielded` line: two events in one (version 2).
        var yielded = false
        /// Where the line's closing `}` is.
        var end = 0

        @inline(__always) func has(_ field: Field) -> Bool { seen & field.bit != 0 }
        @inline(__always) func fills(_ slot: Field.Slot) -> Bool { slots & slot.bit != 0 }
    }

    private mutating func readObject(_ f: inout LineFields) throws(TraceFormatError) {
        s.pos += 1
        s.skipSpaces()
        if s.current == UInt8(ascii: "}") { f.end = s.pos; s.pos += 1; return }
        while true {
            s.skipSpaces()
            let keyPos = s.pos
            let (index, word, _) = try s.readWord(Field.names, "a field name")
            guard let index, let field = Field(rawValue: index) else {
                throw s.error("unknown field \"\(word)\"", at: keyPos)
            }
            if f.seen & field.bit != 0 { throw s.error("duplicate field \"\(field.name)\"", at: keyPos) }
            if f.slots & field.slot.bit != 0 {
                let earlier = Field.allCases.first { $0.slot == field.slot && f.has($0) }?.name ?? ""
                throw s.error("field \"\(field.name)\" cannot be given together with \"\(earlier)\"", at: keyPos)
            }
            f.seen |= field.bit
            f.slots |= field.slot.bit
            s.skipSpaces()
            try s.expect(UInt8(ascii: ":"), "expected ':' after the field name")
            s.skipSpaces()
            try readValue(of: field, into: &f)
            s.skipSpaces()
            guard let c = s.current, c == UInt8(ascii: ",") || c == UInt8(ascii: "}") else {
                throw s.error("expected ',' or '}' after a field, found \(s.found)")
            }
            if c == UInt8(ascii: "}") { f.end = s.pos; s.pos += 1; return }
            s.pos += 1
        }
    }

    private mutating func readValue(of field: Field, into f: inout LineFields) throws(TraceFormatError) {
        switch field {
        case .t: f.time = try s.readTime("\"t\" (the time in seconds)")
        case .kind:
            let (i, word, start) = try s.readWord(Spelling.kinds, "an event kind")
            if i == Spelling.yieldedLine {
                f.kind = .suspended
                f.yielded = true
                break
            }
            guard let i, let kind = EventKind(rawValue: UInt8(i)) else {
                throw s.error("unknown event kind \"\(word)\"; expected \(Spelling.kinds.list)", at: start)
            }
            f.kind = kind
        case .task: f.task = try s.readInt32("a task id")
        case .name: f.name = try s.readString("a task name")
        case .parent: f.parent = try s.readInt32("a parent task id")
        case .by, .on, .timer, .handle, .other: f.other = try s.readInt32("\"\(field.name)\"")
        case .lane, .why, .mode, .wait, .stream, .blocking, .purpose, .warning, .outcome:
            let table = field.words
            let (i, word, start) = try s.readWord(table, "\"\(field.name)\"")
            guard let i else {
                throw s.error("unknown \(field.name) \"\(word)\"; expected \(table.list)", at: start)
            }
            f.reason = UInt8(i)
        case .reason:
            let start = s.pos
            let v = try s.readInt("a reason")
            guard let r = UInt8(exactly: v) else { throw s.error("reason \(v) is out of range 0...255", at: start) }
            f.reason = r
        case .until, .due, .from, .duration: f.value = try s.readTime("\"\(field.name)\" (seconds)")
        case .count, .pending, .value: f.value = try s.readInt("\"\(field.name)\"")
        case .accepted: f.value = try s.readBool("\"accepted\"") ? 1 : 0
        case .label, .result, .error, .message, .text: f.text = try s.readString("\"\(field.name)\"")
        case .at: f.at = try s.readSite()
        case .site: f.site = try s.readInt32("a site id")
        case .file: f.declared = try s.readInt32("a file index")
        case .string: f.declared = try s.readInt32("a string id")
        case .path: f.path = try s.readString("a file path")
        case .format: throw s.error("a second header: only the first line is the header")
        case .seq: f.seq = try s.readInt("\"seq\" (the event's sequence number)")
        }
    }

    // MARK: Storing what a line holds

    private mutating func store(_ f: LineFields) throws(TraceFormatError) {
        if f.has(Field.kind) { return try storeEvent(f) }
        if f.has(.file) { return try storeFile(f) }
        if f.has(.string) { return try storeString(f) }
        if f.has(Field.task) { return try storeTask(f) }
        if f.has(Field.site) { return try storeSite(f) }
        throw s.error("expected an event (a line with \"kind\") or a declaration "
            + "(a line with \"file\", \"task\", \"string\" or \"site\")", at: s.lineStart)
    }

    private mutating func storeEvent(_ f: LineFields) throws(TraceFormatError) {
        if f.yielded { return try storeYielded(f) }
        let kind = f.kind
        let schema = KindSchema.all[Int(kind.rawValue)]
        let allowed = KindSchema.common | schema.allowed | (kind == .created ? Field.name.bit : 0)
        try onlyFields(f, allowed, in: "a \(kind) event")
        // Version 2: an event without "t" happens when the one before it did (the first at 0).
        let time = f.has(.t) ? f.time : (trace.events.last?.time.nanoseconds ?? 0)
        if f.has(.seq), f.seq != Int64(trace.events.count) {
            throw s.error("event sequence number \(f.seq) where \(trace.events.count) was expected: "
                + "events must come in order, none missing", at: s.lineStart)
        }
        if schema.taskRequired, !f.has(Field.task) { throw missing(.task, in: "a \(kind) event", f) }
        if let field = schema.reason, !schema.reasonOptional, !f.fills(.reason) {
            throw missing(field, in: "a \(kind) event", f)
        }
        if let field = schema.other, schema.otherRequired, !f.fills(.other) {
            throw missing(field, in: "a \(kind) event", f)
        }
        switch schema.value {
        case .none, .text: break
        case .time(let field), .int(let field):
            if !f.fills(.value) { throw missing(field, in: "a \(kind) event", f) }
        case .accepted:
            if !f.fills(.value) { throw missing(.accepted, in: "a \(kind) event", f) }
        case .untilOrCount:
            // Version 2: a wait other than a sleep may leave out a count of 0.
            if !f.fills(.value), f.reason == WaitReason.sleep.rawValue {
                throw s.error("missing field \"until\" in a suspended event that waits on a sleep", at: f.end)
            }
        }

        var e = TraceEvent(kind: kind, time: VirtualTime(nanoseconds: time), task: f.task,
                           other: f.other, value: f.value, site: -1, reason: f.reason)
        if schema.carriesText {
            if let text = f.text {
                e.value = Int64(internString(text))
            } else if f.has(Field.value) {
                guard f.value == -1 || (f.value >= 0 && f.value < trace.strings.count) else {
                    throw s.error("string \(f.value) is not defined", at: locate(.value, f))
                }
            } else {
                e.value = -1
            }
        }
        if f.has(.at) {
            if f.has(Field.site) {
                throw s.error("field \"site\" cannot be given together with \"at\"", at: locate(.site, f, key: true))
            }
            e.site = try internSite(f.at, f)
        } else if f.has(Field.site) {
            guard f.site >= -1, f.site < trace.sites.count else {
                throw s.error("site \(f.site) is not defined", at: locate(.site, f))
            }
            e.site = f.site
        }
        if kind == .created || kind == .cancelRequested, f.other != -1 {
            guard f.other >= 0, f.other < trace.tasks.count else {
                let field = schema.other ?? .other
                throw s.error("task \(f.other) is not defined", at: locate(f.has(field) ? field : .other, f))
            }
        }
        if f.task != -1 {
            if kind == .created, f.task == trace.tasks.count {
                try defineTask(e, f)
            } else {
                guard f.task >= 0, f.task < trace.tasks.count else {
                    throw s.error("task \(f.task) is not defined here (a task is defined by its "
                        + "created line or a task declaration, in id order)", at: locate(.task, f))
                }
                if kind == .created, let name = f.name, name != trace.tasks[Int(f.task)].name {
                    throw s.error("task \(f.task) is named \"\(trace.tasks[Int(f.task)].name)\", not \"\(name)\"",
                                  at: locate(.name, f))
                }
            }
        }
        if schema.extraText != nil, let label = f.text {
            trace.waitLabels[trace.events.count] = internString(label)
        }
        trace.events.append(e)
    }

    /// A `yielded` line (version 2): the task gave up control at a bare yield and its next
    /// step joined the ready queue at once — `suspended` (wait `yield`, count 0) then
    /// `scheduled` (why `yielded`), both at the line's time. Its `seq` is the first one's.
    private mutating func storeYielded(_ f: LineFields) throws(TraceFormatError) {
        try onlyFields(f, Field.seq.bit | Field.t.bit | Field.kind.bit | Field.task.bit | Field.at.bit
            | Field.label.bit, in: "a yielded line")
        guard f.has(Field.task) else { throw missing(.task, in: "a yielded line", f) }
        if f.has(.seq), f.seq != Int64(trace.events.count) {
            throw s.error("event sequence number \(f.seq) where \(trace.events.count) was expected: "
                + "events must come in order, none missing", at: s.lineStart)
        }
        guard f.task >= 0, f.task < trace.tasks.count else {
            throw s.error("task \(f.task) is not defined here (a task is defined by its "
                + "created line or a task declaration, in id order)", at: locate(.task, f))
        }
        let time = VirtualTime(nanoseconds: f.has(.t) ? f.time : (trace.events.last?.time.nanoseconds ?? 0))
        var suspended = TraceEvent(kind: .suspended, time: time, task: f.task, value: 0,
                                   reason: WaitReason.yield.rawValue)
        if f.has(.at) { suspended.site = try internSite(f.at, f) }
        if let label = f.text { trace.waitLabels[trace.events.count] = internString(label) }
        trace.events.append(suspended)
        trace.events.append(TraceEvent(kind: .scheduled, time: time, task: f.task,
                                       reason: WakeReason.yielded.rawValue))
    }

    private mutating func defineTask(_ e: TraceEvent, _ f: LineFields) throws(TraceFormatError) {
        guard let name = f.name else { throw missing(.name, in: "the created event that defines a task", f) }
        guard let label = f.text else { throw missing(.label, in: "the created event that defines a task", f) }
        guard let kind = TaskKind(rawValue: e.reason) else {
            throw s.error("a created event that defines a task needs \"lane\"", at: f.end)
        }
        trace.tasks.append(TaskInfo(name: name, label: label, kind: kind, parent: e.other))
    }

    private mutating func internString(_ text: String) -> Int32 {
        if let id = stringIDs[text] { return id }
        let id = Int32(trace.strings.count)
        trace.strings.append(text)
        stringIDs[text] = id
        return id
    }

    private mutating func internSite(_ site: SourceSite, _ f: LineFields) throws(TraceFormatError) -> Int32 {
        if let id = siteIDs[site] { return id }
        guard site.file >= 0, site.file < trace.files.count else {
            throw s.error("file \(site.file) is not defined (there are \(trace.files.count) files)",
                          at: locate(.at, f))
        }
        let id = Int32(trace.sites.count)
        trace.sites.append(site)
        siteIDs[site] = id
        return id
    }

    // MARK: Declarations

    private mutating func storeFile(_ f: LineFields) throws(TraceFormatError) {
        try onlyFields(f, Field.file.bit | Field.path.bit | Field.text.bit, in: "a file line")
        guard let path = f.path else { throw missing(.path, in: "a file line", f) }
        guard let text = f.text else { throw missing(.text, in: "a file line", f) }
        try inOrder(f.declared, trace.files.count, .file, f)
        trace.files.append(SourceFile(path: path, text: text))
    }

    private mutating func storeString(_ f: LineFields) throws(TraceFormatError) {
        try onlyFields(f, Field.string.bit | Field.text.bit, in: "a string line")
        guard let text = f.text else { throw missing(.text, in: "a string line", f) }
        try inOrder(f.declared, trace.strings.count, .string, f)
        trace.strings.append(text)
        if stringIDs[text] == nil { stringIDs[text] = Int32(trace.strings.count - 1) }
    }

    private mutating func storeTask(_ f: LineFields) throws(TraceFormatError) {
        let allowed = Field.task.bit | Field.name.bit | Field.label.bit | Field.lane.bit | Field.parent.bit
        try onlyFields(f, allowed, in: "a task line")
        guard let name = f.name else { throw missing(.name, in: "a task line", f) }
        guard let label = f.text else { throw missing(.label, in: "a task line", f) }
        guard f.has(.lane), let kind = TaskKind(rawValue: f.reason) else { throw missing(.lane, in: "a task line", f) }
        try inOrder(f.task, trace.tasks.count, .task, f)
        trace.tasks.append(TaskInfo(name: name, label: label, kind: kind, parent: f.parent))
    }

    private mutating func storeSite(_ f: LineFields) throws(TraceFormatError) {
        try onlyFields(f, Field.site.bit | Field.at.bit, in: "a site line")
        guard f.has(.at) else { throw missing(.at, in: "a site line", f) }
        try inOrder(f.site, trace.sites.count, .site, f)
        guard f.at.file >= 0, f.at.file < trace.files.count else {
            throw s.error("file \(f.at.file) is not defined (there are \(trace.files.count) files)",
                          at: locate(.at, f))
        }
        trace.sites.append(f.at)
        if siteIDs[f.at] == nil { siteIDs[f.at] = Int32(trace.sites.count - 1) }
    }

    private func inOrder(_ id: Int32, _ next: Int, _ field: Field, _ f: LineFields) throws(TraceFormatError) {
        guard Int(id) == next else {
            throw s.error("\(field.name) \(id) is declared out of order; the next \(field.name) is \(next)",
                          at: locate(field, f))
        }
    }

    // MARK: Errors that point into the line

    private func onlyFields(_ f: LineFields, _ allowed: UInt64, in what: @autoclosure () -> String)
        throws(TraceFormatError) {
        let extra = f.seen & ~allowed
        guard extra != 0, let field = Field(rawValue: extra.trailingZeroBitCount) else { return }
        throw s.error("field \"\(field.name)\" does not belong in \(what())", at: locate(field, f, key: true))
    }

    private func missing(_ field: Field, in what: String, _ f: LineFields) -> TraceFormatError {
        s.error("missing field \"\(field.name)\" in \(what)", at: f.end)
    }

    /// Where `field`'s value (or key) starts in the current line: the line is scanned again,
    /// which is fine because this only runs when reporting an error.
    private func locate(_ field: Field, _ f: LineFields, key: Bool = false) -> Int {
        var scan = s
        scan.pos = s.lineStart
        scan.skipSpaces()
        guard scan.current == UInt8(ascii: "{") else { return s.lineStart }
        scan.pos += 1
        while scan.pos < f.end {
            scan.skipSpaces()
            let keyPos = scan.pos
            guard let (i, _, _) = try? scan.readWord(Field.names, "") else { return s.lineStart }
            scan.skipSpaces()
            scan.pos += 1  // ':'
            scan.skipSpaces()
            if i == field.rawValue { return key ? keyPos : scan.pos }
            var depth = 0
            var inString = false
            while let c = scan.current {
                if inString {
                    if c == UInt8(ascii: "\\") { scan.pos += 1 } else if c == UInt8(ascii: "\"") { inString = false }
                } else if c == UInt8(ascii: "\"") {
                    inString = true
                } else if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") {
                    depth += 1
                } else if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") || c == UInt8(ascii: ",") {
                    if depth == 0 { break }
                    if c != UInt8(ascii: ",") { depth -= 1 }
                }
                scan.pos += 1
            }
            scan.pos += 1
        }
        return s.lineStart
    }
}
