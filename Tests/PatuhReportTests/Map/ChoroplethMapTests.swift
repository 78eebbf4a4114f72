import PatuhCore
import Testing

@testable import PatuhReport

/// The map's shapes: which page each links to, its accessible name and its fill.
@Suite struct ChoroplethMapTests {
    // ombudsman-opini-2022's bands, as in Rubrics/: A 88 and B 78 hijau, C 54 kuning, D 32 and E 0 merah.
    static let zoneBands = [
        Band(id: "A", min: 88, zone: .hijau, label: LocalizedText(["id": "Kualitas Tertinggi"])),
        Band(id: "B", min: 78, zone: .hijau, label: LocalizedText(["id": "Kualitas Tinggi"])),
        Band(id: "C", min: 54, zone: .kuning, label: LocalizedText(["id": "Kualitas Sedang"])),
        Band(id: "D", min: 32, zone: .merah, label: LocalizedText(["id": "Kualitas Rendah"])),
        Band(id: "E", min: 0, zone: .merah, label: LocalizedText(["id": "Kualitas Terendah"]))
    ]

    /// Two small squares 14.08 and 14.01, 14.72 without a score, 14.73 without a boundary.
    static func map(bands: [Band] = zoneBands) -> ChoroplethMap {
        let square = { (x: Int) in
            BoundaryShape(
                labelX: x + 5, labelY: 5, minX: x, minY: 0, maxX: x + 10, maxY: 10, path: "M\(x) 0l10 0 0 10-10 0z")
        }
        let entries = [
            ChoroplethMap.Entry(
                code: "14.08", name: "Kabupaten Siak", link: "14.08.html", score: 85.09, band: bands[1]),
            ChoroplethMap.Entry(
                code: "14.01", name: "Kabupaten Kampar", link: "14.01.html", score: 60.5, band: bands[2]),
            ChoroplethMap.Entry(code: "14.72", name: "Kota Dumai", link: "14.72.html", score: nil, band: nil),
            ChoroplethMap.Entry(code: "14.73", name: "Kota Nowhere", link: "14.73.html", score: 40, band: bands[3])
        ]
        return ChoroplethMap(
            entries: entries, bands: bands, caption: "Peta", t: Strings(lang: "id"),
            shapes: ["14.08": square(0), "14.01": square(20), "14.72": square(40)])
    }

    /// The `<a …>…</a>` of the shape with `code`.
    static func shape(_ html: String, _ code: String) -> Substring? {
        guard let start = html.range(of: "data-code=\"\(code)\"") else { return nil }
        let open = html[..<start.lowerBound].range(of: "<a ", options: .backwards)!.lowerBound
        let close = html[start.upperBound...].range(of: "</a>")!.upperBound
        return html[open..<close]
    }

    @Test func zoneMapLinksEachShapeToItsPageInItsZonesFill() throws {
        let html = Self.map().html()
        let siak = try #require(Self.shape(html, "14.08"))
        #expect(siak.contains("xlink:href=\"14.08.html\""))
        // 85,09 in Indonesian form; B is hijau: plain green (#2e7d32, the site's hijau).
        #expect(siak.contains("aria-label=\"Kabupaten Siak: 85,09, B Kualitas Tinggi · Zona Hijau\""))
        #expect(siak.contains("<title>Kabupaten Siak: 85,09, B Kualitas Tinggi · Zona Hijau</title>"))
        #expect(siak.contains("fill=\"#2e7d32\""))
        let kampar = try #require(Self.shape(html, "14.01"))
        #expect(kampar.contains("xlink:href=\"14.01.html\"") && kampar.contains("fill=\"url(#pm-kuning)\""))
        #expect(kampar.contains("60,50, C Kualitas Sedang · Zona Kuning"))
        // No score: grey dots, and said so.
        let dumai = try #require(Self.shape(html, "14.72"))
        #expect(dumai.contains("fill=\"url(#pm-none)\"") && dumai.contains("aria-label=\"Kota Dumai: belum dinilai\""))
        // No boundary: not drawn, listed under the map with a link, and in the table.
        #expect(Self.shape(html, "14.73") == nil)
        #expect(
            html.contains("<p class=\"note map-missing\">")
                && html.contains("<a href=\"14.73.html\">14.73 Kota Nowhere</a>"))
        #expect(html.components(separatedBy: "<tr><td><a href=").count - 1 == 4)
        // The box of the three squares (0…50 × 0…10), padded by 2 units each side.
        #expect(html.contains("viewBox=\"-2 -2 54 14\""))
    }

    @Test func legendCountsEachZoneAndTheUnscored() {
        let html = Self.map().html()
        // Hijau: Siak; kuning: Kampar; merah: Nowhere (scored, though not drawn); none: Dumai.
        #expect(html.contains("Zona Hijau (A, B): 1</li>"))
        #expect(html.contains("Zona Kuning (C): 1</li>"))
        #expect(html.contains("Zona Merah (D, E): 1</li>"))
        #expect(html.contains("belum dinilai: 1</li>"))
        // Kuning is hatched and merah cross-hatched: two strokes, not only a hue.
        #expect(html.contains("<pattern id=\"pm-merah\""))
        // The pattern cell is max(1, 54 / 120) = 1 map unit.
        #expect(html.contains("<path d=\"M0 1L1 0M0 0L1 1\" stroke=\"#fff\""))
    }

    @Test func categoryMapLabelsEachShapeWithItsLetter() throws {
        // SKM grades without zones: A, B, C, D. The ramp's 9 steps over 4 bands: A step 0
        // (#08306b), B step 8/3 → 2 (#2171b5), C step 16/3 → 5 (#9ecae1), D step 8 (#f7fbff).
        let bands = ["A", "B", "C", "D"].enumerated().map { i, id in Band(id: id, min: Double(90 - 20 * i)) }
        let html = Self.map(bands: bands).html()
        let siak = try #require(Self.shape(html, "14.08"))
        #expect(siak.contains("fill=\"#2171b5\""))  // band B
        let kampar = try #require(Self.shape(html, "14.01"))
        #expect(kampar.contains("fill=\"#9ecae1\""))  // band C
        // Letters at the label points (5,5) and (25,5); none for the unscored Dumai (45,5).
        #expect(html.contains("<text x=\"5\" y=\"5\">B</text>"))
        #expect(html.contains("<text x=\"25\" y=\"5\">C</text>"))
        #expect(!html.contains("<text x=\"45\" y=\"5\">"))
    }

    @Test func shippedBoundariesHoldEveryKabupatenKota() {
        // 514 kabupaten/kota in kabkota.geojson, Riau's twelve among them.
        #expect(Boundaries.kabkota.count == 514)
        for code in [
            "14.01", "14.02", "14.03", "14.04", "14.05", "14.06", "14.07", "14.08", "14.09", "14.10", "14.71", "14.72"
        ] {
            #expect(Boundaries.kabkota[code]?.path.hasPrefix("M") == true, "\(code)")
        }
    }
}
