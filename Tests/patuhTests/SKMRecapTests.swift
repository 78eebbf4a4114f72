import Foundation
import Testing

/// The pemda recap in `skm-regions.csv` and on the region page. Figures worked by hand.
@Suite struct SKMRecapTests {
    let registry = """
        <registry xmlns="urn:patuh:1">
          <region code="99" level="provinsi" name="Provinsi Uji">
            <unit id="p1" type="opd" name="Dinas Provinsi"/>
            <region code="99.01" level="kabupaten" name="Kabupaten Satu">
              <unit id="k1" type="opd" name="Dinas Satu"/>
              <unit id="k2" type="puskesmas" name="Puskesmas Dua"/>
            </region>
          </region>
        </registry>
        """

    func survey(_ unit: String, _ answers: [[Int]]) -> String {
        var xml = "<survey xmlns=\"urn:patuh:1\" rubric=\"skm-2017\" unit=\"\(unit)\" period=\"2023\">\n"
        for (k, a) in answers.enumerated() {
            xml +=
                "<response id=\"\(unit)-\(k)\">"
                + a.enumerated().map { "<answer indicator=\"U\($0 + 1)\" value=\"\($1)\"/>" }.joined() + "</response>\n"
        }
        return xml + "</survey>\n"
    }

    @Test func kabupatenAndProvince() throws {
        // k1: the 29 of SurveyScoringTests (U1..U7 97/29, U8 2, U9 4): IKM 21325/261 = 81.705.
        // k2: 10 respondents all 4: 100.00, lowest U1 (all equal, rubric order).
        // Kabupaten Satu = (81.705 + 100)/2 = 90.8525 → 90.85, A Sangat Baik; respondent-
        // weighted (29·81.705 + 10·100)/39 = 3369.444/39 = 86.396 → 86.40.
        // Provinsi Uji: its own p1 only, 3 respondents all 3: 75.00, C Kurang Baik.
        let k1 = (1...29).map { k in [Int](repeating: k <= 10 ? 4 : 3, count: 7) + [2, 4] }
        let dir = try scratchDirectory()
        for (name, text) in [
            "r.xml": registry, "k1.xml": survey("k1", k1),
            "k2.xml": survey("k2", Array(repeating: Array(repeating: 4, count: 9), count: 10)),
            "p1.xml": survey("p1", Array(repeating: Array(repeating: 3, count: 9), count: 3))
        ] {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
        let out = try scratchDirectory()
        let run = try patuh(["report", "--rubric", "skm-2017", dir.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try read(out.appendingPathComponent("skm-regions.csv"))
        #expect(
            csv.contains(
                "2023,99.01,Kabupaten Satu,kabupaten,unit,k2,Puskesmas Dua,1,10,100.00,A,Sangat Baik,U1,4.0000,\r\n"))
        #expect(csv.contains("2023,99.01,Kabupaten Satu,kabupaten,unit,k1,Dinas Satu,1,29,81.70,B,Baik,U8,2.0000,\r\n"))
        #expect(csv.contains("2023,99.01,Kabupaten Satu,kabupaten,pemda,,,2,39,90.85,A,Sangat Baik,,,86.40\r\n"))
        #expect(csv.contains("2023,99,Provinsi Uji,provinsi,pemda,,,1,3,75.00,C,Kurang Baik,,,75.00\r\n"))
        #expect(!csv.contains("provinsi,unit,k1"))  // a province's recap is its own units
        let page = try read(out.appendingPathComponent("region/99.01.html"))
            .replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
        #expect(
            page.contains(
                "IKM pemda (rata-rata IKM unit) 90,85 · Mutu pelayanan A · Kinerja unit pelayanan Sangat Baik · 2 unit, Jumlah responden 39"
            ))
        #expect(page.contains("Rata-rata tertimbang jumlah responden (pembanding): 86,40"))
        #expect(page.contains("Puskesmas Dua 10 100,00 A Sangat Baik U1 Persyaratan (4,00)"))
        #expect(page.contains("Dinas Satu 29 81,70 B Baik U8 Penanganan Pengaduan, Saran dan Masukan (2,00)"))
    }
}
