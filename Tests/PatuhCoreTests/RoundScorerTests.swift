import PatuhCore
import Testing

@Suite struct RoundScorerTests {
    let scorer = RoundScorer(rubric: Make.rubric, registry: Make.registry)

    func score(_ assessments: [Assessment]) -> RoundResult { scorer.score(assessments: assessments, surveys: [:]) }

    func unit(_ r: RoundResult, _ id: String, _ period: String = "2023") -> UnitResult? {
        r.units.first { $0.unit.id == id && $0.period == period }
    }

    func region(_ r: RoundResult, _ code: String, _ period: String = "2023") -> RegionResult? {
        r.regions.first { $0.region.code == code && $0.period == period }
    }

    @Test func aProvinceIsScoredOnItsOwnUnitsNotOnItsKabupaten() {
        // Province OPD: A1=2, A2=1, B1=4 → 81.25. Kabupaten unit: all zero → 0.
        // Province = 81.25 (its own OPD only), not (81.25 + 0)/2.
        let r = score([
            Make.assessment("p", unit: "99-opd1", ["A1": .number(2), "A2": .number(1), "B1": .number(4)]),
            Make.assessment("k", unit: "9901-a", ["A1": .number(0), "A2": .number(0), "B1": .number(0)])
        ])
        #expect(region(r, "99")?.score.near(81.25) == true)
        #expect(region(r, "99")?.unitCount == 1)
        #expect(region(r, "99.01")?.score.near(0) == true)
        #expect(region(r, "99.71")?.score == nil)
        #expect(region(r, "99.71")?.rankLevel == nil)
    }

    @Test func theResultGivesBackEachUnitsAssessmentsWhole() {
        // t2 has two assessments, t1 one; only t2b has a note. The result reads them back from
        // the store it was given, notes and answers included, in the order they were read.
        var noted = Make.assessment("t2b", unit: "9971-mpp-t2", ["A1": .number(2), "A2": .number(2), "B1": .number(4)])
        noted.answers[0].notes = ["papan informasi ada"]
        let all = [
            Make.assessment("t1", unit: "9971-mpp-t1", ["A1": .number(2), "A2": .number(2), "B1": .number(4)]),
            Make.assessment("t2a", unit: "9971-mpp-t2", ["A1": .number(0), "A2": .number(0), "B1": .number(0)]),
            noted
        ]
        let r = score(all)
        let t2 = r.assessments(UnitPeriod(unit: "9971-mpp-t2", period: "2023"))
        #expect(t2 == [all[1], noted])
        #expect(t2.filter(\.hasRemarks).map(\.id) == ["t2b"])
        #expect(t2.last?.remarks == [AnswerRemarks(indicatorID: "A1", notes: ["papan informasi ada"], evidence: [])])
        #expect(r.assessments(UnitPeriod(unit: "9971-mpp-t1", period: "2023")).map(\.id) == ["t1"])
        #expect(r.assessments(UnitPeriod(unit: "9971-mpp-t1", period: "2022")).isEmpty)
        #expect(unit(r, "9971-mpp-t2")?.assessmentCount == 2)  // both scored
    }

    @Test func aRoundLargerThanASliceKeepsItsOrder() {
        // 5,000 assessments: more than two of the slices scored across the cores at a time.
        // Every 1,000th (0, 1000, …, 4000) is 9901-a's with every answer at its max, so 9901-a
        // has 5 assessments and scores 100; the other 4,995 name units not in the registry and
        // give one error each, in the order the assessments were read (by their file names).
        let full: [String: AnswerValue] = ["A1": .number(2), "A2": .number(2), "B1": .number(4)]
        let all = (0..<5_000).map { i in
            Make.assessment("a\(10_000 + i)", unit: i % 1_000 == 0 ? "9901-a" : "x-\(i)", full)
        }
        let r = score(all)
        #expect(unit(r, "9901-a")?.assessmentCount == 5)
        #expect(unit(r, "9901-a")?.score.near(100) == true)
        let errors = r.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 4_995)
        let files = errors.map(\.location.file)
        #expect(files == (0..<5_000).filter { $0 % 1_000 != 0 }.map { "a\(10_000 + $0).xml" })
    }

    @Test func anMPPIsScoredFromItsTenants() {
        // t1: all max → 100. t2: two assessments, 0 and 100 → 50. MPP = (100 + 50)/2 = 75.
        // Kota 99.71 = mean of units directly in it: the MPP (75) alone = 75 (tenants are inside the MPP).
        let r = score([
            Make.assessment("t1", unit: "9971-mpp-t1", ["A1": .number(2), "A2": .number(2), "B1": .number(4)]),
            Make.assessment("t2a", unit: "9971-mpp-t2", ["A1": .number(0), "A2": .number(0), "B1": .number(0)]),
            Make.assessment("t2b", unit: "9971-mpp-t2", ["A1": .number(2), "A2": .number(2), "B1": .number(4)])
        ])
        #expect(unit(r, "9971-mpp-t2")?.score.near(50) == true)
        #expect(unit(r, "9971-mpp-t2")?.assessmentCount == 2)
        #expect(unit(r, "9971-mpp")?.score.near(75) == true)
        #expect(unit(r, "9971-mpp")?.basis == .children)
        #expect(region(r, "99.71")?.score.near(75) == true)
        #expect(region(r, "99.71")?.unitCount == 1)
    }

    @Test func ranksAmongLevelAndAmongSiblings() {
        // Kabupaten 99.01: 9901-a = 50. Kota 99.71: 9971-c = A1=2,A2=2,B1=0 → 100·3/4 = 75.
        // rank_level: each alone at its level → 1. rank_in_parent (siblings under 99): kota 1, kabupaten 2.
        let r = score([
            Make.assessment("a", unit: "9901-a", ["A1": .number(1), "A2": .number(1), "B1": .number(2)]),
            Make.assessment("c", unit: "9971-c", ["A1": .number(2), "A2": .number(2), "B1": .number(0)])
        ])
        #expect(region(r, "99.01")?.rankLevel == 1)
        #expect(region(r, "99.71")?.rankLevel == 1)
        #expect(region(r, "99.71")?.rankInParent == 1)
        #expect(region(r, "99.01")?.rankInParent == 2)
    }

    @Test func changeIsAgainstThePreviousPeriod() {
        // 2022: A1=0, A2=1, B1=2 → D_A = 0.25, D_B = 0.5 → 100·(0.75 + 0.5)/4 = 31.25.
        // 2023: A1=1, A2=1, B1=2 → 50. Change = 50.00 − 31.25 = 18.75.
        let r = score([
            Make.assessment(
                "old", unit: "9901-a", period: "2022", ["A1": .number(0), "A2": .number(1), "B1": .number(2)]),
            Make.assessment(
                "new", unit: "9901-a", period: "2023", ["A1": .number(1), "A2": .number(1), "B1": .number(2)])
        ])
        #expect(unit(r, "9901-a", "2022")?.change == nil)
        #expect(unit(r, "9901-a", "2023")?.change.near(18.75) == true)
        #expect(region(r, "99.01", "2023")?.change.near(18.75) == true)
    }

    @Test func periodFilterPoolsSemesters() {
        // --period 2023 keeps 2023-S1 and 2023-S2 under "2023" and drops 2022.
        // Unit mean of 50 (S1) and 100 (S2) = 75.
        let pooled = RoundScorer(rubric: Make.rubric, registry: Make.registry, periodFilter: "2023")
        let r = pooled.score(
            assessments: [
                Make.assessment(
                    "s1", unit: "9901-a", period: "2023-S1", ["A1": .number(1), "A2": .number(1), "B1": .number(2)]),
                Make.assessment(
                    "s2", unit: "9901-a", period: "2023-S2", ["A1": .number(2), "A2": .number(2), "B1": .number(4)]),
                Make.assessment(
                    "x", unit: "9901-a", period: "2022", ["A1": .number(0), "A2": .number(0), "B1": .number(0)]),
                Make.assessment(
                    "y", unit: "9901-a", period: "20231", ["A1": .number(0), "A2": .number(0), "B1": .number(0)])
            ], surveys: [:])
        #expect(r.periods == ["2023"])
        #expect(unit(r, "9901-a")?.score.near(75) == true)
    }

    @Test func missingAnswersWarnOrRejectWhenStrict() {
        let a = Make.assessment("m", unit: "9901-a", ["A2": .number(2), "B1": .number(3)])
        let lenient = score([a])
        #expect(unit(lenient, "9901-a")?.score.near(56.25) == true)  // see ScorerTests
        // The warning comes from the assessment's checks (which `validate` runs too), not the scorer.
        #expect(!lenient.diagnostics.contains { $0.severity == .error })
        #expect(
            AssessmentChecks.check(a, rubric: Make.rubric, registry: Make.registry)
                .contains { $0.severity == .warning && $0.message.contains("no answer for A1") })
        let strict = RoundScorer(rubric: Make.rubric, registry: Make.registry, strict: true)
            .score(assessments: [a], surveys: [:])
        #expect(unit(strict, "9901-a") == nil)
        #expect(strict.diagnostics.contains { $0.severity == .error && $0.message.contains("A1") })
    }

    @Test func surveyRubricScoresFromPooledRespondents() {
        // Two respondents: all 4s and all 2s → every NRR = 3 → IKM = 25·9·3/9 = 75.
        let rubric = Make.skm(weight: 1.0 / 9)
        var summary = SurveySummary(indicatorCount: 9)
        summary.tally.add(Array(repeating: 4, count: 9))
        summary.tally.add(Array(repeating: 2, count: 9))
        let r = RoundScorer(rubric: rubric, registry: Make.registry)
            .score(assessments: [], surveys: [UnitPeriod(unit: "9901-a", period: "2023-S1"): summary])
        #expect(unit(r, "9901-a", "2023-S1")?.score.near(75) == true)
        #expect(unit(r, "9901-a", "2023-S1")?.respondents == 2)
    }
}
