import PatuhCore
import Testing

@Suite struct ScorerTests {
    let rubric = Make.rubric

    @Test func dimensionPointsSumToTheTotal() {
        // A1=2 → f=1, A2=1 → f=0.5: D_A = (1 + 0.5)/2 = 0.75. B1=4 → D_B = 1.
        // total = 100·(3·0.75 + 1·1)/4 = 81.25; points A = 100·3·0.75/4 = 56.25, B = 100·1/4 = 25.
        let r = rubric.score(Make.sheet([.number(2), .number(1), .number(4)]))
        #expect(r.total.near(81.25))
        #expect(r.dimensionPoints[0].near(56.25))
        #expect(r.dimensionPoints[1].near(25))
        #expect((r.dimensionPoints.compactMap { $0 }.reduce(0, +)).near(r.total ?? -1))
        #expect(rubric.band(for: 81.25)?.id == "baik")
    }

    @Test func notApplicableRenormalisesWithinItsDimension() {
        // A2 na: D_A = f(A1) = 2/2 = 1 (not (1+0)/2). B1=0 → D_B = 0.
        // total = 100·(3·1 + 1·0)/4 = 75.
        let r = rubric.score(Make.sheet([.number(2), .notApplicable, .number(0)]))
        #expect(r.total.near(75))
        #expect(r.dimensionPoints[0].near(75))
        #expect(r.dimensionPoints[1].near(0))
    }

    @Test func aDimensionWithEveryIndicatorNotApplicableDropsOut() {
        // B1 na: only A counts, Σ W = 3. A1=2, A2=1 → D_A = 0.75; total = 100·3·0.75/3 = 75.
        let r = rubric.score(Make.sheet([.number(2), .number(1), .notApplicable]))
        #expect(r.total.near(75))
        #expect(r.dimensionPoints[1] == nil)
    }

    @Test func everythingNotApplicableHasNoTotal() {
        let r = rubric.score(Make.sheet([.notApplicable, .notApplicable, .notApplicable]))
        #expect(r.total == nil)
    }

    @Test func aMissingAnswerCountsAsTheMinimum() {
        // A1 missing → 0: D_A = (0 + 1)/2 = 0.5; B1=3 → 0.75. total = 100·(1.5 + 0.75)/4 = 56.25.
        let r = rubric.score(Make.sheet([nil, .number(2), .number(3)]))
        #expect(r.total.near(56.25))
        #expect(r.missing == [0])
    }

    @Test func linearWithOneNinthAndWithPrintedWeightsDiffer() {
        // Bantul 2023 (published at skm.bantulkab.go.id): NRR sum = 3.31+3.35+3.49+3.93+3.45
        // +3.39+3.39+3.76+3.35 = 31.42. 25·31.42/9 = 87.2777… → 87.28 (B);
        // 25·0.111·31.42 = 87.1905 → 87.19.
        let nrr = [3.31, 3.35, 3.49, 3.93, 3.45, 3.39, 3.39, 3.76, 3.35].map { AnswerValue.number($0) }
        let exact = Make.skm(weight: 1.0 / 9).score(Make.sheet(nrr))
        let printed = Make.skm(weight: 0.111).score(Make.sheet(nrr))
        #expect(Rounding.format2(exact.total ?? 0) == "87.28")
        #expect(Rounding.format2(printed.total ?? 0) == "87.19")
        #expect(Make.skm(weight: 1.0 / 9).band(for: exact.total ?? 0)?.id == "B")
    }
}

@Suite struct RoundingTests {
    @Test func halfAwayFromZeroOnTheDecimalValue() {
        // 80.995 is stored as 80.99499999…; the contract rounds the decimal value: 81.00.
        #expect(Rounding.format2(80.995) == "81.00")
        #expect(Rounding.format2(50.994) == "50.99")
        #expect(Rounding.format2(65.625) == "65.63")
        #expect(Rounding.format2(-1.005) == "-1.01")
        #expect(Rounding.format2(0) == "0.00")
        #expect(Rounding.format2(87.28, decimalSeparator: ",") == "87,28")
    }

    @Test func bandsUseTheRoundedScore() {
        // Ombudsman 2019 zones: hijau ≥ 81, kuning ≥ 51, merah ≥ 0.
        let zones = Rubric(
            id: "z", dimensions: [Dimension(id: "d", indicators: [Make.indicator("x")])],
            bands: [
                Band(id: "hijau", min: 81, zone: .hijau), Band(id: "kuning", min: 51, zone: .kuning),
                Band(id: "merah", min: 0, zone: .merah)
            ])
        #expect(zones.band(for: 80.995)?.id == "hijau")  // 81.00
        #expect(zones.band(for: 80.994)?.id == "kuning")  // 80.99
        #expect(zones.band(for: 50.994)?.id == "merah")  // 50.99
        #expect(zones.band(for: 50.995)?.id == "kuning")  // 51.00
    }
}

@Suite struct RankingTests {
    @Test func competitionRanksShareAndSkip() {
        #expect(Ranking.competition([90, 80, 80, 70]) == [1, 2, 2, 4])
        #expect(Ranking.competition([70, nil, 80.004, 80]) == [3, nil, 1, 1])  // 80.004 and 80 are both 80.00
    }
}

@Suite struct SampleSizeTests {
    @Test func krejcieMorganTable() {
        // The published Krejcie–Morgan table (Krejcie & Morgan 1970, as PermenPANRB 14/2017 reprints it): 100 → 80, 500 → 217, 1000 → 278, 10000 → 370, 1000000 → 384.
        #expect(SampleSize.krejcieMorgan(population: 100) == 80)
        #expect(SampleSize.krejcieMorgan(population: 500) == 217)
        #expect(SampleSize.krejcieMorgan(population: 1000) == 278)
        #expect(SampleSize.krejcieMorgan(population: 10000) == 370)
        #expect(SampleSize.krejcieMorgan(population: 1_000_000) == 384)
        #expect(SampleSize.krejcieMorgan(population: 7) == 7)  // a census below 10
    }
}
