import Foundation
import PatuhCore
import PatuhFormats
import Testing

/// The Ombudsman's instrument by year (the sources each rubric names in its <origin> elements).
@Suite struct OmbudsmanYearTests {
    func rubric(_ id: String) throws -> Rubric {
        let inputs = try makeLoader().load([rubricsDirectory + "/\(id).xml"])
        return try #require(inputs.rubrics[id], "\(inputs.diagnostics)")
    }

    func input(_ r: Rubric) -> [String] { r.dimensions.first { $0.id == "input" }?.indicators.map(\.id) ?? [] }

    /// 2022: kompetensi 5 + sarana prasarana 8; 2023 and 2024: 6 + 9, with rekomendasi
    /// Ombudsman (IN-05) and kompensasi (IN-09) new, penjaminan mutu (IN-16) gone; proses 11.
    @Test func indicatorCountsFollowEachYear() throws {
        let r22 = try rubric("ombudsman-opini-2022")
        let r23 = try rubric("ombudsman-opini-2023")
        let r24 = try rubric("ombudsman-opini-2024")
        #expect(input(r22).count == 13)
        #expect(input(r23).count == 15 && input(r24) == input(r23))
        #expect(input(r22).contains("IN-16") && !input(r22).contains("IN-05") && !input(r22).contains("IN-09"))
        #expect(input(r23).contains("IN-05") && input(r23).contains("IN-09") && !input(r23).contains("IN-16"))
        for r in [r22, r23, r24] {
            #expect(r.dimensions.first { $0.id == "proses" }?.indicators.count == 11)
            // Each declares what it follows, and marks its weights.
            #expect(r.origins.of(.item) != nil)
            for d in r.dimensions { #expect(d.origins.of(.weight) != nil) }
        }
        // 2022's dimension weights are the deck's own; 2023's and 2024's are carried over, marked.
        #expect(r22.dimensions[0].origins.of(.weight)?.status == .official)
        #expect(r23.dimensions[0].origins.of(.weight)?.status == .reconstructed)
        #expect(r24.origins.of(.item)?.status == .reconstructed)
    }

    /// Puskesmas Watdek (sentralnusantara.com, 27 Feb 2024): input 8,72 + proses 10,76 + output
    /// 20,76 + pengaduan 9,61 = 49,85, zona merah. Each dimension's points are W·D, so answering
    /// every item of a dimension at the fraction points/W gives those points: input
    /// 3·8.72/21.85 on 0–3, output 1 + 3·20.76/24.24 on 1–4 (a mean of users' answers). The total
    /// is their sum, 49.85, category D (32.00–53.99), zona merah.
    @Test func watdekPointsAddUpToTheTotal() throws {
        let published: [String: Double] = ["input": 8.72, "proses": 10.76, "output": 20.76, "pengaduan": 9.61]
        for id in ["ombudsman-opini-2022", "ombudsman-opini-2023"] {
            let r = try rubric(id)
            let sheet = AnswerSheet(
                values: r.indicators.indices.map { i in
                    let d = r.dimensions[r.dimensionOfIndicator[i]]
                    let f = (published[d.id] ?? 0) / d.weight
                    let ind = r.indicators[i]
                    return .number(ind.min + f * (ind.max - ind.min))
                })
            let result = r.score(sheet)
            for (d, dimension) in r.dimensions.enumerated() {
                #expect(
                    Rounding.format2(result.dimensionPoints[d] ?? -1)
                        == Rounding.format2(published[dimension.id] ?? -2), "\(id) \(dimension.id)")
            }
            let total = try #require(result.total)
            #expect(Rounding.format2(total) == "49.85")
            #expect(r.band(for: total)?.id == "D")
            #expect(r.band(for: total)?.zone == .merah)
        }
    }
}
