import Foundation
import PatuhCore
import PatuhFormats
import Testing

/// Each shipped rubric scores a hand-made answer sheet; the expected totals and bands are
/// worked out by hand in the comments from the published weights and grade tables (PermenPANRB 14/2017, KepmenPAN 25/2004, the Ombudsman's 2022 method).
@Suite struct ShippedRubricTests {
    func rubric(_ id: String) throws -> Rubric {
        let inputs = try makeLoader().load([rubricsDirectory + "/\(id).xml"])
        return try #require(inputs.rubrics[id], "\(inputs.diagnostics)")
    }

    /// A sheet giving each indicator the value `value(dimensionID, position in rubric)`.
    func sheet(_ r: Rubric, _ value: (String, Int) -> Double) -> AnswerSheet {
        AnswerSheet(
            values: r.indicators.indices.map { .number(value(r.dimensions[r.dimensionOfIndicator[$0]].id, $0)) })
    }

    func check(
        _ r: Rubric, _ s: AnswerSheet, total: String, band: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let score = r.score(s).total ?? -1
        #expect(Rounding.format2(score) == total, sourceLocation: sourceLocation)
        #expect(r.band(for: score)?.id == band, sourceLocation: sourceLocation)
    }

    @Test func ombudsmanKepatuhan2019() throws {
        let r = try rubric("ombudsman-kepatuhan-2019")
        #expect(r.indicators.count == 24)
        // Every dimension weighs its number of items and every item 1, so with all answered the
        // total is 100·Σ scores/48. The first 12 items at 2, the other 12 at 1: 100·36/48 = 75.00,
        // Zona Kuning (51.00–80.99).
        check(r, sheet(r) { _, i in i < 12 ? 2 : 1 }, total: "75.00", band: "kuning")
        // Every item 1: 100·24/48 = 50.00, Zona Merah (0–50.99).
        check(r, sheet(r) { _, _ in 1 }, total: "50.00", band: "merah")
    }

    @Test func ombudsmanOpini2022() throws {
        let r = try rubric("ombudsman-opini-2022")
        // Input all 3 (D=1), proses all 0 (D=0), output all 4 (D=1), pengaduan all 3 (D=1):
        // 100·(21.85 + 24.24 + 21.54)/100.00 = 67.63, category C (54.00–77.99).
        check(r, sheet(r) { d, _ in d == "proses" ? 0 : (d == "output" ? 4 : 3) }, total: "67.63", band: "C")
        // Everything at the top: 100.00, category A.
        check(r, sheet(r) { d, _ in d == "output" ? 4 : 3 }, total: "100.00", band: "A")
        // Only proses at the top: 100·32.37/100 = 32.37, category D (32.00–53.99).
        check(r, sheet(r) { d, _ in d == "proses" ? 3 : (d == "output" ? 1 : 0) }, total: "32.37", band: "D")
    }

    @Test func panrbPekppp2022() throws {
        let r = try rubric("panrb-pekppp-2022")
        // 30 published indicators and the supplementary queueing one (weight 0).
        #expect(r.indicators.count == 31)
        #expect(r.dimensions.map(\.id) == ["kebijakan", "sdm", "sarpras", "sipp", "konsultasi-pengaduan", "inovasi"])
        // Weights inside each aspect sum to 1, aspect weights sum to 1 (the sources in the rubric's <origin> elements).
        for d in r.dimensions { #expect(abs(d.indicators.reduce(0) { $0 + $1.weight } - 1) < 1e-9, "\(d.id)") }
        #expect(abs(r.dimensions.reduce(0) { $0 + $1.weight } - 1) < 1e-9)
        // Kebijakan's nine weights from KemenPANRB's deck: 17, 14, 7, 14, 10, 17, 7, 7, 7.
        #expect(r.dimensions[0].indicators.map { Int(($0.weight * 100).rounded()) } == [17, 14, 7, 14, 10, 17, 7, 7, 7])
        // Every weight has its source.
        for i in r.indicators { #expect(i.origins.of(.weight) != nil, "\(i.id)") }
        // 5 everywhere: each aspect Σ w·5 = 5, Σ aspects 5 · 1.00 = 5.00, Pelayanan Prima (A).
        check(r, sheet(r) { _, _ in 5 }, total: "5.00", band: "A")
        // 0 everywhere: 0.00, Gagal (F).
        check(r, sheet(r) { _, _ in 0 }, total: "0.00", band: "F")
    }

    @Test func skm2017BothWeightings() throws {
        // Kab. Bantul 2023 (skm.bantulkab.go.id): NRR 3.31, 3.35, 3.49, 3.93, 3.45, 3.39, 3.39,
        // 3.76, 3.35; Σ = 31.42. 25·31.42/9 = 87.28 (B); 25·0.111·31.42 = 87.19 (B).
        let nrr: [String: Double] = [
            "U1": 3.31, "U2": 3.35, "U3": 3.49, "U4": 3.93, "U5": 3.45,
            "U6": 3.39, "U7": 3.39, "U8": 3.76, "U9": 3.35
        ]
        for (id, total) in [("skm-2017", "87.28"), ("skm-2017-bobot-0111", "87.19")] {
            let r = try rubric(id)
            // By id, not by position: U9 may come before U8 on a form.
            let s = AnswerSheet(values: r.indicators.map { nrr[$0.id].map { .number($0) } })
            check(r, s, total: total, band: "B")
        }
    }

    @Test func skm2004() throws {
        let r = try rubric("skm-2004")
        #expect(r.indicators.count == 14)
        // Every unsur 3: 25·14·3/14 = 75.00, grade B (62.51–81.25).
        check(r, sheet(r) { _, _ in 3 }, total: "75.00", band: "B")
        // Thirteen at 4 and one at 1: 25·53/14 = 94.642… → 94.64, grade A (81.26–100).
        check(r, sheet(r) { _, i in i == 0 ? 1 : 4 }, total: "94.64", band: "A")
    }
}
