import Foundation
import PatuhCore
import PatuhFormats
import Testing

/// The SKM conversion table of PermenPANRB 14/2017 (the sources in the rubric's <origin> elements), carried by both SKM
/// 2017 rubrics, checked at its edges.
@Suite struct SKMConversionTests {
    @Test(arguments: ["skm-2017", "skm-2017-bobot-0111"])
    func tableEdges(id: String) throws {
        let inputs = try makeLoader().load([rubricsDirectory + "/\(id).xml"])
        let r = try #require(inputs.rubrics[id], "\(inputs.diagnostics)")
        let rows = try #require(r.conversion?.rows)
        // Nilai persepsi 1-4 → mutu D, C, B, A, as printed.
        #expect(rows.map(\.perception) == [1, 2, 3, 4])
        #expect(rows.map(\.bandID) == ["D", "C", "B", "A"])
        // Each converted edge is 25 × its NRR edge, rounded to 2 decimals: 2.5996·25 = 64.99,
        // 2.60·25 = 65.00, 3.064·25 = 76.60, 3.0644·25 = 76.61, 3.532·25 = 88.30,
        // 3.5324·25 = 88.31, 1·25 = 25.00, 4·25 = 100.00.
        for row in rows {
            #expect(Rounding.format2(25 * row.nrrMin) == Rounding.format2(row.min), "\(row)")
            #expect(Rounding.format2(25 * row.nrrMax) == Rounding.format2(row.max), "\(row)")
            // Both edges of the converted interval fall in the row's band (mutu).
            #expect(r.band(for: row.min)?.id == row.bandID)
            #expect(r.band(for: row.max)?.id == row.bandID)
        }
        // The kinerja labels of the rows: Tidak Baik, Kurang Baik, Baik, Sangat Baik.
        let labels = rows.compactMap { row in r.bands.first { $0.id == row.bandID }?.label["id"] }
        #expect(labels == ["Tidak Baik", "Kurang Baik", "Baik", "Sangat Baik"])
    }

    @Test func aRowNamingAnUnknownBandIsAnError() throws {
        let (inputs, _) = try load([
            "k.xml": rubricXML(
                id: "k",
                """
                  <indicator id="U1" min="1" max="4"><title lang="id">U1</title></indicator>
                \(goodBands)
                  <conversion><row perception="1" nrr-min="1" nrr-max="4" min="25" max="100" band="Z"/></conversion>
                """)
        ])
        #expect(inputs.rubrics["k"] == nil)
        #expect(inputs.diagnostics.contains { $0.message.contains("conversion row names band 'Z'") })
    }
}
