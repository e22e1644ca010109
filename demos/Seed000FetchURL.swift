import LoopscopeScheduler

// seed 000 — "Async Python": when exactly does a coroutine yield control?
// Python original:
//   async def fetch_url(url_name, delay):
//       await asyncio.sleep(delay)
//       return f"Data from {url_name}"
//   async def main():
//       task_a = asyncio.create_task(fetch_url("A (long)", 3))
//       task_b = asyncio.create_task(fetch_url("B (short)", 1))
//       print("[Main]: Tasks A & B scheduled. ...")
//       result_a = await task_a
//       result_b = await task_b
//       return f"Final: {result_a}, {result_b}"
//   final_output = asyncio.run(main())
//   print(f"Output from main: {final_output}")

enum Seed000FetchURL {
    static func fetchURL(_ urlName: String, _ delay: Double) async throws -> String {
        try await sleep(delay)
        return "Data from \(urlName)"
    }

    static func main() async throws -> String {
        let taskA = createTask("fetch_url(\"A (long)\", 3)") { try await fetchURL("A (long)", 3) }
        let taskB = createTask("fetch_url(\"B (short)\", 1)") { try await fetchURL("B (short)", 1) }
        print("[Main]: Tasks A & B scheduled. My own synchronous code continues UNTIL the first 'await'.")
        let resultA = try await taskA.value()
        let resultB = try await taskB.value()
        return "Final: \(resultA), \(resultB)"
    }

    static let info = ProgramInfo(
        id: "seed000-fetch-url",
        title: "fetch_url: Task A (3 s) and Task B (1 s)",
        origin: "seed 000",
        note: """
            create_task only schedules: main runs on, prints, and gives up control only at its \
            first await. Then the loop starts Task A, then Task B (creation order), both park in \
            their sleeps, and the clock jumps to 1 s (B finishes) and 3 s (A finishes, main \
            resumes). `await task_b` does not suspend: B finished long before.
            """)

    static let demo = Demo(info: info, fileName: "Seed000FetchURL.swift", referenceCase: "seed000_fetch_url") { options in
        asyncioRun(info, options: options, main: main) { finalOutput in
            print("Output from main: \(finalOutput)")
        }
    }
}
