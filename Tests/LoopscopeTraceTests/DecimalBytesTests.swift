import Testing
import LoopscopeTrace

/// The decimal writer the trace encoder and the Chrome exporter share, checked against
/// Swift's own integer printing and `VirtualTime.description`.
@Suite struct DecimalBytesTests {
    static let values: [Int64] = [0, 1, -1, 9, 10, 999, 1_000, 1_500, -1_500, 1_000_000_000, 1_500_000_000,
                                  -2_250_000_000, 123_456_789_012, Int64.max, Int64.min, Int64.min + 1]
        + (0..<200).map { Int64(truncatingIfNeeded: UInt64($0) &* 0x9E37_79B9_7F4A_7C15) >> ($0 % 60) }

    private func written(_ body: (inout [UInt8]) -> Void) -> String {
        var out: [UInt8] = [UInt8(ascii: "x")]
        body(&out)
        return String(decoding: out.dropFirst(), as: UTF8.self)
    }

    @Test func digitsAreSwiftsDecimal() {
        for v in Self.values {
            #expect(written { DecimalBytes.digits(v.magnitude, to: &$0) } == String(v.magnitude))
            #expect(written { DecimalBytes.exact(v, decimals: 0, to: &$0) } == String(v))
        }
        #expect(written { DecimalBytes.digits(UInt64.max, to: &$0) } == "18446744073709551615")
    }

    @Test func nineDecimalsAreVirtualTimesDescription() {
        for v in Self.values {
            #expect(written { DecimalBytes.exact(v, decimals: 9, to: &$0) } == VirtualTime(nanoseconds: v).description,
                    "\(v)")
        }
    }

    @Test func threeDecimalsAreExactMicroseconds() {
        #expect(written { DecimalBytes.exact(1_500, decimals: 3, to: &$0) } == "1.5")
        #expect(written { DecimalBytes.exact(1_005, decimals: 3, to: &$0) } == "1.005")
        #expect(written { DecimalBytes.exact(-1, decimals: 3, to: &$0) } == "-0.001")
        #expect(written { DecimalBytes.exact(2_000, decimals: 3, to: &$0) } == "2")
        #expect(written { DecimalBytes.exact(Int64.min, decimals: 3, to: &$0) } == "-9223372036854775.808")
    }
}
