import PatuhCore
import Testing

/// The qualifier ("Tanpa Maladministrasi") is decided by its dimension's values, which the
/// total ignores.
@Suite struct QualifierTests {
    /// Dimension `a` (A1, 0–4) is scored; dimension `p` (P1, P2: 0–2) decides the qualifier.
    let rubric = Rubric(
        id: "q",
        dimensions: [
            Dimension(id: "a", weight: 1, indicators: [Indicator(id: "A1", min: 0, max: 4)]),
            Dimension(
                id: "p", weight: 1,
                indicators: [Indicator(id: "P1", min: 0, max: 2), Indicator(id: "P2", min: 0, max: 2)])
        ],
        bands: [Band(id: "x", min: 0)],
        qualifier: Qualifier(id: "tm", label: LocalizedText(["id": "Tanpa Maladministrasi"]), dimensionID: "p"))

    func results(_ values: [Double?]) -> [IndicatorResult] {
        values.enumerated().map { IndicatorResult(indicatorIndex: $0, value: $1, missingCount: 0) }
    }

    @Test func theQualifierDimensionIsNotScored() {
        // A1 = 2 of 4 → 50.00 whatever P1 and P2 say; the qualifier dimension has no points.
        let r = rubric.score(AnswerSheet(values: [.number(2), .number(0), .number(0)]))
        #expect(Rounding.format2(r.total ?? -1) == "50.00")
        #expect(r.dimensionPoints[1] == nil)
    }

    @Test func earnedOnlyWithEveryApplicableProductFollowedUp() {
        #expect(rubric.earnsQualifier(results([1, 2, 2])) == true)
        // One product followed up, the other not applicable: earned.
        #expect(rubric.earnsQualifier(results([1, 2, nil])) == true)
        // Two assessments, one at 2 and one at 1: their mean 1.5 is short of the top.
        #expect(rubric.earnsQualifier(results([1, 2, 1.5])) == false)
        // No product at all: nothing followed up, not earned.
        #expect(rubric.earnsQualifier(results([1, nil, nil])) == false)
        // A unit scored from its children has no indicator results: no qualifier either way.
        #expect(rubric.earnsQualifier([]) == nil)
        // A rubric without a qualifier never has one.
        let plain = Rubric(id: "p", dimensions: rubric.dimensions, bands: rubric.bands)
        #expect(plain.earnsQualifier(results([1, 2, 2])) == nil)
    }
}
