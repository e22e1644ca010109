import LoopscopeScheduler

// seed 002 — "Understanding Async/Await in Python": requesting five pages.
// The network is replaced by fixed per-site latencies (requests.get / httpx's get become a
// blocking sleep / an asyncio sleep of that long).

private let origin = "seed 002"

enum Seed002AsyncRequests {
    /// Stand-in for `async with httpx.AsyncClient() as client: await client.get(page)`.
    static func clientGet(_ page: String) async throws {
        try await sleep(Seed002Pages.latency[Seed002Pages.site(page)] ?? 0)
    }

    static func requestPage(_ page: String) async throws -> (String, Double) {
        let startRequest = virtualNow()
        try await clientGet(page)
        let endRequest = virtualNow()
        return (Seed002Pages.site(page), endRequest - startRequest)
    }

    static func main() async throws {
        let pages = Seed002Pages.pages
        let start = virtualNow()
        let tasks = pages.map { page in createTask("request_page('\(page)')") { try await requestPage(page) } }
        var totalDuration = 0.0
        for nextResult in asCompleted(tasks) {
            let (site, duration) = try await nextResult.value()
            totalDuration += duration
            print("Requested \(site) in \(fixed(duration)) seconds")
        }
        let end = virtualNow()
        print("Run time \(fixed(end - start)) seconds, cumulative run time \(fixed(totalDuration)) seconds")
    }

    static let info = ProgramInfo(
        id: "seed002-async-requests", title: "Five requests at once with as_completed", origin: origin,
        note: """
            All five tasks start before any finishes; as_completed hands them back in the order \
            they finish (apple 0.2 s first, netflix 0.6 s last), so the run takes as long as the \
            slowest request. Each result reaches main through as_completed's internal queue: \
            the finished task's callback puts it there, which wakes main.
            """)

    static let demo = Demo(info: info, fileName: "Seed002AsyncRequests.swift", referenceCase: "seed002_2_async_requests") {
        asyncioRun(info, options: $0, main: main)
    }
}
