import Foundation
import Testing

/// Issue 18: incomplete answers are made visible, and `--strict` makes them errors.
@Suite struct CompletenessTests {
    let registry = """
        <registry xmlns="urn:patuh:1">
          <region code="99" level="provinsi" name="Provinsi Uji">
            <unit id="u1" type="opd" name="Dinas Uji"/>
          </region>
        </registry>
        """

    /// r1 answers 4 everywhere, r2 answers 2 everywhere but leaves U5 blank, r3 answers 3 everywhere.
    var survey: String {
        func response(_ id: String, _ v: Int, skip: Int? = nil) -> String {
            "<response id=\"\(id)\">"
                + (1...9).filter { $0 != skip }.map { "<answer indicator=\"U\($0)\" value=\"\(v)\"/>" }.joined()
                + "</response>"
        }
        return """
            <survey xmlns="urn:patuh:1" rubric="skm-2017" unit="u1" period="2023-S1">
            \(response("r1", 4))
            \(response("r2", 2, skip: 5))
            \(response("r3", 3))
            </survey>
            """
    }

    func write(_ files: [String: String]) throws -> URL {
        let dir = try scratchDirectory()
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    func field(_ csv: String, _ name: String, _ prefix: String) -> String? {
        let lines = csv.split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        guard let header = lines.first, let i = header.firstIndex(of: name),
            let row = lines.first(where: { $0.joined(separator: ",").hasPrefix(prefix) })
        else { return nil }
        return row[i]
    }

    @Test func aResponseWithoutOneUnsurCountsForTheOthers() throws {
        // U5: r1 4 and r3 3 answered: NRR 3.50 over 2 of 3 respondents. U1: (4 + 2 + 3)/3 = 3.00.
        let dir = try write(["r.xml": registry, "s.xml": survey])
        let out = try scratchDirectory()
        let run = try patuh(["score", "--rubric", "skm-2017", dir.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        // The warning stands at the survey's root, line 1 column 1.
        #expect(
            run.stderr.contains(
                "s.xml:1:1: warning: 1 of 3 responses leave an unsur blank (U5 in 1); each counts only for the unsur it answers"
            ),
            "\(run.stderr)")
        let indicators = try read(out.appendingPathComponent("indicators.csv"))
        #expect(field(indicators, "value", "2023-S1,u1,U5,") == "3.50")
        #expect(field(indicators, "answered", "2023-S1,u1,U5,") == "2")
        #expect(field(indicators, "asked", "2023-S1,u1,U5,") == "3")
        #expect(field(indicators, "value", "2023-S1,u1,U1,") == "3.00")
        #expect(field(indicators, "answered", "2023-S1,u1,U1,") == "3")
        // The unit's page says it too, on each indicator's row: U5 2 of 3, U1 3 of 3.
        let site = try scratchDirectory().appendingPathComponent("site")
        let report = try patuh(["report", "--rubric", "skm-2017", dir.path, "--out", site.path, "-q"])
        #expect(report.status == 0, "\(report.stderr)")
        let page = try read(site.appendingPathComponent("unit/u1.html"))
        let section = page.range(of: "<section class=\"indicators\">").map { page[$0.lowerBound...] } ?? ""
        func row(_ id: String) -> String {
            guard let start = section.range(of: "<strong>\(id)</strong>") else { return "" }
            return String(section[start.lowerBound...].prefix { $0 != "\n" })
        }
        #expect(row("U5").contains("<td class=\"num opt\">2/3</td>"), "\(row("U5"))")
        #expect(row("U1").contains("<td class=\"num opt\">3/3</td>"), "\(row("U1"))")
    }

    @Test func strictRejectsTheIncompleteResponseWithItsLine() throws {
        // r2 starts line 3, column 1. Left: r1 and r3, U1 NRR (4 + 3)/2 = 3.50, 2 respondents.
        let dir = try write(["r.xml": registry, "s.xml": survey])
        let out = try scratchDirectory()
        let run = try patuh(["score", "--rubric", "skm-2017", "--strict", dir.path, "--out", out.path])
        #expect(run.status == 1)
        #expect(
            run.stderr.contains("s.xml:3:1: error: response 'r2' leaves U5 blank (--strict); response excluded"),
            "\(run.stderr)")
        let units = try read(out.appendingPathComponent("units.csv"))
        #expect(field(units, "respondents", "2023-S1,u1,") == "2")
        #expect(field(units, "ind_U1", "2023-S1,u1,") == "3.50")
    }

    @Test func strictHelpSaysWhatItDoes() throws {
        let run = try patuh(["score", "--help"])
        let help = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")  // help wraps lines
        #expect(help.contains("survey response that leaves an unsur blank is excluded"))
        #expect(help.contains("assessment without an answer to an assessor indicator is rejected"))
    }

    @Test func aRequiredIndicatorExcludesTheResponseWithoutIt() throws {
        // Q1 is required, Q2 not: r2 (no Q1) is excluded and named at line 4, column 1; r3
        // (no Q2) counts. Q1 NRR = (4 + 2)/2 = 3.00 over r1 and r3.
        let rubric = """
            <rubric xmlns="urn:patuh:1" id="uji-wajib" model="linear" factor="25" weights="equal">
              <title lang="id">Uji</title>
              <indicator id="Q1" source="survey" min="1" max="4" required="true"><title lang="id">Q1</title></indicator>
              <indicator id="Q2" source="survey" min="1" max="4"><title lang="id">Q2</title></indicator>
              <bands><band id="A" min="0"><label lang="id">A</label><label lang="en">A</label></band></bands>
            </rubric>
            """
        let s = """
            <survey xmlns="urn:patuh:1" rubric="uji-wajib" unit="u1" period="2023">
            <response id="r1"><answer indicator="Q1" value="4"/><answer indicator="Q2" value="4"/></response>

            <response id="r2"><answer indicator="Q2" value="1"/></response>
            <response id="r3"><answer indicator="Q1" value="2"/></response>
            </survey>
            """
        let dir = try write(["r.xml": registry, "k.xml": rubric, "s.xml": s])
        let out = try scratchDirectory()
        let run = try patuh(["score", "--rubric", "uji-wajib", dir.path, "--out", out.path])
        #expect(run.status == 1)
        #expect(
            run.stderr.contains(
                "s.xml:4:1: error: response 'r2' has no answer for Q1, which the rubric requires; response excluded"),
            "\(run.stderr)")
        let units = try read(out.appendingPathComponent("units.csv"))
        #expect(field(units, "respondents", "2023,u1,") == "2")
        #expect(field(units, "ind_Q1", "2023,u1,") == "3.00")
    }

    @Test func validateReportsMissingAssessmentAnswersAsScoreDoes() throws {
        // PR-03 left out of an otherwise answered ombudsman-opini-2023 assessment (IN-01…IN-15, PR-01…PR-11, PG-01…PG-08) (line 1, col 1).
        var answers = ""
        for (prefix, n) in [("IN", 15), ("PR", 11), ("PG", 8)] {
            for k in 1...n where !(prefix == "PR" && k == 3) {
                answers += "<answer indicator=\"\(prefix)-\(k < 10 ? "0" : "")\(k)\" value=\"2\"/>"
            }
        }
        let a =
            "<assessment xmlns=\"urn:patuh:1\" id=\"a1\" rubric=\"ombudsman-opini-2023\" unit=\"u1\" period=\"2023\">\(answers)</assessment>\n"
        let dir = try write(["r.xml": registry, "a.xml": a])
        let validate = try patuh(["validate", dir.path])
        #expect(validate.status == 0)
        #expect(
            validate.stderr.contains(
                "a.xml:1:1: warning: assessment 'a1' has no answer for PR-03; counted as the minimum"),
            "\(validate.stderr)")
        let out = try scratchDirectory()
        let strict = try patuh(["score", "--rubric", "ombudsman-opini-2023", "--strict", dir.path, "--out", out.path])
        #expect(strict.status == 1)
        #expect(
            strict.stderr.contains(
                "a.xml:1:1: error: assessment 'a1' has no answer for PR-03 (--strict); assessment rejected"),
            "\(strict.stderr)")
    }
}
