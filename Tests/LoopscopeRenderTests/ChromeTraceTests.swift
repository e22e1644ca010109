import Foundation
import LoopscopeRender
import LoopscopeTimeline
import LoopscopeTrace
import Testing

/// The Chrome trace is valid JSON in the Trace Event Format, and its flows bind to slices.
@Suite struct ChromeTraceTests {
    struct Slice { var tid: Int; var start: Double; var end: Double; var cat: String }

    static func parse(_ trace: Trace) throws -> [[String: Any]] {
        let json = ChromeTraceExporter.render(Timeline(trace: trace))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(root["displayTimeUnit"] as? String == "ms")
        return try #require(root["traceEvents"] as? [[String: Any]])
    }

    @Test(arguments: HandBuiltTraces.all.map(\.name))
    func flowsStartAndEndInsideSlices(name: String) throws {
        let trace = try #require(HandBuiltTraces.all.first { $0.name == name }?.trace)
        let events = try Self.parse(trace)
        let slices = events.filter { $0["ph"] as? String == "X" }.map { e in
            let ts = e["ts"] as? Double ?? -1
            return Slice(tid: e["tid"] as? Int ?? -1, start: ts, end: ts + (e["dur"] as? Double ?? 0),
                         cat: e["cat"] as? String ?? "")
        }
        let flows = events.filter { ["s", "f"].contains($0["ph"] as? String) }
        #expect(!flows.isEmpty)
        var starts: [Int: Int] = [:]
        var finishes: [Int: Int] = [:]
        for flow in flows {
            let id = try #require(flow["id"] as? Int)
            let tid = try #require(flow["tid"] as? Int)
            let ts = try #require(flow["ts"] as? Double)
            let inside = slices.contains { $0.tid == tid && $0.start < ts && ts < $0.end }
            #expect(inside, "flow \(id) (\(flow["ph"]!)) at \(ts) on thread \(tid) is in no slice")
            if flow["ph"] as? String == "s" { starts[id, default: 0] += 1 } else {
                finishes[id, default: 0] += 1
                #expect(flow["bp"] as? String == "e")
                // A flow ends where the woken task runs.
                #expect(slices.contains { $0.tid == tid && $0.cat == "running" && $0.start < ts && ts < $0.end })
            }
        }
        #expect(starts.keys.sorted() == finishes.keys.sorted())
        #expect(starts.values.allSatisfy { $0 == 1 } && finishes.values.allSatisfy { $0 == 1 })
    }

    @Test(arguments: HandBuiltTraces.all.map(\.name))
    func slicesOfOneThreadDoNotOverlap(name: String) throws {
        let trace = try #require(HandBuiltTraces.all.first { $0.name == name }?.trace)
        let events = try Self.parse(trace)
        var byThread: [Int: [(Double, Double)]] = [:]
        for e in events where e["ph"] as? String == "X" {
            let ts = try #require(e["ts"] as? Double)
            let dur = try #require(e["dur"] as? Double)
            #expect(dur >= 0)
            byThread[e["tid"] as? Int ?? -1, default: []].append((ts, ts + dur))
        }
        for (tid, spans) in byThread {
            let sorted = spans.sorted { $0.0 < $1.0 }
            for (a, b) in zip(sorted, sorted.dropFirst()) {
                #expect(a.1 <= b.0 + 1e-9, "thread \(tid): \(a) overlaps \(b)")
            }
        }
    }

    @Test func namesEveryThreadAndCountsTheReadyQueue() throws {
        let events = try Self.parse(HandBuiltTraces.fetchURL)
        let names = events.filter { $0["ph"] as? String == "M" && $0["name"] as? String == "thread_name" }
            .compactMap { ($0["args"] as? [String: Any])?["name"] as? String }
        // The program binds the two tasks to task_a and task_b: the lanes say so.
        #expect(names == ["event loop", "Task-1 main()", "task_a (Task-2) fetch_url(\"A (long)\", 3)",
                          "task_b (Task-3) fetch_url(\"B (short)\", 1)"])
        let used = Set(events.compactMap { $0["tid"] as? Int })
        #expect(used == [0, 1, 2, 3])
        // The ready queue holds Task-2 and Task-3 when main first awaits: the counter
        // reaches 2 and ends at 0.
        let counts = events.filter { $0["ph"] as? String == "C" }
            .compactMap { ($0["args"] as? [String: Any])?["entries"] as? Int }
        #expect(counts.max() == 2)
        #expect(counts.last == 0)
        // Timestamps grow with steps: the 3 s timer's wake lands after 3,000,000 µs.
        let tasks2 = events.filter { $0["tid"] as? Int == 3 && $0["cat"] as? String == "running" }
        #expect(tasks2.count == 2)
        #expect((tasks2.last?["ts"] as? Double ?? 0) > 1_000_000)
    }

    @Test func hostileStringsStayValidJSON() throws {
        let events = try Self.parse(HandBuiltTraces.crowd)
        let prints = events.filter { $0["name"] as? String == "print" }
        let text = try #require((prints.first?["args"] as? [String: Any])?["text"] as? String)
        #expect(text.hasPrefix("␛[2Jclear screen?"))
    }
}
