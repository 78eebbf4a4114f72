import Foundation
import Testing

/// `patuh followup-template`: a draft plan per unit with its three lowest indicators.
@Suite struct FollowupTemplateTests {
    let registry = """
        <registry xmlns="urn:patuh:1">
          <region code="99" level="provinsi" name="Provinsi Uji">
            <unit id="u29" type="opd" name="Dinas Uji"/>
          </region>
        </registry>
        """

    /// The 29 of SurveyScoringTests: U1..U7 97/29 = 3.34, U8 2.00, U9 4.00.
    var survey: String {
        var xml = "<survey xmlns=\"urn:patuh:1\" rubric=\"skm-2017\" unit=\"u29\" period=\"2023-S1\">\n"
        for k in 1...29 {
            xml +=
                "<response id=\"r\(k)\">"
                + (1...7).map { "<answer indicator=\"U\($0)\" value=\"\(k <= 10 ? 4 : 3)\"/>" }.joined()
                + "<answer indicator=\"U8\" value=\"2\"/><answer indicator=\"U9\" value=\"4\"/></response>\n"
        }
        return xml + "</survey>\n"
    }

    @Test func draftHoldsTheThreeLowestWithEmptyActions() throws {
        let dir = try scratchDirectory()
        try Data(registry.utf8).write(to: dir.appendingPathComponent("r.xml"))
        try Data(survey.utf8).write(to: dir.appendingPathComponent("s.xml"))
        let out = try scratchDirectory()
        let run = try patuh([
            "followup-template", "--rubric", "skm-2017", "--period", "2023-S1", dir.path, "--out", out.path
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let draft = try read(out.appendingPathComponent("u29.xml"))
        // Lowest U8 (2.00), then U1 and U2 (3.34, rubric order); nothing planned yet.
        #expect(draft.contains("<followup xmlns=\"urn:patuh:1\" rubric=\"skm-2017\" period=\"2023-S1\">"))
        #expect(draft.components(separatedBy: "<item ").count - 1 == 3)
        #expect(
            draft.contains(
                "<item indicator=\"U8\" status=\"rencana\">\n      <problem>U8 Penanganan Pengaduan, Saran dan Masukan: 2,00, terendah ke-1 pada 2023-S1</problem>\n      <action/>\n      <responsible/>"
            ))
        #expect(draft.contains("<problem>U1 Persyaratan: 3,34, terendah ke-2 pada 2023-S1</problem>"))
        #expect(
            draft.contains("<problem>U2 Sistem, Mekanisme, dan Prosedur: 3,34, terendah ke-3 pada 2023-S1</problem>"))
        // The draft is a valid follow-up file, and the report reads it back as the unit's plan.
        try FileManager.default.copyItem(
            at: out.appendingPathComponent("u29.xml"), to: dir.appendingPathComponent("f.xml"))
        let check = try patuh(["validate", dir.path])
        #expect(check.status == 0, "\(check.stderr)")
        let site = try scratchDirectory()
        let report = try patuh(["report", "--rubric", "skm-2017", dir.path, "--out", site.path])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(try read(site.appendingPathComponent("unit/u29.html")).contains("Rencana tindak lanjut · 2023-S1"))
    }

    @Test func periodIsRequired() throws {
        let out = try scratchDirectory()
        let run = try patuh(["followup-template", "--rubric", "skm-2017", "Samples/riau", "--out", out.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--period is required"))
    }
}
