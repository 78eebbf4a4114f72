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

    @Test func aUnitsResultsComeBackAsGiven() {
        let given = [
            IndicatorResult(indicatorIndex: 0, value: 2.5, missingCount: 0),
            IndicatorResult(indicatorIndex: 1, value: nil, missingCount: 0),
            IndicatorResult(indicatorIndex: 2, value: -0.0, missingCount: 3)
        ]
        let kept = IndicatorResults(given)
        #expect(Array(kept) == given)
        #expect(kept.count == 3 && kept[1].value == nil && kept[2].missingCount == 3)
        // Not applicable equals itself, also as a whole unit's results.
        #expect(kept == IndicatorResults(given) && Set([kept, IndicatorResults(given)]).count == 1)
        #expect(kept != IndicatorResults(given.prefix(2)))
        // Without a missing answer, every count is 0.
        #expect(IndicatorResults(given.prefix(2)).allSatisfy { $0.missingCount == 0 })
        // Results not in their indicators' order are kept as they are.
        let shuffled = [given[2], given[0]]
        #expect(Array(IndicatorResults(shuffled)) == shuffled)
        #expect(IndicatorResults().isEmpty && ([] as IndicatorResults).isEmpty)
    }
}
