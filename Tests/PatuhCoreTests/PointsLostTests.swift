import PatuhCore
import Testing

/// Dimension maxima, points lost and the levels around an averaged answer, each worked out
/// by hand on `Make.rubric` (A weight 3: A1, A2 on 0..2; B weight 1: B1 on 0..4; scale 100)
/// and the SKM rubric (factor 25, nine unsur on 1..4).
@Suite struct PointsLostTests {
    let rubric = Make.rubric

    @Test func dimensionMaximaSplitTheScaleByWeight() {
        // Both present: A = 100·3/4 = 75, B = 100·1/4 = 25.
        let both = rubric.dimensionMaxima(present: [true, true])
        #expect(both[0].near(75) && both[1].near(25))
        // B dropped out (all na): A alone carries the scale, 100·3/3 = 100; B has none.
        let onlyA = rubric.dimensionMaxima(present: [true, false])
        #expect(onlyA[0].near(100) && onlyA[1] == nil)
    }

    @Test func dimensionMaximaOfTheLinearModel() {
        // factor 25 · Σ w·max = 25 · 9 · (1/9) · 4 = 100 for the one implicit dimension.
        let skm = Make.skm(weight: 1.0 / 9)
        #expect(skm.dimensionMaxima(present: [true])[0].near(100))
        // With the printed 0,111: 25 · 9 · 0.111 · 4 = 99.9.
        #expect(Make.skm(weight: 0.111).dimensionMaxima(present: [true])[0].near(99.9))
    }

    @Test func pointsLostNormalized() {
        // A1 = 2 (full), A2 = 1, B1 = 1.
        // A2's share: 75 · 1/2 = 37.5; f = 1/2 → lost 18.75.
        // B1's share: 25 · 1/1 = 25; f = 1/4 → lost 18.75. A1 loses 0 (left out).
        // Equal losses: the earlier indicator first (A2 is index 1, B1 index 2).
        let lost = rubric.pointsLost(values: [2, 1, 1])
        #expect(lost.map(\.indicator) == [1, 2])
        #expect(lost[0].lost.near(18.75) && lost[1].lost.near(18.75))
        // The losses and the score add up to the scale: 100·(3·0.75 + 1·0.25)/4 = 62.5, 62.5 + 37.5 = 100.
        #expect((lost.reduce(0) { $0 + $1.lost }).near(37.5))
    }

    @Test func pointsLostWhenAnIndicatorIsNotApplicable() {
        // A2 na: A1 alone carries A's 75; A1 = 1 → f = 1/2 → lost 37.5. B1 = 4 → lost 0.
        let lost = rubric.pointsLost(values: [1, nil, 4])
        #expect(lost.count == 1 && lost[0].indicator == 0 && lost[0].lost.near(37.5))
    }

    @Test func pointsLostLinear() {
        // Bantul NRRs (published at skm.bantulkab.go.id): U1 = 3.31 loses most, 25 · (1/9) · (4 − 3.31) = 1.91666…;
        // U4 = 3.93 least, 25 · (1/9) · 0.07 = 0.19444….
        let skm = Make.skm(weight: 1.0 / 9)
        let nrr: [Double?] = [3.31, 3.35, 3.49, 3.93, 3.45, 3.39, 3.39, 3.76, 3.35]
        let lost = skm.pointsLost(values: nrr)
        #expect(lost.first?.indicator == 0 && lost.first?.lost.near(25.0 / 9 * 0.69, 1e-9) == true)
        #expect(lost.last?.indicator == 3 && lost.last?.lost.near(25.0 / 9 * 0.07, 1e-9) == true)
        // 25/9 · Σ(4 − NRR) = 25/9 · (36 − 31.42) = 12.7222…; IKM 87.2777… + 12.7222… = 100.
        #expect((lost.reduce(0) { $0 + $1.lost }).near(25.0 / 9 * 4.58, 1e-9))
    }

    @Test func anAveragedAnswerLiesBetweenTwoLevels() {
        var indicator = Make.indicator("X", max: 3)
        indicator.levels = [0, 1, 2, 3].map { Level(value: $0, label: LocalizedText(["id": "L\(Int($0))"])) }
        let r = Rubric(id: "r", dimensions: [Dimension(id: "d", indicators: [indicator])], bands: Make.bands)
        let between = r.levels(around: 2.5, of: 0)
        #expect(between.below?.value == 2 && between.above?.value == 3)
        let exact = r.levels(around: 1, of: 0)
        #expect(exact.below?.value == 1 && exact.above?.value == 1)
    }

    @Test func zonesAndTheImplicitDimension() {
        #expect(rubric.hasZones && !rubric.hasOnlyImplicitDimension)
        let skm = Make.skm(weight: 1.0 / 9)
        #expect(!skm.hasZones && skm.hasOnlyImplicitDimension)
    }
}
