import LoopscopeTestSupport
import LoopscopeTrace
import Testing

/// Reading a trace a window of lines at a time (as a file is read, never held whole) gives
/// exactly what reading it from one buffer gives: the same trace, or the same error at the
/// same line and column, whatever the window size. And it can be stopped: it asks at
/// bounded intervals, with how far it got.
@Suite("JSON Lines decoding in windows")
struct TraceJSONLWindowTests {
    /// What a decode gave, to compare two ways of decoding.
    enum Result: Equatable {
        case trace(Trace, version: Int)
        case error(TraceFormatError)
    }

    static func whole(_ bytes: [UInt8]) -> Result {
        do {
            let (trace, version) = try TraceJSONL.decodeWithVersion(bytes, sourceName: "t.jsonl")
            return .trace(trace, version: version)
        } catch { return .error(error) }
    }

    /// Decodes `bytes` through `read`, `chunk` bytes at most per read (as a pipe might hand
    /// them out), in windows of `chunk` bytes.
    static func windowed(_ bytes: [UInt8], chunk: Int) -> Result {
        do {
            let decoded = try TraceJSONL.decodeWithVersion(reading: ByteFeed(bytes, atMost: chunk).read,
                                                           sourceName: "t.jsonl", chunkSize: chunk)
            guard let decoded else {
                Issue.record("stopped though nothing asked it to")
                return .error(TraceFormatError(sourceName: "", line: 0, column: 0, message: "stopped"))
            }
            return .trace(decoded.trace, version: decoded.version)
        } catch { return .error(error) }
    }

    static let chunks = [1, 2, 7, 64, 1 << 20]

    @Test(arguments: TraceJSONLErrorTests.cases)
    func everyErrorIsTheSameInWindows(_ c: TraceJSONLErrorTests.Case) {
        let expected = Self.whole(c.input)
        guard case .error = expected else {
            Issue.record("the case decodes without error")
            return
        }
        for chunk in Self.chunks {
            #expect(Self.windowed(c.input, chunk: chunk) == expected, "windows of \(chunk) bytes")
        }
    }

    @Test func wholeTracesAreTheSameInWindows() throws {
        let traces = [Fixtures.everything(), Fixtures.sleepyRun(), SyntheticTrace.make(tasks: 30, events: 3_000, seed: 2)]
        for trace in traces {
            let bytes = TraceJSONL.encodeBytes(trace)
            let expected = Self.whole(bytes)
            #expect(expected == .trace(trace, version: Trace.formatVersion))
            for chunk in Self.chunks {
                #expect(Self.windowed(bytes, chunk: chunk) == expected, "windows of \(chunk) bytes")
            }
            // A byte-order mark, blank lines and no newline at the end.
            let marked = [0xEF, 0xBB, 0xBF] + bytes.dropLast() + Array("\n\n  \n".utf8)
            for chunk in Self.chunks {
                #expect(Self.windowed(marked, chunk: chunk) == Self.whole(marked), "windows of \(chunk) bytes")
            }
        }
    }

    /// Mutants of a real trace (a byte deleted, a newline put in, a byte changed, lines run
    /// together): each decodes to the same trace or fails with the same error either way.
    @Test func mutantsFailTheSameWayInWindows() {
        let bytes = TraceJSONL.encodeBytes(Fixtures.everything())
        var rng = SplitMix64(seed: 11)
        var errors = 0
        for n in 0..<400 {
            var m = bytes
            let i = Int(rng.next() % UInt64(m.count))
            switch n % 4 {
            case 0: m.remove(at: i)
            case 1: m.insert(0x0A, at: i)
            case 2: m[i] = UInt8(truncatingIfNeeded: rng.next())
            default: if let nl = m[i...].firstIndex(of: 0x0A) { m.remove(at: nl) }
            }
            let expected = Self.whole(m)
            if case .error = expected { errors += 1 }
            for chunk in [1, 5, 33] {
                #expect(Self.windowed(m, chunk: chunk) == expected, "mutant \(n), windows of \(chunk) bytes")
            }
        }
        #expect(errors > 200, "most mutants are malformed")
    }

    @Test func decodingAsksAtBoundedIntervalsWithTheBytesReadSoFar() throws {
        let bytes = TraceJSONL.encodeBytes(SyntheticTrace.make(tasks: 50, events: 40_000, seed: 3))
        let lines = bytes.filter { $0 == 0x0A }.count
        var asked: [Int] = []
        let decoded = try TraceJSONL.decodeWithVersion(reading: ByteFeed(bytes).read, chunkSize: 4096) { done in
            asked.append(done)
            return false
        }
        #expect(decoded?.trace == (try TraceJSONL.decode(bytes)))
        #expect(asked.count >= lines / TraceJSONL.stopCheckLines - 1)
        #expect(asked == asked.sorted() && asked.allSatisfy { $0 > 0 && $0 <= bytes.count })
    }

    @Test func decodingStopsAtTheFirstYes() throws {
        let bytes = TraceJSONL.encodeBytes(SyntheticTrace.make(tasks: 50, events: 40_000, seed: 3))
        let feed = ByteFeed(bytes)
        var asked = 0
        let decoded = try TraceJSONL.decodeWithVersion(reading: feed.read, chunkSize: 4096) { _ in
            asked += 1
            return asked == 2
        }
        #expect(decoded == nil)
        #expect(asked == 2, "it stops at once, without asking again")
        #expect(feed.offset < bytes.count, "and reads no further than it needed")
    }
}
