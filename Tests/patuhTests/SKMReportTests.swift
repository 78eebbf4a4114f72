import Foundation
import Testing

/// The complete SKM result in `skm.csv` and on the unit page (issue 21, acceptance 1 and 2).
/// Every figure is worked out by hand in the comments.
@Suite struct SKMReportTests {
    func registry(population: Bool) -> String {
        """
        <registry xmlns="urn:patuh:1">
          <region code="99" level="provinsi" name="Provinsi Uji">
            <unit id="u29" type="opd" name="Dinas Uji"\(population ? " population=\"100\"" : "")/>
          </region>
        </registry>
        """
    }

    /// SurveyScoringTests' 29: respondents 1–10 answer 4 on U1..U7, 11–29 answer 3; all U8 = 2,
    /// U9 = 4. Odd k gender P, even L; age 20 + k; no education, no occupation.
    /// The file names the questionnaire (`skm-2017`), which both weightings score.
    func survey29(_ rubric: String) -> String {
        var xml = "<survey xmlns=\"urn:patuh:1\" rubric=\"skm-2017\" unit=\"u29\" period=\"2023-S1\">\n"
        for k in 1...29 {
            xml += "<response id=\"r\(k)\" gender=\"\(k % 2 == 0 ? "L" : "P")\" age=\"\(20 + k)\">"
            for u in 1...7 { xml += "<answer indicator=\"U\(u)\" value=\"\(k <= 10 ? 4 : 3)\"/>" }
            xml += "<answer indicator=\"U9\" value=\"4\"/><answer indicator=\"U8\" value=\"2\"/></response>\n"
        }
        return xml + "</survey>\n"
    }

    /// Kab. Bantul 2023's published NRR (3.31, 3.35, 3.49, 3.93, 3.45, 3.39, 3.39, 3.76, 3.35)
    /// from 100 respondents: of them 31, 35, 49, 93, 45, 39, 39, 76, 35 answer 4, the rest 3.
    func bantul(_ rubric: String) -> String {
        let fours = [31, 35, 49, 93, 45, 39, 39, 76, 35]
        var xml = "<survey xmlns=\"urn:patuh:1\" rubric=\"skm-2017\" unit=\"u29\" period=\"2023\">\n"
        for k in 0..<100 {
            xml += "<response id=\"b\(k)\">"
            for (u, n) in fours.enumerated() { xml += "<answer indicator=\"U\(u + 1)\" value=\"\(k < n ? 4 : 3)\"/>" }
            xml += "</response>\n"
        }
        return xml + "</survey>\n"
    }

    struct Output {
        var csv: [[String]]
        var page: String

        /// The `skm.csv` row of a section, item and group, as cells.
        func row(_ section: String, _ item: String, _ group: String = "") -> [String: String]? {
            guard let header = csv.first,
                let r = csv.first(where: {
                    $0.count == header.count && $0[2] == section && $0[3] == item && $0[4] == group
                })
            else { return nil }
            return Dictionary(uniqueKeysWithValues: zip(header, r))
        }
    }

    func report(rubric: String, survey: String, population: Bool = true, lang: String = "id") throws -> Output {
        let dir = try scratchDirectory()
        try Data(registry(population: population).utf8).write(to: dir.appendingPathComponent("r.xml"))
        try Data(survey.utf8).write(to: dir.appendingPathComponent("s.xml"))
        let out = try scratchDirectory()
        let run = try patuh(["report", "--rubric", rubric, "--lang", lang, dir.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try read(out.appendingPathComponent("skm.csv")).split(separator: "\r\n")
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let html = try read(out.appendingPathComponent("unit/u29.html"))
        return Output(csv: csv, page: text(section(html)))
    }

    func section(_ html: String) -> String {
        guard let start = html.range(of: "<section class=\"skm\""),
            let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex)
        else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// The page's text with tags dropped and blanks collapsed.
    func text(_ html: String) -> String {
        let noTags = html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        return noTags.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
    }

    // NRR U1..U7 = 97/29 = 3.3448 (page 3,34); U8 2; U9 4. IKM per unsur = 25·NRR: 83.62, 50.00, 100.00.
    // 1/9: tertimbang U1 97/261 = 0.37165 → 0.3716, U8 0.2222, U9 0.4444; Σ 853/261 = 3.26820 → 3.2682;
    //      IKM 25·853/261 = 81.705 → 81.70 (B Baik).
    // 0.111: U1 0.111·97/29 = 0.37128 → 0.3713, U8 0.2220, U9 0.4440; Σ 0.111·853/29 = 3.26493 →
    //      3.2649; IKM 81.623 → 81.62 (B Baik).
    static let twentyNine:
        [(rubric: String, weight: String, pageWeight: String, u1: String, u8: String, sum: String, ikm: String)] = [
            ("skm-2017", "0.111111", "1/9", "0.3716", "0.2222", "3.2682", "81.70"),
            ("skm-2017-bobot-0111", "0.111", "0,111", "0.3713", "0.2220", "3.2649", "81.62")
        ]

    @Test(arguments: twentyNine)
    func twentyNineRespondents(
        _ c: (rubric: String, weight: String, pageWeight: String, u1: String, u8: String, sum: String, ikm: String)
    ) throws {
        let o = try report(rubric: c.rubric, survey: survey29(c.rubric))
        let comma = { (s: String) in s.replacingOccurrences(of: ".", with: ",") }
        #expect(o.row("unsur", "U1")?["nrr"] == "3.3448")
        #expect(o.row("unsur", "U1")?["weight"] == c.weight)
        #expect(o.row("unsur", "U1")?["nrr_weighted"] == c.u1)
        #expect(o.row("unsur", "U1")?["ikm"] == "83.62")
        #expect(o.row("unsur", "U8")?["nrr_weighted"] == c.u8)
        #expect(o.row("unsur", "U8")?["ikm"] == "50.00")
        #expect(o.row("unsur", "U9")?["ikm"] == "100.00")
        let total = try #require(o.row("total", "IKM"))
        #expect(
            [total["respondents"], total["nrr_weighted"], total["ikm"], total["band"], total["kinerja"]]
                == ["29", c.sum, c.ikm, "B", "Baik"])
        // Gender: 14 L, 15 P: 14/29 = 48.276 %, 15/29 = 51.724 % (hundredths 4827 r 17, 5172 r 12:
        // the one left over goes to L) → 48.28 + 51.72 = 100.
        #expect(o.row("profile", "gender", "L")?["percent"] == "48.28")
        #expect(o.row("profile", "gender", "P")?["respondents"] == "15")
        #expect(o.row("profile", "gender", "P")?["percent"] == "51.72")
        // Ages 21..49: 17-25 5, 26-35 10, 36-45 10, 46-55 4; hundredths 1724 r 4, 3448 r 8 (twice),
        // 1379 r 9: 9999, the last one to 46-55 (largest remainder): 17.24, 34.48, 34.48, 13.80.
        #expect(
            ["17-25", "26-35", "36-45", "46-55"].map { o.row("profile", "age", $0)?["percent"] }
                == ["17.24", "34.48", "34.48", "13.80"])
        #expect(o.row("profile", "education", "tidak diisi")?["respondents"] == "29")
        #expect(o.row("profile", "education", "tidak diisi")?["percent"] == "100.00")
        #expect(o.row("lowest", "U8", "1")?["nrr"] == "2.0000")
        #expect(o.row("lowest", "U1", "2") != nil && o.row("lowest", "U2", "3") != nil)
        #expect(o.row("highest", "U9")?["nrr"] == "4.0000")
        #expect(o.row("trend", "2023-S1")?["ikm"] == c.ikm)
        let sample = try #require(o.row("sample", "krejcie-morgan"))
        #expect(
            [sample["population"], sample["sample_required"], sample["respondents"], sample["sample_ok"]] == [
                "100", "80", "29", "no"
            ])

        // The page: the same figures, Indonesian number forms.
        #expect(
            o.page.contains(
                "IKM \(comma(c.ikm)) · Mutu pelayanan B · Kinerja unit pelayanan Baik · Jumlah responden 29"))
        #expect(o.page.contains("U1 Persyaratan 3,34 \(c.pageWeight) \(comma(c.u1)) 83,62"))
        #expect(o.page.contains("U8 Penanganan Pengaduan, Saran dan Masukan 2,00 \(c.pageWeight) \(comma(c.u8)) 50,00"))
        #expect(o.page.contains("Jumlah NRR tertimbang \(comma(c.sum))"))
        #expect(o.page.contains("IKM = jumlah NRR tertimbang × 25 \(comma(c.ikm))"))
        #expect(
            o.page.contains(
                "Tiga unsur terendah: U8 Penanganan Pengaduan, Saran dan Masukan (2,00); U1 Persyaratan (3,34); U2 Sistem, Mekanisme, dan Prosedur (3,34);"
            ))
        #expect(o.page.contains("Unsur tertinggi: U9 Sarana dan Prasarana (4,00)"))
        #expect(o.page.contains("Jenis kelamin L 14 48,28 Jenis kelamin P 15 51,72"))
        #expect(o.page.contains("Usia 46-55 4 13,80"))
        #expect(o.page.contains("Pendidikan tidak diisi 29 100,00"))
        #expect(o.page.contains("2023-S1 29 \(comma(c.ikm)) B Baik"))
        #expect(
            o.page.contains("Populasi pengguna layanan 100, sampel minimum 80, Jumlah responden 29: tidak terpenuhi"))
    }

    // Σ NRR 31.42. 1/9: U1 3.31/9 = 0.36778 → 0.3678, U4 3.93/9 = 0.43667 → 0.4367; Σ 3.49111 → 3.4911;
    //      IKM 25·31.42/9 = 87.278 → 87.28 (B). 0.111: U1 0.36741 → 0.3674, U4 0.43623 → 0.4362;
    //      Σ 3.48762 → 3.4876; IKM 87.1905 → 87.19 (B). IKM per unsur U1 82.75, U4 98.25.
    static let bantulCases: [(rubric: String, u1: String, u4: String, sum: String, ikm: String)] = [
        ("skm-2017", "0.3678", "0.4367", "3.4911", "87.28"),
        ("skm-2017-bobot-0111", "0.3674", "0.4362", "3.4876", "87.19")
    ]

    @Test(arguments: bantulCases)
    func bantul(_ c: (rubric: String, u1: String, u4: String, sum: String, ikm: String)) throws {
        let o = try report(rubric: c.rubric, survey: bantul(c.rubric), population: false, lang: "en")
        #expect(
            ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"].map { o.row("unsur", $0)?["nrr"] }
                == ["3.3100", "3.3500", "3.4900", "3.9300", "3.4500", "3.3900", "3.3900", "3.7600", "3.3500"])
        #expect(o.row("unsur", "U1")?["nrr_weighted"] == c.u1)
        #expect(o.row("unsur", "U4")?["nrr_weighted"] == c.u4)
        #expect(o.row("unsur", "U1")?["ikm"] == "82.75")
        #expect(o.row("unsur", "U4")?["ikm"] == "98.25")
        #expect(o.row("total", "IKM")?["nrr_weighted"] == c.sum)
        #expect(o.row("total", "IKM")?["ikm"] == c.ikm)
        #expect(o.row("total", "IKM")?["band"] == "B")
        // Lowest U1 3.31, then U2 and U9 at 3.35 (rubric order); highest U4 3.93.
        #expect(
            o.row("lowest", "U1", "1") != nil && o.row("lowest", "U2", "2") != nil && o.row("lowest", "U9", "3") != nil)
        #expect(o.row("highest", "U4")?["nrr"] == "3.9300")
        #expect(o.row("profile", "gender", "tidak diisi")?["percent"] == "100.00")
        #expect(o.row("sample", "krejcie-morgan") == nil)  // no population
        // The English page.
        #expect(
            o.page.contains(
                "IKM \(c.ikm) · Service quality (mutu) B · Unit performance (kinerja) Good · Respondents 100"))
        #expect(o.page.contains("U1 Requirements 3.31"))
        #expect(o.page.contains("Sum of weighted NRR \(c.sum)"))
        #expect(o.page.contains("Highest item: U4"))
        #expect(o.page.contains("Gender not stated 100 100.00"))
    }

    @Test func threeRespondentsOneWithoutProfile() throws {
        // Respondents: L aged 30, P aged 40, one with no profile at all. Gender: L 1, P 1, not
        // stated 1; 10000/3 = 3333 r 1 each, the hundredth left to the first line: 33.34 + 33.33
        // + 33.33 = 100.00. Everyone answers 3: IKM 75.00 (C).
        var xml = "<survey xmlns=\"urn:patuh:1\" rubric=\"skm-2017\" unit=\"u29\" period=\"2023-S1\">\n"
        for (k, profile) in ["gender=\"L\" age=\"30\"", "gender=\"P\" age=\"40\"", ""].enumerated() {
            xml +=
                "<response id=\"t\(k)\" \(profile)>"
                + (1...9).map { "<answer indicator=\"U\($0)\" value=\"3\"/>" }.joined() + "</response>\n"
        }
        let o = try report(rubric: "skm-2017", survey: xml + "</survey>\n")
        #expect(o.row("total", "IKM")?["respondents"] == "3")
        #expect(
            ["L", "P", "tidak diisi"].map { o.row("profile", "gender", $0)?["percent"] } == ["33.34", "33.33", "33.33"])
        #expect(o.row("profile", "gender", "tidak diisi")?["respondents"] == "1")
        #expect(
            ["26-35", "36-45", "tidak diisi"].map { o.row("profile", "age", $0)?["respondents"] } == ["1", "1", "1"])
        #expect(o.page.contains("Jenis kelamin L 1 33,34 Jenis kelamin P 1 33,33 Jenis kelamin tidak diisi 1 33,33"))
    }
}
