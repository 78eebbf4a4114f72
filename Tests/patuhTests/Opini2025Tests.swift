import Foundation
import Testing

/// `ombudsman-opini-2025` on a hand-made round: categories without zones, the "Tanpa
/// Maladministrasi" qualifier where the data earn it, every CSV and page without zones.
@Suite struct Opini2025Tests {
    static let items = [
        "IN-01", "IN-02", "IN-03", "IN-04", "PR-01", "PR-02", "PR-03", "OUT-01", "OUT-02", "PG-01", "PG-02", "KM-01"
    ]

    func assessment(_ unit: String, input: Int, trust: Int, product: String) -> String {
        let answers = Self.items.map { id -> String in
            let v = id.hasPrefix("IN-") ? input : (id == "KM-01" ? trust : 3)
            return "  <answer indicator=\"\(id)\" value=\"\(v)\"/>"
        }.joined(separator: "\n")
        return """
              <assessment id="a-\(unit)" rubric="ombudsman-opini-2025" unit="\(unit)" period="2025">
              \(answers)
                <answer indicator="PRD-01" value="\(product)"/>
              </assessment>
            """
    }

    func round() throws -> URL {
        let dir = try scratchDirectory()
        try Data(
            """
            <registry xmlns="urn:patuh:1"><region code="99" level="provinsi" name="Provinsi Uji">
              <region code="99.01" level="kabupaten" name="Kabupaten Uji">
                <unit id="9901-a" type="opd" name="Dinas A"/>
                <unit id="9901-b" type="opd" name="Dinas B"/>
                <unit id="9901-c" type="opd" name="Dinas C"/>
              </region>
            </region></registry>
            """.utf8
        ).write(to: dir.appendingPathComponent("registry.xml"))
        let body = [
            assessment("9901-a", input: 3, trust: 3, product: "2"),
            assessment("9901-b", input: 0, trust: 3, product: "1"),
            assessment("9901-c", input: 3, trust: 0, product: "na")
        ].joined(separator: "\n")
        try Data("<assessments xmlns=\"urn:patuh:1\">\n\(body)\n</assessments>\n".utf8)
            .write(to: dir.appendingPathComponent("2025.xml"))
        return dir
    }

    /// By hand (weights 15.295, 22.659, 16.968, 15.078, 30; Σ 100; produk not scored):
    /// - A: everything 3 → 100.00, A; PRD-01 = 2 (tuntas) → Tanpa Maladministrasi.
    /// - B: input 0, the rest 3 → 100 − 15.295 = 84.705 → 84.71, B; PRD-01 = 1 (sebagian) → not earned.
    /// - C: kepercayaan 0, the rest 3 → 70.00, C; PRD-01 na (no product) → not earned.
    /// Kabupaten Uji: (100 + 84.705 + 70)/3 = 84.90, B. No zone anywhere.
    @Test func scoresWithoutZonesAndWithTheQualifier() throws {
        let dir = try round()
        let out = try scratchDirectory()
        let run = try patuh(["report", "--rubric", "ombudsman-opini-2025", dir.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let units = try read(out.appendingPathComponent("units.csv")).components(separatedBy: "\r\n")
        let header = units[0].components(separatedBy: ",")
        let q = try #require(header.firstIndex(of: "qualifier"))
        let score = try #require(header.firstIndex(of: "score"))
        let band = try #require(header.firstIndex(of: "band"))
        let zone = try #require(header.firstIndex(of: "zone"))
        #expect(header.contains("dim_kepercayaan") && header.contains("dim_produk"))
        let rows = Dictionary(
            uniqueKeysWithValues: units.dropFirst().filter { !$0.isEmpty }.map { line -> (String, [String]) in
                let cells = line.components(separatedBy: ",")
                return (cells[1], cells)
            })
        let a = try #require(rows["9901-a"])
        let b = try #require(rows["9901-b"])
        let c = try #require(rows["9901-c"])
        #expect([a[score], a[band], a[zone], a[q]] == ["100.00", "A", "", "tanpa-maladministrasi"])
        #expect([b[score], b[band], b[zone], b[q]] == ["84.71", "B", "", ""])
        #expect([c[score], c[band], c[zone], c[q]] == ["70.00", "C", "", ""])
        // The qualifier's dimension has no points: it decides the qualifier, not the score.
        let produk = try #require(header.firstIndex(of: "dim_produk"))
        #expect(a[produk] == "")
        let regions = try read(out.appendingPathComponent("regions.csv"))
        #expect(regions.contains("2025,99.01,Kabupaten Uji,kabupaten,99,84.90,B,,3,1,1,"), "\(regions)")
        // The pages show the qualifier after the category, and only where earned.
        let pageA = try read(out.appendingPathComponent("unit/9901-a.html"))
        #expect(pageA.contains("<span class=\"band-label\">Kualitas Tertinggi Tanpa Maladministrasi</span>"))
        let pageB = try read(out.appendingPathComponent("unit/9901-b.html"))
        #expect(
            pageB.contains("<span class=\"band-label\">Kualitas Tinggi</span>")
                && !pageB.contains("Kualitas Tinggi Tanpa Maladministrasi"))
        let region = try read(out.appendingPathComponent("region/99.01.html"))
        // No zone after the category, and no zone cards on the index.
        #expect(region.contains("<span class=\"band-label\">Kualitas Tertinggi Tanpa Maladministrasi</span>"))
        #expect(!region.contains("class=\"zone z-"))
        let index = try read(out.appendingPathComponent("index.html"))
        #expect(!index.contains("z-hijau") && !index.contains("Zona hijau"))
    }
}
