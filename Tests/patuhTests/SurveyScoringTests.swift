import Foundation
import Testing

/// SKM end to end. Every expectation is worked out by hand in the comments.
@Suite struct SurveyScoringTests {
    let registry = """
        <registry xmlns="urn:patuh:1">
          <region code="99" level="provinsi" name="Provinsi Uji">
            <unit id="u29" type="opd" name="Dinas Uji" population="100"/>
          </region>
        </registry>
        """

    /// Respondents 1–10 answer 4 and 11–29 answer 3 on U1..U7; everyone answers U8 = 2 and
    /// U9 = 4, with U9 written before U8 (as many forms do).
    func survey29(period: String = "2023-S1") -> String {
        var xml = "<survey xmlns=\"urn:patuh:1\" rubric=\"skm-2017\" unit=\"u29\" period=\"\(period)\">\n"
        for k in 1...29 {
            xml +=
                "<response id=\"r\(k)\" service=\"\(k <= 10 ? "KTP-el" : "KK")\" gender=\"\(k % 2 == 0 ? "L" : "P")\" age=\"\(20 + k)\">"
            for u in 1...7 { xml += "<answer indicator=\"U\(u)\" value=\"\(k <= 10 ? 4 : 3)\"/>" }
            xml += "<answer indicator=\"U9\" value=\"4\"/><answer indicator=\"U8\" value=\"2\"/>"
            if k == 5 { xml += "<comment>=HYPERLINK(\"x\") antrian lama</comment>" }
            xml += "</response>\n"
        }
        return xml + "</survey>\n"
    }

    func write(_ files: [String: String]) throws -> URL {
        let dir = try scratchDirectory()
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    func row(_ csv: String, _ prefix: String) -> [String]? {
        csv.split(separator: "\r\n").first { $0.hasPrefix(prefix) }.map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    func column(_ csv: String, _ name: String, _ prefix: String) -> String? {
        guard let header = csv.split(separator: "\r\n").first?.split(separator: ",").map(String.init),
            let i = header.firstIndex(of: name), let r = row(csv, prefix)
        else { return nil }
        return r[i]
    }

    @Test func twentyNineRespondentsWorkedOnPaper() throws {
        // NRR U1..U7 = (10·4 + 19·3)/29 = 97/29 = 3.3448 → 3.34; U8 = 2.00; U9 = 4.00 (by id).
        // IKM = 25·(7·97/29 + 2 + 4)/9 = 25·(853/29)/9 = 21325/261 = 81.705… → 81.70, grade B.
        // With 0.111: 25·0.111·853/29 = 81.623… → 81.62.
        // Population 100 needs 80 respondents (Krejcie–Morgan): 29 falls short.
        // Both rubrics read the one questionnaire (instrument skm-2017) the file names.
        let dir = try write(["r.xml": registry, "s.xml": survey29()])
        for (rubric, ikm) in [("skm-2017", "81.70"), ("skm-2017-bobot-0111", "81.62")] {
            let out = try scratchDirectory()
            let run = try patuh(["score", "--rubric", rubric, dir.path, "--out", out.path])
            #expect(run.status == 0, "\(run.stderr)")
            let units = try read(out.appendingPathComponent("units.csv"))
            #expect(column(units, "score", "2023-S1,u29") == ikm)
            #expect(column(units, "band", "2023-S1,u29") == "B")
            #expect(column(units, "respondents", "2023-S1,u29") == "29")
            #expect(column(units, "ind_U1", "2023-S1,u29") == "3.34")
            #expect(column(units, "ind_U8", "2023-S1,u29") == "2.00")
            #expect(column(units, "ind_U9", "2023-S1,u29") == "4.00")
            #expect(column(units, "sample_required", "2023-S1,u29") == "80")
            #expect(column(units, "sample_ok", "2023-S1,u29") == "no")
            #expect(run.stderr.contains("warning: unit 'u29' has 29 respondents in 2023-S1, fewer than the 80"))
        }
    }

    @Test func breakdownAndComments() throws {
        let dir = try write(["r.xml": registry, "s.xml": survey29()])
        let out = try scratchDirectory()
        _ = try patuh(["score", "--rubric", "skm-2017", dir.path, "--out", out.path])
        let breakdown = try read(out.appendingPathComponent("breakdown.csv"))
        // KTP-el: respondents 1–10, all 4 on U1..U7, U8 2, U9 4: IKM = 25·(28 + 2 + 4)/9 = 94.44, grade A.
        #expect(
            row(breakdown, "2023-S1,u29,service,KTP-el") == [
                "2023-S1", "u29", "service", "KTP-el", "10", "94.44", "A",
                "4.00", "4.00", "4.00", "4.00", "4.00", "4.00", "4.00", "2.00", "4.00"
            ])
        // KK: respondents 11–29 (19), all 3 on U1..U7: 25·(21 + 2 + 4)/9 = 75.00, grade C.
        #expect(row(breakdown, "2023-S1,u29,service,KK")?[4...6] == ["19", "75.00", "C"])
        // Ages 21–49: 17–25 holds ages 21..25 = respondents 1..5.
        #expect(row(breakdown, "2023-S1,u29,age,17-25")?[4] == "5")
        let comments = try read(out.appendingPathComponent("comments.csv"))
        #expect(comments.contains("2023-S1,u29,r5,KTP-el,\"'=HYPERLINK(\"\"x\"\") antrian lama\"\r\n"))
    }

    @Test func periodPoolsRespondentsNotScores() throws {
        // S1: the 29 above. S2: one respondent answering 1 everywhere.
        // Pooled NRR U1..U7 = (97 + 1)/30, U8 = (58 + 1)/30, U9 = (116 + 1)/30;
        // IKM = 25·(7·98 + 59 + 117)/(30·9) = 25·862/270 = 79.814… → 79.81.
        // (The mean of the two IKMs, (81.70 + 25.00)/2 = 53.35, would be wrong.)
        var one =
            "<survey xmlns=\"urn:patuh:1\" rubric=\"skm-2017\" unit=\"u29\" period=\"2023-S2\">\n<response id=\"z1\">"
        for u in 1...9 { one += "<answer indicator=\"U\(u)\" value=\"1\"/>" }
        one += "</response>\n</survey>\n"
        let dir = try write(["r.xml": registry, "s1.xml": survey29(), "s2.xml": one])
        let out = try scratchDirectory()
        _ = try patuh(["score", "--rubric", "skm-2017", "--period", "2023", dir.path, "--out", out.path])
        let units = try read(out.appendingPathComponent("units.csv"))
        #expect(column(units, "score", "2023,u29") == "79.81")
        #expect(column(units, "respondents", "2023,u29") == "30")
    }

    @Test func threeBadResponsesAmongAThousand() throws {
        // 1000 responses answering 3 everywhere, but #100 has U1 = 5 (out of range), #500 names
        // U10 (not in the rubric), #900 repeats id r1. The other 997 count: IKM = 25·3 = 75.00.
        var xml = "<survey xmlns=\"urn:patuh:1\" rubric=\"skm-2017\" unit=\"u29\" period=\"2023-S1\">\n"
        for k in 1...1000 {
            xml += "<response id=\"r\(k == 900 ? 1 : k)\">"
            for u in 1...9 { xml += "<answer indicator=\"U\(u)\" value=\"\(k == 100 && u == 1 ? 5 : 3)\"/>" }
            if k == 500 { xml += "<answer indicator=\"U10\" value=\"3\"/>" }
            xml += "</response>\n"
        }
        xml += "</survey>\n"
        let dir = try write(["r.xml": registry, "s.xml": xml])
        let out = try scratchDirectory()
        let run = try patuh(["score", "--rubric", "skm-2017", dir.path, "--out", out.path])
        #expect(run.status == 1)
        let units = try read(out.appendingPathComponent("units.csv"))
        #expect(column(units, "respondents", "2023-S1,u29") == "997")
        #expect(column(units, "score", "2023-S1,u29") == "75.00")
        // The survey starts on line 1, so response k is on line k + 1.
        let file = dir.appendingPathComponent("s.xml").path
        #expect(run.stderr.contains("\(file):101:"))
        #expect(run.stderr.contains("\(file):501:"))
        #expect(run.stderr.contains("\(file):901:"))
        #expect(run.stderr.contains("value 5 for 'U1'"))
        #expect(run.stderr.contains("indicator 'U10' is not in rubric 'skm-2017'"))
        #expect(run.stderr.contains("duplicate response id 'r1'"))
    }
}
