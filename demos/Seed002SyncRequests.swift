import LoopscopeScheduler

// seed 002 — "Understanding Async/Await in Python": requesting five pages.
// The network is replaced by fixed per-site latencies (requests.get / httpx's get become a
// blocking sleep / an asyncio sleep of that long).

private let origin = "seed 002"

enum Seed002SyncRequests {
    /// Stand-in for `requests.get(page)`: blocks the thread for the site's latency.
    static func requestsGet(_ page: String) async throws {
        try await blockingSleep(Seed002Pages.latency[Seed002Pages.site(page)] ?? 0)
    }

    static func requestPage(_ page: String) async throws -> (String, Double) {
        let startRequest = virtualNow()
        try await requestsGet(page)
        let endRequest = virtualNow()
        return (Seed002Pages.site(page), endRequest - startRequest)
    }

    static func main() async throws {
        let pages = Seed002Pages.pages
        let start = virtualNow()
        var totalDuration = 0.0
        for page in pages {
            let (name, duration) = try await requestPage(page)
            totalDuration += duration
            print("Requested \(name) in \(fixed(duration)) seconds")
        }
        let end = virtualNow()
        print("Run time \(fixed(end - start)) seconds, cumulative run time \(fixed(totalDuration)) seconds")
    }

    static let info = ProgramInfo(
        id: "seed002-sync-requests", title: "Five requests, one after another (no event loop)", origin: origin,
        note: """
            A plain program: each request blocks the main thread for its latency, so the run \
            time is the sum of the latencies (2 s).
            """)

    static let demo = Demo(info: info, fileName: "Seed002SyncRequests.swift", referenceCase: "seed002_1_sync_requests") {
        threadsRun(info, options: $0, main: main)
    }
}
