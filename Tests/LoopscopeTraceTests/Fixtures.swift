import LoopscopeTrace

/// Hand-built traces for the tests.
enum Fixtures {
    /// A trace made through `TraceBuilder` with every event kind and every reason of every
    /// kind, hostile strings (quotes, control characters, escapes, emoji, combining marks),
    /// extreme times and -1 ids. It is not a consistent run: it exercises the codec only.
    static func everything() -> Trace {
        var b = TraceBuilder(program: ProgramInfo(
            id: "all", title: "Every \"kind\"", origin: "tests", note: "line 1\nline 2\ttab",
            claims: [ArticleClaim(article: "A says ✓", actual: "B does \u{1B}[31m"),
                     ArticleClaim(article: "", actual: "")]))
        let file = b.file(path: "demos/Sample.swift", text: "import X\n\nfunc main() {\n\t\"q\" \\ é 日本\n}\n")
        let other = b.file(path: "other/Empty.swift", text: "")
        let s1 = b.site(file: file, line: 3)
        let s2 = b.site(file: other, line: 1)
        var t: Int64 = 0
        func next() -> VirtualTime { t += 1_234_567; return VirtualTime(nanoseconds: t) }

        let main = b.addTask(TaskInfo(name: "Task-1", label: "main()"))
        b.append(TraceEvent(kind: .created, time: .zero, task: main, other: -1,
                            value: Int64(b.intern("main()")), site: s1, reason: TaskKind.task.rawValue))
        let worker = b.addTask(TaskInfo(name: "Task-2 ✨", label: "work(\"a\\b\")", parent: main))
        b.append(TraceEvent(kind: .created, time: next(), task: worker, other: main,
                            value: Int64(b.intern("work(\"a\\b\")")), site: s2))
        let thread = b.addTask(TaskInfo(name: "asyncio_0", label: "blocking()", kind: .thread, parent: worker))
        b.append(TraceEvent(kind: .created, time: next(), task: thread, other: worker,
                            value: Int64(b.intern("blocking()")), reason: TaskKind.thread.rawValue))
        let lone = b.addTask(TaskInfo(name: "MainThread", label: "script", kind: .mainThread))
        b.append(TraceEvent(kind: .created, time: next(), task: lone, value: Int64(b.intern("script")),
                            reason: TaskKind.mainThread.rawValue))

        for r in WakeReason.allCases {
            b.append(TraceEvent(kind: .scheduled, time: next(), task: worker, other: r == .created ? -1 : 7,
                                reason: r.rawValue))
        }
        b.append(TraceEvent(kind: .started, time: next(), task: main))
        for r in ResumeMode.allCases {
            b.append(TraceEvent(kind: .resumed, time: next(), task: worker, reason: r.rawValue))
        }
        for r in WaitReason.allCases {
            let value = r == .sleep ? Int64.max : 3
            b.append(TraceEvent(kind: .suspended, time: next(), task: main, other: r == .sleep ? -1 : worker,
                                value: value, site: s1, reason: r.rawValue))
            b.append(TraceEvent(kind: .awaitedReady, time: next(), task: main, other: worker, site: s2,
                                reason: r.rawValue))
        }
        b.append(TraceEvent(kind: .completed, time: next(), task: worker, value: Int64(b.intern("'ok' ✓"))))
        b.append(TraceEvent(kind: .failed, time: next(), task: worker,
                            value: Int64(b.intern("ValueError('\u{0}\u{7}\u{7F}')"))))
        b.append(TraceEvent(kind: .cancelled, time: next(), task: worker, value: -1))
        b.append(TraceEvent(kind: .cancelled, time: next(), task: worker, value: Int64(b.intern("stop"))))
        b.append(TraceEvent(kind: .cancelRequested, time: next(), task: worker, other: -1, value: 1))
        b.append(TraceEvent(kind: .cancelRequested, time: next(), task: worker, other: main, value: 0))
        for r in OutputStream.allCases {
            b.append(TraceEvent(kind: .printed, time: next(), task: r == .stdout ? main : -1,
                                value: Int64(b.intern("out \u{1B}[2J\r\n👩‍👩‍👧 e\u{301} \u{2028}")),
                                site: s1, reason: r.rawValue))
        }
        b.append(TraceEvent(kind: .printed, time: next(), task: main, value: Int64(b.intern(""))))
        let from = t
        b.append(TraceEvent(kind: .clockJump, time: VirtualTime(nanoseconds: 9_000_000_000_000_000_001),
                            value: from))
        t = 9_000_000_000_000_000_001
        for r in BlockingKind.allCases {
            b.append(TraceEvent(kind: .blocked, time: next(), task: thread, value: 1, reason: r.rawValue))
        }
        for r in TimerPurpose.allCases {
            b.append(TraceEvent(kind: .timerAdded, time: next(), task: main, other: Int32(r.rawValue),
                                value: t + 5, reason: r.rawValue))
            b.append(TraceEvent(kind: .timerFired, time: next(), other: Int32(r.rawValue), value: t,
                                reason: r.rawValue))
            b.append(TraceEvent(kind: .timerCancelled, time: next(), task: main, other: 99, value: 0,
                                reason: r.rawValue))
        }
        b.append(TraceEvent(kind: .callbackQueued, time: next(), task: worker, other: 40,
                            value: Int64(b.intern("Task.__wakeup"))))
        b.append(TraceEvent(kind: .callbackQueued, time: next(), other: 41, value: -1))
        b.append(TraceEvent(kind: .callbackRan, time: next(), other: 40))
        for r in WarningKind.allCases {
            b.append(TraceEvent(kind: .warning, time: next(), task: r == .deadlock ? -1 : worker,
                                value: Int64(b.intern("warn \(r)")), reason: r.rawValue))
        }
        b.append(TraceEvent(kind: .shutdown, time: next(), value: 2))
        for r in RunOutcome.allCases {
            b.append(TraceEvent(kind: .finished, time: next(), value: Int64(b.intern("done")), reason: r.rawValue))
        }
        return b.build()
    }

    /// A small, consistent run, as the scheduler would record `main` starting one worker
    /// that sleeps once: used where a valid trace is needed.
    static func sleepyRun() -> Trace {
        var b = TraceBuilder(program: ProgramInfo(id: "sleepy", title: "One sleep"))
        let file = b.file(path: "demos/Sleepy.swift", text: "a\nb\nc\nd\ne\n")
        let main = b.addTask(TaskInfo(name: "Task-1", label: "main()"))
        b.append(TraceEvent(kind: .created, time: .zero, task: main, value: Int64(b.intern("main()")),
                            site: b.site(file: file, line: 5)))
        b.append(TraceEvent(kind: .scheduled, time: .zero, task: main, reason: WakeReason.created.rawValue))
        b.append(TraceEvent(kind: .started, time: .zero, task: main))
        let w = b.addTask(TaskInfo(name: "Task-2", label: "nap()", parent: main))
        b.append(TraceEvent(kind: .created, time: .zero, task: w, other: main, value: Int64(b.intern("nap()")),
                            site: b.site(file: file, line: 2)))
        b.append(TraceEvent(kind: .scheduled, time: .zero, task: w, reason: WakeReason.created.rawValue))
        b.append(TraceEvent(kind: .suspended, time: .zero, task: main, other: w, value: 1,
                            site: b.site(file: file, line: 3), reason: WaitReason.task.rawValue))
        b.append(TraceEvent(kind: .started, time: .zero, task: w))
        b.append(TraceEvent(kind: .timerAdded, time: .zero, task: w, other: 0, value: 1_000_000_000))
        b.append(TraceEvent(kind: .suspended, time: .zero, task: w, value: 1_000_000_000,
                            site: b.site(file: file, line: 1), reason: WaitReason.sleep.rawValue))
        let second = VirtualTime(nanoseconds: 1_000_000_000)
        b.append(TraceEvent(kind: .clockJump, time: second, value: 0))
        b.append(TraceEvent(kind: .timerFired, time: second, task: w, other: 0, value: 1_000_000_000))
        b.append(TraceEvent(kind: .callbackRan, time: second, other: 0))
        b.append(TraceEvent(kind: .scheduled, time: second, task: w, other: 0, reason: WakeReason.timer.rawValue))
        b.append(TraceEvent(kind: .resumed, time: second, task: w))
        b.append(TraceEvent(kind: .printed, time: second, task: w, value: Int64(b.intern("awake")),
                            site: b.site(file: file, line: 1)))
        b.append(TraceEvent(kind: .completed, time: second, task: w, value: Int64(b.intern("None"))))
        b.append(TraceEvent(kind: .scheduled, time: second, task: main, other: w, reason: WakeReason.taskDone.rawValue))
        b.append(TraceEvent(kind: .resumed, time: second, task: main))
        b.append(TraceEvent(kind: .completed, time: second, task: main, value: Int64(b.intern("None"))))
        b.append(TraceEvent(kind: .shutdown, time: second, value: 0))
        b.append(TraceEvent(kind: .finished, time: second, value: Int64(b.intern(""))))
        return b.build()
    }
}
