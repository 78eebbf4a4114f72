import Testing

@testable import PatuhCore

/// The survey figures every writer prints (the sample check and a respondent group's score),
/// worked out by hand.
@Suite struct SurveyFiguresTests {
    private static func result(population: Int?, respondents: Int?) -> UnitResult {
        UnitResult(
            unit: ServiceUnit(id: "u", type: .opd, name: "U", regionCode: "99", population: population), period: "2023",
            score: 80, band: nil, basis: .survey, dimensionPoints: [], indicators: [],
            assessmentCount: 0, respondents: respondents, change: nil)
    }

    @Test func theSampleCheckOfAnSKMUnit() throws {
        let skm = Make.skm(weight: 1.0 / 9)
        // N = 100: 3.841·100·0.25 / (0.0025·99 + 3.841·0.25) = 96.025 / 1.20775 = 79.51 → 80.
        let short = try #require(Self.result(population: 100, respondents: 79).sampleCheck(under: skm))
        #expect(short.required == 80 && short.population == 100 && short.respondents == 79 && !short.met)
        #expect(Self.result(population: 100, respondents: 80).sampleCheck(under: skm)?.met == true)
        // No respondents count as 0 against the same 80.
        let none = try #require(Self.result(population: 100, respondents: nil).sampleCheck(under: skm))
        #expect(none.respondents == 0 && none.required == 80 && !none.met)
        // Under 10 users, every user (a census): 7 of 7.
        #expect(Self.result(population: 7, respondents: 7).sampleCheck(under: skm)?.met == true)
        // No population in the registry, or not an SKM rubric: no check at all.
        #expect(Self.result(population: nil, respondents: 5).sampleCheck(under: skm) == nil)
        #expect(Self.result(population: 100, respondents: 5).sampleCheck(under: Make.rubric) == nil)
    }

    @Test func aGroupScoreIsTheRubricsFormulaOnTheGroupsAnswers() throws {
        let skm = Make.skm(weight: 1.0 / 9)
        var tally = SurveyTally(indicatorCount: 9)
        tally.add(Array(repeating: 4, count: 9))
        tally.add(Array(repeating: 3, count: 8) + [nil])
        // NRR 3.5 on U1..U8 (4 and 3), 4 on U9 (one answer): 25 · (1/9) · (8 · 3.5 + 4) = 25 · 32 / 9 = 88.888…
        let score = try #require(skm.groupScore(tally))
        #expect(abs(score - 800.0 / 9) < 1e-9)
        // Not a pure survey rubric: a group's answers are not a whole questionnaire.
        var partial = SurveyTally(indicatorCount: 3)
        partial.add([2, 2, 4])
        #expect(Make.rubric.groupScore(partial) == nil)
    }
}
