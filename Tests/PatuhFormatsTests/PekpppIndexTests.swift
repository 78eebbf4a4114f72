import Foundation
import PatuhCore
import PatuhFormats
import Testing

/// PEKPPP's Indeks Pelayanan Publik as a weighted sum (model="weighted-sum"), worked by hand.
@Suite struct PekpppIndexTests {
    func shipped() throws -> Rubric {
        let inputs = try makeLoader().load([rubricsDirectory + "/panrb-pekppp-2022.xml"])
        return try #require(inputs.rubrics["panrb-pekppp-2022"], "\(inputs.diagnostics)")
    }

    /// A mixed unit, worked by hand from the weights of the sources in the rubric's <origin> elements:
    /// - Kebijakan: KB-01 = 5, the other eight 3: 5·0.17 + 3·0.83 = 3.34; × 0.24 = 0.8016
    /// - SDM all 4: 4 × 1.00 × 0.25 = 1.00
    /// - Sarpras all 2 (SP-31 = 5 at weight 0 adds nothing): 2 × 0.18 = 0.36
    /// - SIPP: SI-21 = 5, SI-22 = 0, SI-23 = 0, SI-24 = 5: 5·0.30 + 5·0.30 = 3.0; × 0.11 = 0.33
    /// - K&P all 1: 1 × 0.10 = 0.10
    /// - Inovasi: IN-29 = 5, IN-30 = 0: 2.5 × 0.12 = 0.30
    /// Index 0.8016 + 1.00 + 0.36 + 0.33 + 0.10 + 0.30 = 2.8916 → 2.89, Cukup (C, 2.51–3.00).
    @Test func aHandWorkedMixedUnit() throws {
        let r = try shipped()
        let values: [String: Double] = ["KB-01": 5, "SP-31": 5, "SI-21": 5, "SI-24": 5, "IN-29": 5]
        let byAspect: [String: Double] = [
            "kebijakan": 3, "sdm": 4, "sarpras": 2, "sipp": 0, "konsultasi-pengaduan": 1, "inovasi": 0
        ]
        let sheet = AnswerSheet(
            values: r.indicators.indices.map { i in
                .number(values[r.indicators[i].id] ?? byAspect[r.dimensions[r.dimensionOfIndicator[i]].id] ?? -1)
            })
        let result = r.score(sheet)
        let total = try #require(result.total)
        #expect(abs(total - 2.8916) < 1e-9)
        #expect(Rounding.format2(total) == "2.89")
        #expect(r.band(for: total)?.id == "C")
        #expect(abs((result.dimensionPoints[0] ?? -1) - 0.8016) < 1e-9)
        #expect(abs((result.dimensionPoints[3] ?? -1) - 0.33) < 1e-9)
    }

    /// The published row of form F-01 (Kab. Jombang, "TABEL PERHITUNGAN INDEK PELAYANAN
    /// PUBLIK"): "1.a.K1 ... 5 8,9% 30% 0,445 3,39 1,02". Skor 5 × bobot indikator 0,089 =
    /// nilai indikator 0,445; in an aspect of bobot 30% it adds 0,445 × 0,30 = 0,1335 to the
    /// index. The row's aspect: nilai aspek 3,39 × 30% = 1,017 → 1,02; here a second indicator
    /// carries the rest of that aspect's 3,39 (weight 0,589 at score 5 gives 2,945).
    @Test func theJombangWorkedRow() throws {
        let (inputs, _) = try load([
            "f01.xml": """
            <rubric xmlns="urn:patuh:1" id="f01" model="weighted-sum">
              <title lang="id">F-01</title>
              <dimension id="kebijakan" weight="0.30">
                <title lang="id">Kebijakan</title>
                <indicator id="K1" weight="0.089" min="0" max="5"><title lang="id">1.a.K1</title></indicator>
                <indicator id="K2" weight="0.589" min="0" max="5"><title lang="id">sisa aspek</title></indicator>
              </dimension>
              <bands><band id="F" min="0"><label lang="id">Gagal</label><label lang="en">Failed</label></band></bands>
            </rubric>
            """
        ])
        let r = try #require(inputs.rubrics["f01"], "\(inputs.diagnostics)")
        let row = r.score(AnswerSheet(values: [.number(5), .number(0)]))
        #expect(abs((row.dimensionPoints[0] ?? -1) - 0.1335) < 1e-12)
        #expect(abs((row.dimensionPoints[0] ?? -1) / 0.30 - 0.445) < 1e-12)
        let aspect = r.score(AnswerSheet(values: [.number(5), .number(5)]))
        #expect(abs((aspect.dimensionPoints[0] ?? -1) / 0.30 - 3.39) < 1e-12)
        #expect(Rounding.format2(aspect.dimensionPoints[0] ?? -1) == "1.02")
    }

    /// A weight of 0 is allowed in a weighted sum only; elsewhere weights must be positive.
    @Test func zeroWeightOnlyInAWeightedSum() throws {
        let body = """
              <title lang="id">Nol</title>
              <dimension id="a" weight="1"><title lang="id">A</title>
                <indicator id="A1" weight="1" min="0" max="5"><title lang="id">A1</title></indicator>
                <indicator id="A2" weight="0" min="0" max="5"><title lang="id">A2</title></indicator>
              </dimension>
              <bands><band id="F" min="0"><label lang="id">Gagal</label><label lang="en">Failed</label></band></bands>
            </rubric>
            """
        let (ok, _) = try load(["nol.xml": "<rubric xmlns=\"urn:patuh:1\" id=\"nol\" model=\"weighted-sum\">" + body])
        #expect(ok.rubrics["nol"] != nil, "\(ok.diagnostics)")
        let (bad, _) = try load(["nol.xml": "<rubric xmlns=\"urn:patuh:1\" id=\"nol\">" + body])
        #expect(bad.rubrics["nol"] == nil)
        #expect(bad.diagnostics.contains { $0.message.contains("weights must be positive") })
    }
}
