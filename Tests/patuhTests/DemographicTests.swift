import Foundation
import Testing

/// Issue 18: demographic values are trimmed and matched without case.
@Suite struct DemographicTests {
    @Test func spellingsOfOneGroupAreOneGroup() throws {
        // Four respondents with SMA, sma, "SMA " and SLTA (the older name of SMA), one with S1;
        // gender (L or P by the schema, which collapses its blanks) " P" among them.
        // Expected: education SMA 4, S1 1; gender P 3, L 2; the group shown in the first
        // spelling read ("SMA").
        let registry = """
            <registry xmlns="urn:patuh:1"><region code="99" level="provinsi" name="Provinsi Uji">
            <unit id="u1" type="opd" name="Dinas Uji"/></region></registry>
            """
        let rows = [("SMA", "P"), ("sma", " P"), ("SMA ", "P"), ("SLTA", "L"), ("S1", "L")]
        var survey = "<survey xmlns=\"urn:patuh:1\" rubric=\"skm-2017\" unit=\"u1\" period=\"2023-S1\">\n"
        for (k, (education, gender)) in rows.enumerated() {
            survey += "<response id=\"r\(k)\" education=\"\(education)\" gender=\"\(gender)\">"
            survey += (1...9).map { "<answer indicator=\"U\($0)\" value=\"3\"/>" }.joined() + "</response>\n"
        }
        survey += "</survey>\n"
        let dir = try scratchDirectory()
        try Data(registry.utf8).write(to: dir.appendingPathComponent("r.xml"))
        try Data(survey.utf8).write(to: dir.appendingPathComponent("s.xml"))
        let out = try scratchDirectory()
        // --min-group 1: the counts of every group, however small (published reports hide them).
        let run = try patuh(["score", "--rubric", "skm-2017", dir.path, "--out", out.path, "--min-group", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        let breakdown = try read(out.appendingPathComponent("breakdown.csv"))
        let education = breakdown.split(separator: "\r\n").filter { $0.hasPrefix("2023-S1,u1,education,") }.map {
            $0.split(separator: ",").prefix(5).joined(separator: ",")
        }
        #expect(education == ["2023-S1,u1,education,S1,1", "2023-S1,u1,education,SMA,4"])
        let gender = breakdown.split(separator: "\r\n").filter { $0.hasPrefix("2023-S1,u1,gender,") }.map {
            $0.split(separator: ",").prefix(5).joined(separator: ",")
        }
        #expect(gender == ["2023-S1,u1,gender,L,2", "2023-S1,u1,gender,P,3"])
    }

    @Test func theRegistryListsAcceptedValuesAndSynonyms() throws {
        // The registry lists education SMA (synonyms SMK, "Sekolah Menengah Atas") and S1
        // (synonym Sarjana). Answers: smk, Sarjana, "sekolah menengah  atas", SMP: SMA 2 (smk and
        // the long name, its blanks collapsed), S1 1, and SMP
        // counted as written with a warning at the survey's root (line 1, column 1).
        let registry = """
            <registry xmlns="urn:patuh:1">
            <answer-values group="education">
              <value name="SMA" synonyms="SMK, Sekolah Menengah Atas"/>
              <value name="S1" synonyms="Sarjana"/>
            </answer-values>
            <region code="99" level="provinsi" name="Provinsi Uji"><unit id="u1" type="opd" name="Dinas Uji"/></region></registry>
            """
        var survey = "<survey xmlns=\"urn:patuh:1\" rubric=\"skm-2017\" unit=\"u1\" period=\"2023-S1\">\n"
        for (k, education) in ["smk", "Sarjana", "sekolah menengah  atas", "SMP"].enumerated() {
            survey += "<response id=\"r\(k)\" education=\"\(education)\">"
            survey += (1...9).map { "<answer indicator=\"U\($0)\" value=\"3\"/>" }.joined() + "</response>\n"
        }
        survey += "</survey>\n"
        let dir = try scratchDirectory()
        try Data(registry.utf8).write(to: dir.appendingPathComponent("r.xml"))
        try Data(survey.utf8).write(to: dir.appendingPathComponent("s.xml"))
        let out = try scratchDirectory()
        // --min-group 1: the counts of every group, however small (published reports hide them).
        let run = try patuh(["score", "--rubric", "skm-2017", dir.path, "--out", out.path, "--min-group", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stderr.contains(
                "s.xml:1:1: warning: 1 answers give values the registry's answer-values do not list: education 'SMP'"),
            "\(run.stderr)")
        let breakdown = try read(out.appendingPathComponent("breakdown.csv"))
        let education = breakdown.split(separator: "\r\n").filter { $0.hasPrefix("2023-S1,u1,education,") }.map {
            $0.split(separator: ",").prefix(5).joined(separator: ",")
        }
        #expect(education == ["2023-S1,u1,education,S1,1", "2023-S1,u1,education,SMA,2", "2023-S1,u1,education,SMP,1"])
    }
}
