import Foundation
import Testing

/// Issue 18: units of a kementerian, lembaga or instansi vertikal are ranked apart and stay
/// out of the pemda's score (and its MPP's mean) unless the rubric counts them.
@Suite struct KLUnitTests {
    func rubric(klInPemda: Bool) -> String {
        """
        <rubric xmlns="urn:patuh:1" id="uji-kl" \(klInPemda ? "kl-in-pemda=\"true\" " : "")model="normalized" scale="100">
          <title lang="id">Uji</title>
          <indicator id="X1" min="0" max="4"><title lang="id">X1</title></indicator>
          <bands><band id="A" min="0"><label lang="id">A</label><label lang="en">A</label></band></bands>
        </rubric>
        """
    }

    let registry = """
        <registry xmlns="urn:patuh:1">
          <region code="99" level="provinsi" name="Provinsi Uji">
            <region code="99.71" level="kota" name="Kota Uji">
              <unit id="a" type="opd" name="Dinas A"/>
              <unit id="k1" type="other" name="Kantor Pertanahan" authority="vertikal"/>
              <unit id="mpp" type="mpp" name="MPP Kota Uji">
                <unit id="t1" type="mpp-tenant" name="Disdukcapil di MPP"/>
                <unit id="t2" type="mpp-tenant" name="Kantor Imigrasi di MPP" authority="kementerian"/>
              </unit>
            </region>
          </region>
        </registry>
        """

    func assessment(_ unit: String, _ value: Int) -> String {
        "<assessment id=\"a-\(unit)\" rubric=\"uji-kl\" unit=\"\(unit)\" period=\"2023\"><answer indicator=\"X1\" value=\"\(value)\"/></assessment>"
    }

    func score(klInPemda: Bool) throws -> URL {
        let dir = try scratchDirectory()
        let files = [
            "r.xml": registry, "k.xml": rubric(klInPemda: klInPemda),
            "a.xml": "<assessments xmlns=\"urn:patuh:1\">" + assessment("a", 4) + assessment("t1", 2)
                + assessment("t2", 0) + assessment("k1", 1) + "</assessments>"
        ]
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        let out = try scratchDirectory()
        let run = try patuh(["score", "--rubric", "uji-kl", dir.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        return out
    }

    func score(_ csv: String, _ prefix: String) -> String? {
        let lines = csv.split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        guard let i = lines.first?.firstIndex(of: "score"),
            let row = lines.first(where: { $0.joined(separator: ",").hasPrefix(prefix) })
        else { return nil }
        return row[i]
    }

    @Test func klUnitsStayOutOfThePemdasScore() throws {
        // X1 0..4: a 4 → 100, t1 2 → 50, t2 0 → 0, k1 1 → 25.
        // MPP = its pemda tenants only = t1 = 50.00 (not (50 + 0)/2 = 25).
        // Kota Uji = its own units directly: a 100 and the MPP 50 → 75.00 (k1 left out).
        let out = try score(klInPemda: false)
        let units = try read(out.appendingPathComponent("units.csv"))
        #expect(score(units, "2023,mpp,") == "50.00")
        let regions = try read(out.appendingPathComponent("regions.csv"))
        #expect(score(regions, "2023,99.71,") == "75.00")
        // Ranked apart: k1 25.00 first, t2 0.00 second.
        let kl = try read(out.appendingPathComponent("kl-units.csv")).split(separator: "\r\n").dropFirst().map(
            String.init)
        #expect(
            kl == [
                "2023,k1,Kantor Pertanahan,vertikal,other,99.71,,25.00,A,,1",
                "2023,t2,Kantor Imigrasi di MPP,kementerian,mpp-tenant,99.71,mpp,0.00,A,,2"
            ])
    }

    @Test func aRubricMayCountThem() throws {
        // kl-in-pemda="true": MPP = (50 + 0)/2 = 25.00; Kota Uji = (100 + 25 + 25)/3 = 50.00.
        let out = try score(klInPemda: true)
        #expect(score(try read(out.appendingPathComponent("units.csv")), "2023,mpp,") == "25.00")
        #expect(score(try read(out.appendingPathComponent("regions.csv")), "2023,99.71,") == "50.00")
    }
}
