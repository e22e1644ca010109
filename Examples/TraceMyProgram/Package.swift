// swift-tools-version:6.2
import PackageDescription

// How a Swift program of your own is traced with loopscope's scheduler: depend on the
// LoopscopeScheduler library (here by path, from inside the loopscope repository; elsewhere
// `.package(url: "https://…/loopscope", branch: "main")`), run the program with
// `asyncioRun`, write the trace, and play it with `loopscope play FILE.jsonl`.
let package = Package(
    name: "TraceMyProgram",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "loopscope", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "TraceMyProgram",
            dependencies: [.product(name: "LoopscopeScheduler", package: "loopscope")],
            swiftSettings: [
                // Plain `async` functions stay on the caller's executor, so they run on the
                // scheduler's thread like the tasks that call them.
                .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
            ]),
    ]
)
