/// A set of short ASCII names looked up by their UTF-8 bytes without building a `String`.
///
/// Used by the decoder for field names, event kinds and reasons. Each name (at most 32
/// bytes) is packed into four words; lookup packs the input the same way, hashes the words
/// into a small open-addressing table and compares the words found there, so a word that
/// is not in the table is never mistaken for one that is.
final class NameTable: Sendable {
    /// The names, indexed by the value each one stands for.
    let names: [[UInt8]]
    /// Open addressing, probed linearly from the hash: each slot holds a packed name and
    /// its index (-1: empty), so a lookup touches one array.
    private let slots: [Slot]
    private let shift: UInt64

    struct Slot: Sendable {
        var name = Packed()
        var index = -1
    }

    struct Packed: Equatable, Sendable {
        var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0
        var count = 0

        init() {}

        @inline(__always)
        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard bytes.count <= Self.capacity else { return nil }
            for b in bytes { append(b) }
        }

        static let capacity = 32

        /// Adds eight bytes (or the first `count` of them, the rest being zero) at a word
        /// boundary; the caller keeps the total within `capacity`.
        @inline(__always)
        mutating func appendWord(_ v: UInt64, count n: Int = 8) {
            switch count >> 3 {
            case 0: w0 = v
            case 1: w1 = v
            case 2: w2 = v
            default: w3 = v
            }
            count &+= n
        }

        /// Adds one byte; the caller keeps `count` below `capacity`.
        @inline(__always)
        mutating func append(_ byte: UInt8) {
            let b = UInt64(byte) << UInt64((count & 7) &* 8)
            switch count >> 3 {
            case 0: w0 |= b
            case 1: w1 |= b
            case 2: w2 |= b
            default: w3 |= b
            }
            count &+= 1
        }

        /// A multiplicative hash; the table takes its top bits.
        @inline(__always)
        var hash: UInt64 {
            (w0 ^ (w1 &* 31) ^ (w2 &* 131) ^ (w3 &* 1031) ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15
        }
    }

    init(_ names: [String]) {
        self.names = names.map { Array($0.utf8) }
        var bits: UInt64 = 4
        while 1 << bits < names.count * 4 { bits += 1 }
        let size = 1 << Int(bits)
        var slots = [Slot](repeating: Slot(), count: size)
        for (i, name) in self.names.enumerated() {
            let p = name.withUnsafeBufferPointer { Packed($0) }!
            var k = Int(p.hash >> (64 - bits))
            while slots[k].index >= 0 { k = (k + 1) & (size - 1) }
            slots[k] = Slot(name: p, index: i)
        }
        self.slots = slots
        shift = 64 - bits
    }

    /// The index of the name spelled by `bytes`, or nil.
    @inline(__always)
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let p = Packed(bytes) else { return nil }
        return lookup(p)
    }

    /// The index of the packed name, or nil.
    @inline(__always)
    func lookup(_ p: Packed) -> Int? {
        let mask = slots.count - 1
        var k = Int(truncatingIfNeeded: p.hash >> shift)
        while true {
            let slot = slots[k]
            guard slot.index >= 0 else { return nil }
            if slot.name == p { return slot.index }
            k = (k + 1) & mask
        }
    }

    /// The names joined for an error message: `a, b or c`.
    var list: String {
        let all = names.map { String(decoding: $0, as: UTF8.self) }
        guard all.count > 1 else { return all.first ?? "" }
        return all.dropLast().joined(separator: ", ") + " or " + all[all.count - 1]
    }
}

/// The words the JSON Lines form uses for event kinds and reasons: each case's own name.
enum Spelling {
    /// Event kinds, then the line kinds that stand for more than one event (`yielded`).
    static let kinds = NameTable(EventKind.allCases.map { String(describing: $0) } + ["yielded"])
    /// The index of `yielded` among `kinds`: a `suspended(yield)` then a `scheduled(yielded)`.
    static let yieldedLine = EventKind.allCases.count
    static let lanes = table(TaskKind.self)
    static let wake = table(WakeReason.self)
    static let wait = table(WaitReason.self)
    static let resume = table(ResumeMode.self)
    static let stream = table(OutputStream.self)
    static let blocking = table(BlockingKind.self)
    static let purpose = table(TimerPurpose.self)
    static let warning = table(WarningKind.self)
    static let outcome = table(RunOutcome.self)

    /// Names indexed by raw value; raw values must run 0, 1, 2, … in case order.
    private static func table<E: CaseIterable & RawRepresentable>(_: E.Type) -> NameTable
    where E.RawValue == UInt8 {
        let cases = Array(E.allCases)
        for (i, c) in cases.enumerated() { precondition(Int(c.rawValue) == i) }
        return NameTable(cases.map { String(describing: $0) })
    }
}

extension TaskKind: CaseIterable {
    public static let allCases: [TaskKind] = [.task, .thread, .mainThread]
}
