import PatuhCore
import Testing

/// The complete SKM result, every figure worked out by hand in the comments.
@Suite struct SKMResultTests {
    let registry = Registry(
        regions: [Region(code: "99.01", level: .kabupaten, name: "Kabupaten Satu")],
        units: [
            ServiceUnit(id: "u29", type: .opd, name: "Dinas Uji", regionCode: "99.01", population: 100),
            ServiceUnit(id: "u3", type: .puskesmas, name: "Puskesmas Tiga", regionCode: "99.01")
        ])

    /// The 29 respondents of SurveyScoringTests: 1–10 answer 4 on U1..U7, 11–29 answer 3;
    /// everyone U8 = 2, U9 = 4. Odd respondents P, even L; ages 20 + k.
    func summary29() -> SurveySummary {
        var s = SurveySummary(indicatorCount: 9)
        for k in 1...29 {
            let answers: [Double?] = (1...7).map { _ in k <= 10 ? 4 : 3 } + [2, 4]
            s.tally.add(answers)
            for key in [
                BreakdownKey(.gender, k % 2 == 0 ? "L" : "P"), BreakdownKey(.age, BreakdownDimension.ageBand(20 + k))
            ] {
                s.breakdown[key, default: SurveyTally(indicatorCount: 9)].add(answers)
            }
        }
        return s
    }

    func result(_ rubric: Rubric, _ surveys: [UnitPeriod: SurveySummary], _ key: UnitPeriod) -> SKMResult? {
        let round = RoundScorer(rubric: rubric, registry: registry).score(assessments: [], surveys: surveys)
        guard let u = round.units.first(where: { $0.unit.id == key.unitID && $0.period == key.period }) else {
            return nil
        }
        return SKMResult.make(rubric: rubric, result: u, survey: round.surveys[key], history: round.units)
    }

    static let weightings: [(Double, Double, Double, Double)] = [
        (1.0 / 9, 97.0 / 261, 853.0 / 261, 21325.0 / 261),
        (0.111, 0.111 * 97.0 / 29, 0.111 * 853.0 / 29, 25 * 0.111 * 853.0 / 29)
    ]

    @Test(arguments: weightings)
    func twentyNineRespondents(weight: Double, weightedU1: Double, weightedSum: Double, ikm: Double) throws {
        // NRR U1..U7 = 97/29 = 3.3448; U8 = 2; U9 = 4. IKM per unsur = 25·NRR: U1 2425/29 = 83.62,
        // U8 50.00, U9 100.00. NRR tertimbang U1 = 97/29·w (1/9: 97/261 = 0.37165; 0.111: 0.37128);
        // Σ = (7·97/29 + 6)·w = 853/29·w (1/9: 3.26820; 0.111: 3.26493); IKM = 25·Σ: 81.70 / 81.62.
        let key = UnitPeriod(unit: "u29", period: "2023-S1")
        let skm = try #require(result(Make.skm(weight: weight), [key: summary29()], key))
        #expect(skm.respondents == 29)
        #expect(skm.unsur.map(\.id) == (1...9).map { "U\($0)" })
        #expect(skm.unsur[0].nrr.near(97.0 / 29))
        #expect(skm.unsur[0].weighted.near(weightedU1))
        #expect(skm.unsur[0].ikm.near(2425.0 / 29))
        #expect(skm.unsur[7].ikm.near(50) && skm.unsur[8].ikm.near(100))
        #expect(skm.weightedSum.near(weightedSum))
        #expect(skm.ikm.near(ikm))
        #expect(skm.band?.id == "B")  // 81.70 and 81.62 are in 76.61–88.30
        // Lowest: U8 (2.00), then U1 and U2 (3.3448, rubric order); highest U9 (4.00).
        #expect(skm.lowest.map { skm.unsur[$0].id } == ["U8", "U1", "U2"])
        #expect(skm.highest.map { skm.unsur[$0].id } == "U9")
        // Population 100: Krejcie–Morgan 80; 29 fall short.
        #expect(skm.sample == SampleCheck(population: 100, respondents: 29))
        #expect(skm.sample?.required == 80 && skm.sample?.met == false)
        // Gender: 14 L (even k), 15 P; 14/29 = 48.2758 % and 15/29 = 51.7241 %: in hundredths
        // 4827 r 17 and 5172 r 12 (of 29); one hundredth left goes to L (larger remainder):
        // 48,28 + 51,72 = 100. Ages 21..49: 17-25 five (k 1–5), 26-35 ten, 36-45 ten, 46-55 four.
        let gender = skm.profile.filter { $0.dimension == .gender }
        #expect(gender.map(\.value) == ["L", "P"])
        #expect(gender.map(\.count) == [14, 15])
        #expect(gender.map(\.percentHundredths) == [4828, 5172])
        let age = skm.profile.filter { $0.dimension == .age }
        #expect(age.map(\.value) == ["17-25", "26-35", "36-45", "46-55"])
        #expect(age.map(\.count) == [5, 10, 10, 4])
        // Nobody gave education or occupation: one "not stated" line each, all 29, 100 %.
        let education = skm.profile.filter { $0.dimension == .education }
        #expect(education == [ProfileLine(dimension: .education, value: nil, count: 29, percentHundredths: 10_000)])
        #expect(skm.trend.map(\.period) == ["2023-S1"])
    }

    @Test func bantulAsPublished() throws {
        // Kab. Bantul 2023: NRR 3.31, 3.35, 3.49, 3.93, 3.45, 3.39, 3.39, 3.76, 3.35, reproduced
        // by 100 respondents of whom 31, 35, 49, 93, 45, 39, 39, 76, 35 answer 4 and the rest 3.
        // Σ NRR = 31.42; with 1/9: NRR tertimbang U1 3.31/9 = 0.36778, Σ 3.49111, IKM 87.28 (B);
        // with 0.111: U1 0.36741, Σ 3.48762, IKM 87.19 (B). IKM per unsur U4 = 25·3.93 = 98.25.
        let fours = [31, 35, 49, 93, 45, 39, 39, 76, 35]
        var s = SurveySummary(indicatorCount: 9)
        for k in 0..<100 { s.tally.add(fours.map { k < $0 ? 4 : 3 }) }
        let key = UnitPeriod(unit: "u3", period: "2023")
        for (weight, sum, ikm, shown) in [
            (1.0 / 9, 31.42 / 9, 785.5 / 9, "87.28"), (0.111, 31.42 * 0.111, 87.1905, "87.19")
        ] {
            let skm = try #require(result(Make.skm(weight: weight), [key: s], key))
            #expect(
                skm.unsur.map { Rounding.format2($0.nrr ?? 0) } == [
                    "3.31", "3.35", "3.49", "3.93", "3.45", "3.39", "3.39", "3.76", "3.35"
                ])
            #expect((skm.unsur[0].weighted ?? 0).near(3.31 * weight, 1e-12))
            #expect((skm.unsur[3].ikm ?? 0).near(98.25, 1e-9))
            #expect(skm.weightedSum.near(sum, 1e-12))
            #expect(skm.ikm.near(ikm, 1e-9))  // 25·31.42/9 = 785.5/9 = 87.2777…
            #expect(Rounding.format2(skm.ikm) == shown)
            #expect(skm.band?.id == "B")
            // Lowest 3.31 (U1), then 3.35 twice (U2, U9: rubric order); highest U4 3.93.
            #expect(skm.lowest.map { skm.unsur[$0].id } == ["U1", "U2", "U9"])
            #expect(skm.highest.map { skm.unsur[$0].id } == "U4")
            #expect(skm.sample == nil)  // no population in the registry
            // No profile at all: one "not stated" line per dimension, 100 respondents each.
            #expect(skm.profile.count == 4 && skm.profile.allSatisfy { $0.value == nil && $0.count == 100 })
        }
    }

    @Test func threeRespondentsOneWithoutProfile() {
        // Two respondents gave gender L and P, the third nothing: L 1, P 1, not stated 1.
        // 10000/3 = 3333 r 1 each; the one hundredth left goes to the first line: 33,34 +
        // 33,33 + 33,33 = 100,00.
        var breakdown: [BreakdownKey: SurveyTally] = [:]
        for g in ["L", "P"] {
            breakdown[BreakdownKey(.gender, g), default: SurveyTally(indicatorCount: 9)].add(
                [Double?](repeating: 3, count: 9))
        }
        let gender = SKMResult.profile(breakdown, respondents: 3).filter { $0.dimension == .gender }
        #expect(gender.map(\.value) == ["L", "P", nil])
        #expect(gender.map(\.count) == [1, 1, 1])
        #expect(gender.map(\.percentHundredths) == [3334, 3333, 3333])
        #expect(gender.reduce(0) { $0 + $1.percentHundredths } == 10_000)
    }

    @Test func trendAcrossPeriods() throws {
        // S1: the 29 (81.70, B). S2: 10 respondents all 4 (100.00, A). Both periods in the trend,
        // in order, whichever period's result is asked for.
        var s2 = SurveySummary(indicatorCount: 9)
        for _ in 0..<10 { s2.tally.add([Double?](repeating: 4, count: 9)) }
        let surveys = [
            UnitPeriod(unit: "u29", period: "2023-S1"): summary29(), UnitPeriod(unit: "u29", period: "2023-S2"): s2
        ]
        let skm = try #require(result(Make.skm(weight: 1.0 / 9), surveys, UnitPeriod(unit: "u29", period: "2023-S2")))
        #expect(skm.trend.map(\.period) == ["2023-S1", "2023-S2"])
        #expect(skm.trend.map { Rounding.format2($0.ikm) } == ["81.70", "100.00"])
        #expect(skm.trend.map(\.respondents) == [29, 10])
        #expect(skm.trend.map { $0.band?.id } == ["B", "A"])
    }

    @Test func largestRemainderAddsUp() {
        // 1/6, 2/6, 3/6 of 10000: 1666 r 4, 3333 r 2, 5000 r 0; one left → the first.
        #expect(SKMResult.largestRemainder([1, 2, 3], total: 10_000) == [1667, 3333, 5000])
        #expect(SKMResult.largestRemainder([0, 0], total: 10_000) == [0, 0])
    }

    @Test func recapIsTheMeanOfUnitIKMs() throws {
        // u29 81.70 with 29 respondents (IKM 21325/261 = 81.7050); u3 all 4 with 10: 100.00.
        // Mean of unit IKMs = (81.7050 + 100)/2 = 90.8525 → 90.85; respondent-weighted =
        // (29·81.7050 + 10·100)/39 = (2369.444 + 1000)/39 = 86.3960 → 86.40.
        // Lowest unsur: u29 U8 (2.00); u3 all equal, so U1.
        var s3 = SurveySummary(indicatorCount: 9)
        for _ in 0..<10 { s3.tally.add([Double?](repeating: 4, count: 9)) }
        let rubric = Make.skm(weight: 1.0 / 9)
        let round = RoundScorer(rubric: rubric, registry: registry)
            .score(
                assessments: [],
                surveys: [
                    UnitPeriod(unit: "u29", period: "2023"): summary29(), UnitPeriod(unit: "u3", period: "2023"): s3
                ])
        let recap = try #require(
            SKMRecap.make(rubric: rubric, region: registry.regions[0], period: "2023", units: round.units))
        #expect(recap.rows.map(\.unit.id) == ["u3", "u29"])
        #expect(Rounding.format2(recap.meanIKM ?? 0) == "90.85")
        #expect(Rounding.format2(recap.respondentWeightedIKM ?? 0) == "86.40")
        #expect(recap.rows.map { $0.lowest?.id } == ["U1", "U8"])
        #expect(recap.respondents == 39)
    }
}
