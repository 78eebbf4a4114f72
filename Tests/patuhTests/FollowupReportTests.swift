import Foundation
import Testing

/// Follow-up plans end to end: validation, the next period's before → after, region counts.
@Suite struct FollowupReportTests {
    let registry = """
        <registry xmlns="urn:patuh:1">
          <region code="99" level="provinsi" name="Provinsi Uji">
            <unit id="u29" type="opd" name="Dinas Uji"/>
            <unit id="u2" type="opd" name="Dinas Dua"/>
          </region>
        </registry>
        """

    func survey(_ unit: String, _ period: String, _ answers: [[Int]]) -> String {
        var xml = "<survey xmlns=\"urn:patuh:1\" rubric=\"skm-2017\" unit=\"\(unit)\" period=\"\(period)\">\n"
        for (k, a) in answers.enumerated() {
            xml +=
                "<response id=\"\(unit)-\(k)\">"
                + a.enumerated().map { "<answer indicator=\"U\($0 + 1)\" value=\"\($1)\"/>" }.joined() + "</response>\n"
        }
        return xml + "</survey>\n"
    }

    let followup = """
        <followup xmlns="urn:patuh:1" rubric="skm-2017" period="2023-S1">
          <plan unit="u29">
            <item indicator="U8" status="selesai" date="2023-09-30">
              <problem>Pengaduan tidak ditanggapi</problem>
              <action>Kanal <![CDATA[<pengaduan>]]> daring</action>
              <timeframe start="2023-07-01" end="2023-09-30"/>
              <responsible>Sekretaris</responsible>
            </item>
            <item indicator="U1" status="proses">
              <problem>Persyaratan tidak diumumkan</problem>
              <action>Papan persyaratan</action>
              <timeframe end="2023-10-31"/>
            </item>
          </plan>
        </followup>
        """

    @Test func nextPeriodShowsBeforeAndAfter() throws {
        // u29 in S1: the 29 (U1..U7 97/29 = 3.34, U8 2.00, U9 4.00); in S2 ten respondents with
        // U8 = 3 and 4 elsewhere (U8 3.00, U1 4.00). u2: S1 only, all 3 (lowest U1, rubric order).
        let s1 = (1...29).map { k in [Int](repeating: k <= 10 ? 4 : 3, count: 7) + [2, 4] }
        let s2 = Array(repeating: [4, 4, 4, 4, 4, 4, 4, 3, 4], count: 10)
        let dir = try scratchDirectory()
        for (name, text) in [
            "r.xml": registry, "a.xml": survey("u29", "2023-S1", s1), "b.xml": survey("u29", "2023-S2", s2),
            "c.xml": survey("u2", "2023-S1", Array(repeating: Array(repeating: 3, count: 9), count: 3)),
            "f.xml": followup
        ] {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
        let out = try scratchDirectory()
        let run = try patuh(["report", "--rubric", "skm-2017", dir.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let unitHTML = try read(out.appendingPathComponent("unit/u29.html"))
        #expect(unitHTML.contains("Kanal &lt;pengaduan&gt; daring"))  // escaped by the template
        #expect(!unitHTML.contains("<pengaduan>"))
        let unit = text(unitHTML)
        #expect(unit.contains("Hasil tindak lanjut periode sebelumnya (2023-S1 → 2023-S2)"))
        #expect(unit.contains("U8 2,00 → 3,00, tindakan: Kanal <pengaduan> daring, selesai 2023-09-30"))
        // U1: proses, due 2023-10-31, before the data's end (2023-S2 ends 2023-12-31): overdue.
        #expect(unit.contains("U1 3,34 → 4,00, tindakan: Papan persyaratan, proses (terlambat)"))
        // followup.csv: U8 2.00 → 3.00 done; U1 3.34 → 4.00 in progress and overdue.
        let csv = try read(out.appendingPathComponent("followup.csv"))
        #expect(
            csv.contains(
                "2023-S1,u29,U8,selesai,2023-09-30,2023-07-01,2023-09-30,no,2.00,2023-S2,3.00,Pengaduan tidak ditanggapi,Kanal <pengaduan> daring,Sekretaris,\r\n"
            ))
        #expect(
            csv.contains(
                "2023-S1,u29,U1,proses,,,2023-10-31,yes,3.34,2023-S2,4.00,Persyaratan tidak diumumkan,Papan persyaratan,,\r\n"
            ))
        let region = text(try read(out.appendingPathComponent("region/99.html")))
        #expect(region.contains("Rencana dibuat: 1 (2 butir) · Selesai: 1 · Dalam proses: 1 · Terlambat: 1"))
        #expect(region.contains("Dinas Uji 2023-S1 U1 : batas 2023-10-31, proses"))
        // Lowest without a plan: 2023-S1 u2 (U1, 3.00; u29's U8 is planned); 2023-S2 u29 (U8 3.00).
        #expect(
            region.contains(
                "2023-S1 Dinas Dua : U1 Persyaratan (3,00) 2023-S2 Dinas Uji : U8 Penanganan Pengaduan, Saran dan Masukan (3,00)"
            ))
    }

    @Test func validateNamesUnknownUnitAndIndicator() throws {
        let dir = try scratchDirectory()
        let bad = followup.replacingOccurrences(of: "indicator=\"U1\"", with: "indicator=\"U12\"")
            .replacingOccurrences(of: "</followup>", with: "  <plan unit=\"ghost\"/>\n</followup>")
        try Data(registry.utf8).write(to: dir.appendingPathComponent("r.xml"))
        try Data(bad.utf8).write(to: dir.appendingPathComponent("f.xml"))
        let run = try patuh(["validate", dir.path])
        #expect(run.status == 1)
        let file = dir.appendingPathComponent("f.xml").path
        #expect(run.stderr.contains("\(file):9:1: error: indicator 'U12' is not in rubric 'skm-2017'"), "\(run.stderr)")
        #expect(run.stderr.contains("\(file):15:1: error: unit 'ghost' is not in the registry"), "\(run.stderr)")
    }

    @Test func riauSampleShowsEveryItemAndCountsOverdue() throws {
        // Samples/riau/followup/2023-S1.xml: each item appears on its unit's 2023-S2 page as
        // "U8 <NRR 2023-S1> → <NRR 2023-S2>, tindakan: <action>", with the NRRs of units.csv.
        // Overdue = not selesai with a time frame ending before 2023-12-31 (the end of 2023-S2,
        // the data's last period), counted here from the file itself, per region.
        let out = try scratchDirectory()
        let run = try patuh(["report", "--rubric", "skm-2017", "Samples/riau", "--out", out.path, "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        let units = try read(out.appendingPathComponent("units.csv")).split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let header = try #require(units.first)
        func nrr(_ unit: String, _ period: String, _ id: String) -> String? {
            guard let col = header.firstIndex(of: "ind_\(id)"),
                let row = units.first(where: { $0[0] == period && $0[1] == unit })
            else { return nil }
            return row[col].replacingOccurrences(of: ".", with: ",")
        }
        let xml = try read(repositoryRoot.appendingPathComponent("Samples/riau/followup/2023-S1.xml"))
        let plans = xml.components(separatedBy: "<plan unit=\"").dropFirst()
        #expect(plans.count == 8)
        var overdueByRegion: [String: Int] = [:]
        for plan in plans {
            let unit = String(plan.prefix { $0 != "\"" })
            let page = text(try read(out.appendingPathComponent("unit/\(unit).html")))
            for item in plan.components(separatedBy: "<item indicator=\"").dropFirst() {
                let id = String(item.prefix { $0 != "\"" })
                let action = try #require(
                    item.components(separatedBy: "<action>").dropFirst().first?.components(separatedBy: "</action>")
                        .first)
                let before = try #require(nrr(unit, "2023-S1", id))
                let after = try #require(nrr(unit, "2023-S2", id))
                #expect(page.contains("\(id) \(before) → \(after), tindakan: \(action)"), "\(unit) \(id)")
                let end =
                    item.components(separatedBy: "end=\"").dropFirst().first.map { String($0.prefix(10)) } ?? "9999"
                if !item.contains("status=\"selesai\"") && end < "2023-12-31" {
                    let region = unit.hasPrefix("14-") ? "14" : "14.\(unit.dropFirst(2).prefix(2))"
                    overdueByRegion[region, default: 0] += 1
                }
            }
        }
        #expect(overdueByRegion.values.reduce(0, +) > 0)
        for (region, n) in overdueByRegion {
            let page = text(try read(out.appendingPathComponent("region/\(region).html")))
            #expect(page.contains("Terlambat: \(n) "), "\(region)")
        }
    }

    func text(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
    }
}
