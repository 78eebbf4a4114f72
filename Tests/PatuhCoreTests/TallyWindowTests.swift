import PatuhCore
import Testing

/// A survey tally keeps sums for the rubric's survey positions only; what goes in must come
/// out the same. (How assessments are stored compactly is the formats layer's:
/// `PackedAssessmentsTests`.)
@Suite struct TallyWindowTests {
    @Test func aTallyCoversItsWindowOnly() {
        // A mixed rubric of five positions whose survey indicators are 2 and 3. Two respondents:
        // position 2 gets 3 and 1 (mean 2), position 3 gets 4 once (mean 4); positions 0, 1
        // and 4 are not tallied whatever is answered there.
        var t = SurveyTally(indicatorCount: 5, window: 2..<4)
        t.add(answers: [1, 2, 3, 4, 5])
        t.add(answers: [4, .nan, 1, .nan, 5])
        #expect(t.respondents == 2)
        #expect(t.means == [nil, nil, 2, 4, nil])
        var pooled = t
        pooled.merge(t)
        #expect(pooled.respondents == 4)
        #expect(pooled.means == [nil, nil, 2, 4, nil])

        let rubric = Rubric(
            id: "mixed",
            dimensions: [
                Dimension(
                    id: "d", weight: 1,
                    indicators: [
                        Make.indicator("A1"), Make.indicator("S1", source: .survey),
                        Make.indicator("A2"), Make.indicator("S2", source: .survey)
                    ])
            ], bands: Make.bands)
        #expect(rubric.surveyWindow == 1..<4)
        #expect(Make.rubric.surveyWindow.isEmpty)
    }
}
