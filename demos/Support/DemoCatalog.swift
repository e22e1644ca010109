import LoopscopeScheduler

/// Every demo, in the order of the articles they come from.
public enum DemoCatalog {
    public static let all: [Demo] = [
        Seed000FetchURL.demo,
        Seed001PrintOnly.demo, Seed001AwaitCoroutine.demo, Seed001CreateTaskNoAwait.demo,
        Seed001AwaitTask.demo, Seed001Sleep2FooSleep1.demo, Seed001Sleep05FooSleep10.demo,
        Seed001FuturesNoAwait.demo, Seed001FuturesAwaitTask1.demo, Seed001FuturesAwaitBoth.demo,
        Seed001FuturesAwaitBothQuarter.demo,
        Seed002SyncRequests.demo, Seed002AsyncRequests.demo, Seed002SleepCycles.demo,
        Seed002RoundRobin.demo, Seed002Countdown.demo,
        Seed003SayAfter.demo,
        Seed004JobsThreads.demo, Seed004JobsAsync.demo, Seed004HelloWorld.demo,
        Seed004TaskOrdering.demo, Seed004QuizSequential.demo, Seed004QuizConcurrent.demo,
    ]

    /// The demo with this id, if any.
    public static func named(_ id: String) -> Demo? {
        all.first { $0.id == id }
    }

    /// Demo ids closest to `id` (by edit distance, then by shared prefix), for "did you mean".
    public static func closest(to id: String, limit: Int = 3) -> [String] {
        let scored = all.map { demo -> (String, Int) in
            let d = editDistance(id.lowercased(), demo.id)
            let containsBonus = demo.id.contains(id.lowercased()) && !id.isEmpty ? -100 : 0
            return (demo.id, d + containsBonus)
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0)
    }

    static func sourceText(_ fileName: String) -> String? {
        embeddedSources[fileName] ?? embeddedSources.first { $0.key.hasSuffix("/" + fileName) }?.value
    }

    /// Finds demo files by `#fileID` (`LoopscopeDemos/Seed000FetchURL.swift`) and names
    /// them as they sit in the repository (`demos/Seed000FetchURL.swift`,
    /// `demos/Support/Print.swift`).
    static let sources = SourceCatalog { fileID in
        let name = String(fileID.split(separator: "/").last ?? Substring(fileID))
        let match = embeddedSources[name].map { (name, $0) }
            ?? embeddedSources.first { $0.key.hasSuffix("/" + name) }.map { ($0.key, $0.value) }
        guard let (relative, text) = match else { return nil }
        return SourceFile(path: "demos/\(relative)", text: text)
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1,
                                 previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
