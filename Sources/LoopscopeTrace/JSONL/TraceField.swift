/// The field names of event and declaration lines, and which of them each event kind uses.
///
/// `docs/trace-format.md` describes every field; this is the single table both the
/// encoder and the decoder read, so the two cannot drift apart.
enum Field: Int, CaseIterable, Sendable {
    // Every event.
    case t, kind, task
    // Created events and task declarations.
    case name, lane, parent
    // What woke / what is awaited / which timer or callback.
    case by, on, timer, handle
    // Reasons, spelled as words.
    case why, mode, wait, stream, blocking, purpose, warning, outcome
    // Values: times, counts, flags.
    case until, due, from, duration, count, pending, accepted
    // Text carried inline.
    case label, result, error, message, text
    // Source position.
    case at
    // Raw fallbacks for values the typed fields cannot spell.
    case value, other, reason, site
    // Declarations.
    case file, path, string
    // Only the header has it; present elsewhere it means a second header.
    case format
    // An event's sequence number (its index among the events), written first on its line.
    case seq

    static let names = NameTable(allCases.map { String(describing: $0) })

    var bit: UInt64 { 1 << UInt64(rawValue) }
    var name: String { String(describing: self) }

    /// `,"name":` — how the encoder writes the field after the first in a line.
    var separatedKey: StaticString {
        switch self {
        case .t: ",\"t\":"
        case .kind: ",\"kind\":"
        case .task: ",\"task\":"
        case .name: ",\"name\":"
        case .lane: ",\"lane\":"
        case .parent: ",\"parent\":"
        case .by: ",\"by\":"
        case .on: ",\"on\":"
        case .timer: ",\"timer\":"
        case .handle: ",\"handle\":"
        case .why: ",\"why\":"
        case .mode: ",\"mode\":"
        case .wait: ",\"wait\":"
        case .stream: ",\"stream\":"
        case .blocking: ",\"blocking\":"
        case .purpose: ",\"purpose\":"
        case .warning: ",\"warning\":"
        case .outcome: ",\"outcome\":"
        case .until: ",\"until\":"
        case .due: ",\"due\":"
        case .from: ",\"from\":"
        case .duration: ",\"duration\":"
        case .count: ",\"count\":"
        case .pending: ",\"pending\":"
        case .accepted: ",\"accepted\":"
        case .label: ",\"label\":"
        case .result: ",\"result\":"
        case .error: ",\"error\":"
        case .message: ",\"message\":"
        case .text: ",\"text\":"
        case .at: ",\"at\":"
        case .value: ",\"value\":"
        case .other: ",\"other\":"
        case .reason: ",\"reason\":"
        case .site: ",\"site\":"
        case .file: ",\"file\":"
        case .path: ",\"path\":"
        case .string: ",\"string\":"
        case .format: ",\"format\":"
        case .seq: ",\"seq\":"
        }
    }

    /// The words a reason field takes, indexed by raw value.
    var words: NameTable {
        switch self {
        case .lane: Spelling.lanes
        case .why: Spelling.wake
        case .mode: Spelling.resume
        case .wait: Spelling.wait
        case .stream: Spelling.stream
        case .blocking: Spelling.blocking
        case .purpose: Spelling.purpose
        case .warning: Spelling.warning
        case .outcome: Spelling.outcome
        default: NameTable([])
        }
    }

    /// The part of an event or declaration a field fills; two fields never fill one slot.
    var slot: Slot {
        switch self {
        case .t: .time
        case .kind: .kind
        case .task: .task
        case .name: .name
        case .parent: .parent
        case .by, .on, .timer, .handle, .other: .other
        case .lane, .why, .mode, .wait, .stream, .blocking, .purpose, .warning, .outcome, .reason:
            .reason
        case .until, .due, .from, .duration, .count, .pending, .accepted, .value: .value
        case .label, .result, .error, .message, .text: .text
        case .at: .site
        case .file, .string, .site: .declaration
        case .path: .path
        case .format: .format
        case .seq: .seq
        }
    }

    enum Slot: Int {
        case time, kind, task, name, parent, other, reason, value, text, site, declaration, path,
             format, seq
        var bit: UInt16 { 1 << UInt16(rawValue) }
    }
}

/// How one event kind spells its `other`, `value` and `reason` in a line.
struct KindSchema: Sendable {
    enum ValueSpelling: Sendable {
        /// No meaning for this kind: written raw as `value` when not 0.
        case none
        /// A string id, written inline as text under this field.
        case text(Field)
        /// Nanoseconds, written as decimal seconds under this field.
        case time(Field)
        /// A plain integer under this field.
        case int(Field)
        /// 1 / 0 as `accepted: true / false`.
        case accepted
        /// A sleep's deadline (`until`, when the wait reason is sleep) or a count (`count`).
        case untilOrCount
    }

    /// Whether `task` is written (and required) even when it is -1.
    var taskRequired = false
    var other: Field?
    /// Whether `other` is written (and required) even when it is -1.
    var otherRequired = false
    var value: ValueSpelling = .none
    /// The field that spells the reason as a word (see `Field.words`).
    var reason: Field?
    /// Whether the reason may be left out (version 2: `resumed` without `mode` is normal).
    var reasonOptional = false
    /// A text field the kind may carry besides its value (version 2: a `suspended` label).
    var extraText: Field?

    /// Fields this kind accepts besides the ones every event accepts.
    var allowed: UInt64 {
        var bits: UInt64 = 0
        if let other { bits |= other.bit }
        if let reason { bits |= reason.bit }
        if let extraText { bits |= extraText.bit }
        switch value {
        case .none: break
        case .text(let f), .time(let f), .int(let f): bits |= f.bit
        case .accepted: bits |= Field.accepted.bit
        case .untilOrCount: bits |= Field.until.bit | Field.count.bit
        }
        return bits
    }

    var carriesText: Bool {
        if case .text = value { return true }
        return false
    }

    /// Fields every event accepts.
    static let common: UInt64 = Field.seq.bit | Field.t.bit | Field.kind.bit | Field.task.bit | Field.at.bit
        | Field.value.bit | Field.other.bit | Field.reason.bit | Field.site.bit

    static let all: [KindSchema] = EventKind.allCases.map(schema(for:))

    static func schema(for kind: EventKind) -> KindSchema {
        var s = KindSchema()
        switch kind {
        case .created:
            s.taskRequired = true; s.other = .by; s.value = .text(.label)
            s.reason = .lane
        case .scheduled:
            s.taskRequired = true; s.other = .by; s.reason = .why
        case .started:
            s.taskRequired = true
        case .resumed:
            s.taskRequired = true; s.reason = .mode; s.reasonOptional = true
        case .suspended:
            s.taskRequired = true; s.other = .on; s.value = .untilOrCount
            s.reason = .wait; s.extraText = .label
        case .awaitedReady:
            s.taskRequired = true; s.other = .on; s.reason = .wait
        case .completed:
            s.taskRequired = true; s.value = .text(.result)
        case .failed:
            s.taskRequired = true; s.value = .text(.error)
        case .cancelled:
            s.taskRequired = true; s.value = .text(.message)
        case .cancelRequested:
            s.taskRequired = true; s.other = .by; s.value = .accepted
        case .printed:
            s.value = .text(.text); s.reason = .stream
        case .clockJump:
            s.value = .time(.from)
        case .blocked:
            s.taskRequired = true; s.value = .time(.duration); s.reason = .blocking
        case .timerAdded, .timerFired, .timerCancelled:
            s.other = .timer; s.otherRequired = true; s.value = .time(.due)
            s.reason = .purpose
        case .callbackQueued:
            s.other = .handle; s.otherRequired = true; s.value = .text(.label)
        case .callbackRan:
            s.other = .handle; s.otherRequired = true; s.value = .text(.label)
        case .warning:
            s.value = .text(.message); s.reason = .warning
        case .shutdown:
            s.value = .int(.pending)
        case .finished:
            s.value = .text(.message); s.reason = .outcome
        }
        return s
    }
}
