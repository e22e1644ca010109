import LoopscopeTrace

/// A trace whose names, labels, output and source mix scripts and invisible characters:
/// right-to-left overrides and isolates, zero-width spaces and joiners, stacked combining
/// marks, CJK, emoji sequences and flags — each placed so a wide character lands on a
/// pane's edge at some width.
enum MixedScriptTraces {
    static let names = [
        "Task-\u{202E}evil\u{202C}-2",
        "日本語のタスク名前",
        "e\u{301}\u{302}\u{303}\u{304}-zalgo-o\u{308}\u{308}",
        "zero\u{200B}width\u{200D}join\u{2066}iso\u{2069}",
        "👨‍👩‍👧‍👦 family 🇯🇵🇫🇷",
        "한국어 이름 ハンカク ｶﾀｶﾅ",
    ]

    static var trace: Trace {
        let source = (1...20).map { i in
            i % 3 == 0 ? "    print(\"\(names[i % names.count])\")   // 行 \(i)" : "line \(i): let x = \"日本\(i)\""
        }.joined(separator: "\n")
        var s = TraceScript(ProgramInfo(id: "mixed", title: "混在 \u{202E}scripts\u{202C} 👨‍👩‍👧 名前", origin: "hand-built",
                                        note: "Names mix bidi, zero-width, combining marks and CJK."),
                            source: source, path: "demos/混在.swift")
        let main = s.task("メイン", "main() \u{202E}txet\u{202C}")
        let tasks = names.map { s.task($0, "work(\"\($0)\")", parent: main) }
        s.create(main, by: -1, line: 1)
        s.start(main)
        for (i, t) in tasks.enumerated() { s.create(t, by: main, line: Int32(2 + i)) }
        let mainTimer = s.sleep(main, seconds: 3, line: 9)
        var timers: [Int32] = []
        for (i, t) in tasks.enumerated() {
            s.start(t)
            s.print("出力 \(names[i]) \u{200F}rtl\u{200E}", by: t, line: 3)
            timers.append(s.sleep(t, seconds: 0.25 * Double(i + 1), line: 6))
        }
        for (i, t) in tasks.enumerated() {
            s.jump(to: 0.25 * Double(i + 1))
            s.fire(timers[i], waking: t)
            s.resume(t)
            s.complete(t, "結果 \(names[i])")
        }
        s.jump(to: 3)
        s.fire(mainTimer, waking: main)
        s.resume(main)
        s.complete(main, "None")
        s.add(.shutdown)
        s.finish()
        return s.build()
    }
}
