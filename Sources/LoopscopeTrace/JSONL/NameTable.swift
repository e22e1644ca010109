/// A set of ASCII names looked up by their UTF-8 bytes without building a `String`.
///
/// Used by the decoder for field names, event kinds and reasons. Lookup hashes the bytes
/// (FNV-1a) and then compares them, so two names never collide.
struct NameTable: Sendable {
    /// The names, indexed by the value each one stands for.
    let names: [[UInt8]]
    private let index: [UInt64: Int]

    init(_ names: [String]) {
        self.names = names.map { Array($0.utf8) }
        var index: [UInt64: Int] = [:]
        for (i, name) in self.names.enumerated() {
            index[Self.hash(name[...])] = i
        }
        precondition(index.count == names.count, "names must hash apart")
        self.index = index
    }

    /// The index of the name spelled by `bytes`, or nil.
    @inline(__always)
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let i = index[Self.hash(bytes)] else { return nil }
        let name = names[i]
        guard name.count == bytes.count else { return nil }
        for k in 0..<name.count where name[k] != bytes[k] { return nil }
        return i
    }

    /// The names joined for an error message: `a, b or c`.
    var list: String {
        let all = names.map { String(decoding: $0, as: UTF8.self) }
        guard all.count > 1 else { return all.first ?? "" }
        return all.dropLast().joined(separator: ", ") + " or " + all[all.count - 1]
    }

    @inline(__always)
    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
    }
}

/// The words the JSON Lines form uses for event kinds and reasons: each case's own name.
enum Spelling {
    static let kinds = table(EventKind.self)
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
