// swift-tools-version:6.2
import PackageDescription

/// Settings every target shares: Swift 6 language mode (the tools default) with strict
/// concurrency, and nonisolated async functions that stay on the caller's executor, so demo
/// code written as plain `async` functions never leaves the tracing scheduler's thread.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
]

/// The libraries (LoopscopeTrace, LoopscopeScheduler, LoopscopeTimeline, LoopscopeRender,
/// LoopscopePython) are plain Swift. The terminal front end (LoopscopeTUI's ncurses backend
/// LoopscopeCurses, and so the `loopscope` executable) is Linux-only until it builds on
/// macOS: it is built and tested on Linux with ncursesw only; so is LoopscopeOutput (Glibc). Types public only for the
/// tests and benchmarks are `package`, not part of the libraries' API.
let package = Package(
    name: "loopscope",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "loopscope", targets: ["loopscope"]),
        .library(name: "LoopscopeTrace", targets: ["LoopscopeTrace"]),
        .library(name: "LoopscopeScheduler", targets: ["LoopscopeScheduler"]),
        .library(name: "LoopscopeTimeline", targets: ["LoopscopeTimeline"]),
        .library(name: "LoopscopeRender", targets: ["LoopscopeRender"]),
        .library(name: "LoopscopePython", targets: ["LoopscopePython"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        // Layer 1: the trace (events, tasks, sources) and its JSON Lines codec.
        .target(name: "LoopscopeTrace", swiftSettings: strict),
        // Layer 1: the deterministic tracing scheduler with asyncio's semantics.
        .target(
            name: "LoopscopeScheduler",
            dependencies: [
                "LoopscopeTrace",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "HeapModule", package: "swift-collections"),
            ],
            swiftSettings: strict),
        // The seed articles' examples, ported to the scheduler's API.
        // Their Python originals (demos/python) are embedded too, to be recorded on CPython.
        .target(name: "LoopscopeDemos", dependencies: ["LoopscopeScheduler"], path: "demos",
                exclude: ["python"], swiftSettings: strict, plugins: ["EmbedDemoSources"]),
        // Layer 1: runs a Python program on CPython through the embedded recorder
        // (recorder/loopscope_record.py) and reads back its trace.
        .target(name: "LoopscopePython", dependencies: ["LoopscopeTrace"], swiftSettings: strict,
                plugins: ["EmbedDemoSources"]),
        // Build-time helper: embeds source text (demos, Python twins, the recorder).
        .executableTarget(name: "EmbedSourcesTool", swiftSettings: strict),
        .plugin(name: "EmbedDemoSources", capability: .buildTool(), dependencies: ["EmbedSourcesTool"]),
        // Layer 2: the timeline model derived from a trace.
        .target(name: "LoopscopeTimeline", dependencies: ["LoopscopeTrace"], swiftSettings: strict),
        // Layer 2: pure text renderers and exporters.
        .target(name: "LoopscopeRender", dependencies: ["LoopscopeTimeline", "LoopscopeTrace"],
                swiftSettings: strict),
        // Layer 3, beside the terminal front end: a command's output written to standard
        // output or to a file (`-o`) without surprising whoever owns it, through a write
        // function a test can make fail. Linux-only (Glibc), like the terminal front end.
        .target(name: "LoopscopeOutput", dependencies: ["LoopscopeRender", "LoopscopeTrace"], swiftSettings: strict),
        // Layer 3: the terminal front end (state, reduce, view) and its ncurses backend.
        .target(name: "LoopscopeTUI", dependencies: ["LoopscopeRender", "LoopscopeTimeline", "LoopscopeTrace"],
                swiftSettings: strict),
        // ncursesw from libncurses-dev. No pkgConfig: its cflags carry -D flags SwiftPM
        // rejects with a warning; the module map names the libraries itself.
        .systemLibrary(name: "CNcurses"),
        // Restores the terminal from a crash signal handler (async-signal-safe C).
        .target(name: "CTerminalGuard"),
        .target(name: "LoopscopeCurses",
                dependencies: ["CNcurses", "CTerminalGuard", "LoopscopeTUI", "LoopscopeTimeline", "LoopscopeTrace"],
                swiftSettings: strict),
        .executableTarget(
            name: "loopscope",
            dependencies: [
                "LoopscopeTrace", "LoopscopeScheduler", "LoopscopeDemos", "LoopscopeTimeline",
                "LoopscopeRender", "LoopscopeTUI", "LoopscopeCurses", "LoopscopePython", "LoopscopeOutput",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        .testTarget(name: "LoopscopeTraceTests", dependencies: ["LoopscopeTrace", "LoopscopeTestSupport"],
                    swiftSettings: strict),
        // Test helpers shared by the test targets: CPython reference traces, hand-built
        // traces, a byte feed that reads like a file.
        .target(name: "LoopscopeTestSupport", dependencies: ["LoopscopeScheduler", "LoopscopeTrace"],
                path: "Tests/LoopscopeTestSupport", swiftSettings: strict),
        .testTarget(name: "LoopscopeSchedulerTests", dependencies: ["LoopscopeScheduler", "LoopscopeTestSupport"],
                    exclude: ["Reference"], swiftSettings: strict),
        .testTarget(name: "LoopscopeDemosTests",
                    dependencies: ["LoopscopeDemos", "LoopscopeScheduler", "LoopscopeTestSupport", "LoopscopePython"],
                    exclude: ["Reference"], swiftSettings: strict),
        .testTarget(name: "LoopscopeTimelineTests",
                    dependencies: ["LoopscopeTimeline", "LoopscopeTrace", "LoopscopeDemos", "LoopscopeTestSupport"],
                    swiftSettings: strict),
        .testTarget(name: "LoopscopeRenderTests",
                    dependencies: ["LoopscopeRender", "LoopscopeTimeline", "LoopscopeTrace", "LoopscopeDemos",
                                   "LoopscopeScheduler", "LoopscopeTestSupport"],
                    exclude: ["Golden"], swiftSettings: strict),
        .testTarget(name: "LoopscopeTUITests",
                    dependencies: ["LoopscopeTUI", "LoopscopeTimeline", "LoopscopeTrace", "LoopscopeRender",
                                   "LoopscopeDemos", "LoopscopeTestSupport", "LoopscopePython"],
                    exclude: ["Golden"], swiftSettings: strict),
        .testTarget(name: "LoopscopeCursesTests", dependencies: ["LoopscopeCurses", "CTerminalGuard"],
                    swiftSettings: strict),
        .testTarget(name: "LoopscopeOutputTests", dependencies: ["LoopscopeOutput", "LoopscopeRender", "LoopscopeTrace"],
                    swiftSettings: strict),
        .testTarget(name: "LoopscopeCLITests", dependencies: ["LoopscopeTrace", "LoopscopeTestSupport"],
                    swiftSettings: strict),
    ]
)
