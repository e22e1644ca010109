import Foundation
import LoopscopeScheduler

// A program of your own, written with the scheduler's asyncio-style API: a producer puts
// jobs on a queue, two workers take them and "download" them (a sleep), main gathers them.

func producer(_ queue: AsyncQueue<Int>) async throws {
    for job in 1...4 {
        try await queue.put(job)
        output("queued job \(job)")
    }
    for _ in 0..<2 { try await queue.put(0) }   // one stop signal per worker
}

func worker(_ name: String, _ queue: AsyncQueue<Int>) async throws -> Int {
    var done = 0
    while true {
        let job = try await queue.get()
        if job == 0 { return done }
        try await sleep(Double(job) * 0.25)
        output("\(name) finished job \(job)")
        done += 1
    }
}

func main() async throws {
    let queue = AsyncQueue<Int>(maxSize: 2)
    let workers = [
        createTask("worker('A', queue)") { try await worker("A", queue) },
        createTask("worker('B', queue)") { try await worker("B", queue) },
    ]
    try await producer(queue)
    let counts = try await gather(workers)
    output("jobs per worker: \(counts)")
}

// The trace carries this file's text, so the player shows the code beside the lanes.
let thisFile = #filePath
let sources = SourceCatalog { fileID in
    guard fileID.hasSuffix("main.swift"), let text = try? String(contentsOfFile: thisFile, encoding: .utf8) else {
        return nil
    }
    return SourceFile(path: "Sources/TraceMyProgram/main.swift", text: text)
}

let info = ProgramInfo(id: "trace-my-program", title: "A producer and two workers")
let result = asyncioRun(info, options: RunOptions(sources: sources), main: main)
let path = CommandLine.arguments.dropFirst().first ?? "trace.jsonl"
do {
    try Data(TraceJSONL.encodeBytes(result.trace)).write(to: URL(fileURLWithPath: path))
} catch {
    FileHandle.standardError.write(Data("cannot write \(path): \(error)\n".utf8))
    exit(1)
}
print("\(result.outcome): \(result.trace.events.count) events written to \(path); play them with: loopscope play \(path)")
exit(result.outcome == .ok ? 0 : 1)
