import Foundation
import Testing

/// A round's files name the instrument they answer: a 2023 round is never scored with the
/// 2022 rubric by mistake.
@Suite struct InstrumentYearTests {
    func assessment(_ rubric: String, _ id: String, _ value: Int) -> String {
        """
        <assessment xmlns="urn:patuh:1" id="\(id)" rubric="\(rubric)" unit="9901-a" period="\(rubric.suffix(4))">
          <answer indicator="IN-01" value="\(value)"/>
        </assessment>

        """
    }

    @Test func filesForThe2023InstrumentAreSkippedBy2022AndScoredBy2023() throws {
        let dir = try scratchDirectory()
        try Data(
            """
            <registry xmlns="urn:patuh:1"><region code="99" level="provinsi" name="Provinsi Uji">
              <region code="99.01" level="kabupaten" name="Kabupaten Uji"><unit id="9901-a" type="opd" name="Dinas A"/></region>
            </region></registry>
            """.utf8
        ).write(to: dir.appendingPathComponent("registry.xml"))
        try Data(assessment("ombudsman-opini-2022", "a22", 3).utf8).write(to: dir.appendingPathComponent("a2022.xml"))
        try Data(assessment("ombudsman-opini-2023", "a23", 3).utf8).write(to: dir.appendingPathComponent("a2023.xml"))
        try Data(assessment("ombudsman-opini-2023", "b23", 0).utf8).write(to: dir.appendingPathComponent("b2023.xml"))

        let out22 = try scratchDirectory()
        let run22 = try patuh(["score", "--rubric", "ombudsman-opini-2022", dir.path, "--out", out22.path])
        #expect(run22.status == 0, "\(run22.stderr)")
        #expect(run22.stderr.contains("2 files for other rubrics skipped"), "\(run22.stderr)")
        let units22 = try read(out22.appendingPathComponent("units.csv"))
        #expect(units22.contains("2022,9901-a") && !units22.contains("2023,9901-a"))

        let out23 = try scratchDirectory()
        let run23 = try patuh(["score", "--rubric", "ombudsman-opini-2023", dir.path, "--out", out23.path])
        #expect(run23.status == 0, "\(run23.stderr)")
        #expect(run23.stderr.contains("1 file for other rubrics skipped"), "\(run23.stderr)")
        let units23 = try read(out23.appendingPathComponent("units.csv"))
        #expect(units23.contains("2023,9901-a") && !units23.contains("2022,9901-a"))
        // Two assessments. a23: IN-01 at 3 (f 1) and every other item missing, counted as its
        // min (f 0; the output items too, with no survey): input D = 1/15, total
        // 100·21.85·(1/15)/100 = 1.4567. b23: IN-01 at 0, total 0. Mean 0.728… → 0.73.
        #expect(units23.contains(",0.73,"), "\(units23)")
    }
}
