import PatuhCore
import Testing

/// An indicator result is a plain value that stays small: a national round holds about two
/// million of them (24,000 units × two periods × some forty indicators).
@Suite struct IndicatorResultTests {
    @Test func notApplicableIsNilAndEqualToItself() {
        let na = IndicatorResult(indicatorIndex: 3, value: nil, missingCount: 0)
        #expect(na.value == nil)
        #expect(na == IndicatorResult(indicatorIndex: 3, value: nil, missingCount: 0))
        #expect(Set([na, na]).count == 1)
        var answered = na
        answered.value = 2.5
        #expect(answered.value == 2.5 && answered != na)
        answered.value = nil
        #expect(answered == na)
    }

    @Test func aResultTakesSixteenBytes() {
        // Two 32-bit counts and one Double.
        #expect(MemoryLayout<IndicatorResult>.stride == 16)
    }
}
