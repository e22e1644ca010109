import LoopscopeScheduler

// seed 002 — "Understanding Async/Await in Python": requesting five pages.
// The network is replaced by fixed per-site latencies (requests.get / httpx's get become a
// blocking sleep / an asyncio sleep of that long).

enum Seed002Pages {
    static let pages = ["https://google.com", "https://facebook.com", "https://amazon.com",
                        "https://apple.com", "https://netflix.com"]
    static let latency: [String: Double] = ["google.com": 0.3, "facebook.com": 0.5, "amazon.com": 0.4,
                                            "apple.com": 0.2, "netflix.com": 0.6]

    /// `page.rsplit("/", 1)[1]`
    static func site(_ page: String) -> String { String(page.split(separator: "/").last ?? "") }
}
