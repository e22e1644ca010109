import LoopscopeTestSupport
import Testing
@testable import LoopscopeTrace

/// Reading a file of known size, the decoder sizes its events array from the first lines it
/// reads: a huge file's events are never copied into a twice-as-large array near the end
/// (hundreds of MB in one go, with no question to `shouldStop` meanwhile).
@Suite("JSON Lines decoding: room for the events")
struct TraceJSONLReserveTests {
    /// Decodes `bytes` as a file of that size is read, in windows of 64 KB.
    static func decodeAsAFile(_ bytes: [UInt8]) throws -> Trace {
        let decoded = try TraceJSONL.decodeWithVersion(reading: ByteFeed(bytes).read, sourceName: "t.jsonl",
                                                       sizeHint: bytes.count, chunkSize: 1 << 16)
        return try #require(decoded).trace
    }

    @Test func shortLinesAreCountedAndTheArrayIsNotRegrown() throws {
        // Synthetic lines run under 80 bytes, as in the 5 M-event benchmark file.
        let trace = SyntheticTrace.make(tasks: 300, events: 120_000, seed: 3)
        let bytes = TraceJSONL.encodeBytes(trace)
        #expect(bytes.count / trace.events.count < 80, "the lines are short enough to tell")
        let decoded = try Self.decodeAsAFile(bytes)
        #expect(decoded == (try TraceJSONL.decode(bytes, sourceName: "t.jsonl")))
        let events = decoded.events
        // A regrown array doubles its room (about twice the events); one sized from the
        // first lines has room for them and an eighth more.
        #expect(events.capacity >= events.count)
        #expect(events.capacity <= events.count + events.count / 4, "room for \(events.capacity), \(events.count) events")
    }

    @Test func theGuessIsBoundedByTheShortestPossibleLine() {
        #expect(TraceDecoder.expectedEvents(size: 1_000, sample: 100, eventsInSample: 50) == 1_000 / 16)
        #expect(TraceDecoder.expectedEvents(size: 8_000, sample: 800, eventsInSample: 10) == 112)
        #expect(TraceDecoder.expectedEvents(size: 0, sample: 0, eventsInSample: 0) == 0)
    }
}
