import Testing
@testable import LoopscopeTrace

@Suite("Virtual time")
struct VirtualTimeTests {
    static let samples: [Int64] = [
        0, 1, -1, 9, 10, 999_999_999, 1_000_000_000, 1_000_000_001, 1_500_000_000, -2_250_000_000,
        100_000, 120_000_000, 3_000_000_000, 86_400_000_000_000, Int64.max, Int64.min, Int64.min + 1,
        9_223_372_036_000_000_000, 1_000_000_010,
    ]

    @Test func descriptionIsTheShortestExactDecimal() {
        #expect(VirtualTime.zero.description == "0")
        #expect(VirtualTime(nanoseconds: 1).description == "0.000000001")
        #expect(VirtualTime(nanoseconds: 1_500_000_000).description == "1.5")
        #expect(VirtualTime(nanoseconds: -2_250_000_000).description == "-2.25")
        #expect(VirtualTime(nanoseconds: 120_000_000).description == "0.12")
        #expect(VirtualTime(nanoseconds: Int64.max).description == "9223372036.854775807")
        #expect(VirtualTime(nanoseconds: Int64.min).description == "-9223372036.854775808")
    }

    @Test(arguments: samples)
    func theEncoderWritesWhatDescriptionPrints(ns: Int64) {
        var w = ByteWriter()
        w.time(ns)
        #expect(String(decoding: w.bytes, as: UTF8.self) == VirtualTime(nanoseconds: ns).description)
    }

    @Test(arguments: samples)
    func timesParseBackExactly(ns: Int64) throws {
        let line = #"{"format":"loopscope-trace","version":1,"program":{"id":"x","title":"X"}}"# + "\n"
            + #"{"t":\#(VirtualTime(nanoseconds: ns)),"kind":"clockJump","from":\#(VirtualTime(nanoseconds: ns))}"#
        let trace = try TraceJSONL.decode(line)
        #expect(trace.events.first?.time.nanoseconds == ns)
        #expect(trace.events.first?.value == ns)
    }

    @Test func parsingAcceptsFewerDecimalsAndNegativeZero() throws {
        let header = #"{"format":"loopscope-trace","version":1,"program":{"id":"x","title":"X"}}"# + "\n"
        let trace = try TraceJSONL.decode(header + #"{"t":-0,"kind":"clockJump","from":1.000000000}"#)
        #expect(trace.events[0].time == .zero)
        #expect(trace.events[0].value == 1_000_000_000)
    }

    @Test func formattedRoundsHalfAwayFromZero() {
        #expect(VirtualTime(nanoseconds: 1_500_000_000).formatted(decimals: 3) == "1.500")
        #expect(VirtualTime(nanoseconds: 1_234_500_000).formatted(decimals: 3) == "1.235")
        #expect(VirtualTime(nanoseconds: -1_234_500_000).formatted(decimals: 3) == "-1.235")
        #expect(VirtualTime(nanoseconds: 999_999_999).formatted(decimals: 0) == "1")
        #expect(VirtualTime(nanoseconds: -400_000).formatted(decimals: 3) == "0.000")
        #expect(VirtualTime(nanoseconds: 7).formatted(decimals: 9) == "0.000000007")
        #expect(VirtualTime(nanoseconds: Int64.max).formatted(decimals: 1) == "9223372036.9")
        #expect(VirtualTime(nanoseconds: Int64.min).formatted(decimals: 1) == "-9223372036.9")
    }

    @Test func secondsRoundToTheNearestNanosecond() {
        #expect(VirtualTime(seconds: 0.1).nanoseconds == 100_000_000)
        #expect(VirtualTime(seconds: 1.25).nanoseconds == 1_250_000_000)
        var t = VirtualTime.zero
        for _ in 0..<10 { t = t + .seconds(0.1) }
        #expect(t == .seconds(1))
        #expect(VirtualTime(seconds: -0.5) < .zero)
    }
}
