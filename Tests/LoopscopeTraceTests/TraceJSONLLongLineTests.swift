import LoopscopeTestSupport
import LoopscopeTrace
import Testing

/// A stream that never ends a line — binary garbage, `/dev/zero`, a pipe of junk — is refused
/// without being read whole: a line that does not start with `{` once it fills the buffer,
/// and any line longer than the longest line read. Before, the reader grew its buffer for
/// as long as the line went on (all of memory, for an endless stream), looking through the
/// whole buffer again after every read.
@Suite("JSON Lines: lines without an end")
struct TraceJSONLLongLineTests {
    /// A reader that hands out `byte` forever, `per` bytes a read, counting what it gave.
    final class Endless: @unchecked Sendable {
        let byte: UInt8
        let per: Int
        let prefix: [UInt8]
        var given = 0
        /// Stops after this much, so a reader that would read forever ends the test instead.
        let bound: Int

        init(_ byte: UInt8, prefix: [UInt8] = [], per: Int, bound: Int) {
            (self.byte, self.prefix, self.per, self.bound) = (byte, prefix, per, bound)
        }

        func read(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
            let n = min(buffer.count, per, bound - given)
            guard n > 0 else { return 0 }
            for i in 0..<n {
                let at = given + i
                buffer[i] = at < prefix.count ? prefix[at] : byte
            }
            given += n
            return n
        }
    }

    static func decode(_ source: Endless, chunk: Int, maxLine: Int = TraceJSONL.maxLineBytes) -> TraceFormatError? {
        do {
            _ = try TraceJSONL.decodeWithVersion(reading: source.read, sourceName: "<stdin>", chunkSize: chunk,
                                                 maxLine: maxLine)
            return nil
        } catch { return error }
    }

    /// Endless NUL bytes, and endless bytes after a newline-free header-like start: refused
    /// at the first byte, having read one buffer, with the error a whole decode gives.
    @Test(arguments: [1, 7, 4096, 1 << 16])
    func garbageIsRefusedAfterOneBuffer(chunk: Int) {
        for (byte, prefix) in [(UInt8(0), [UInt8]()), (0x41, Array("  \r\n\n".utf8)), (0xFF, [0xEF, 0xBB])] {
            let source = Endless(byte, prefix: prefix, per: 1000, bound: 50 << 20)
            let error = Self.decode(source, chunk: chunk)
            #expect(source.given <= max(chunk, 1000) * 2, "read \(source.given) bytes of garbage")
            let whole = Array(prefix + [UInt8](repeating: byte, count: 64))
            var expected: TraceFormatError?
            do { _ = try TraceJSONL.decodeWithVersion(whole, sourceName: "<stdin>") } catch { expected = error }
            #expect(error != nil && error == expected, "\(String(describing: error)) vs \(String(describing: expected))")
        }
    }

    /// A header followed by a line that starts like an event and never ends: refused once it
    /// passes the longest line, on its line, with a message saying so.
    @Test(arguments: [1, 64, 4096])
    func aLineLongerThanTheLimitIsRefusedOnItsLine(chunk: Int) {
        let header = Array(TraceJSONL.encode(Fixtures.sleepyRun()).split(separator: "\n")[0].utf8) + [0x0A]
        let source = Endless(UInt8(ascii: "a"), prefix: header + Array(#"{"seq":0,"kind":"printed","text":""#.utf8),
                             per: 333, bound: 1 << 20)
        let error = Self.decode(source, chunk: chunk, maxLine: 10_000)
        #expect(source.given < header.count + 10_000 + 2 * max(chunk, 333), "read \(source.given) bytes")
        #expect(error?.line == 2 && error?.column == 1, "\(String(describing: error))")
        #expect(error?.message.contains("longer than 10000 bytes") == true, "\(String(describing: error))")
        #expect(error?.sourceName == "<stdin>")
    }

    /// Lines up to the limit are read as before: a trace whose every line fits decodes the
    /// same in windows however small, with the limit just above its longest line.
    @Test func linesWithinTheLimitDecodeAsBefore() throws {
        let bytes = TraceJSONL.encodeBytes(Fixtures.everything())
        let longest = bytes.split(separator: 0x0A).map(\.count).max() ?? 0
        let whole = try TraceJSONL.decodeWithVersion(bytes, sourceName: "t")
        for chunk in [1, 16, 1 << 20] {
            let decoded = try TraceJSONL.decodeWithVersion(reading: ByteFeed(bytes, atMost: 5).read, sourceName: "t",
                                                           chunkSize: chunk, maxLine: longest + 1)
            #expect(decoded?.trace == whole.trace, "windows of \(chunk) bytes")
        }
    }
}
