import Foundation
import Testing

@Suite struct ValidateCommandTests {
    @Test func oneGoodFileAndThreeBadOnes() throws {
        let dir = try scratchDirectory()
        let good = dir.appendingPathComponent("good.xml")
        try Data(
            """
            <registry xmlns="urn:patuh:1">
              <region code="14" level="provinsi" name="Provinsi Riau">
                <unit id="14-dpmptsp" type="opd" name="DPMPTSP"/>
              </region>
            </registry>

            """.utf8
        ).write(to: good)
        try Data(
            "<registry xmlns=\"urn:patuh:1\">\n<region code=\"14\" level=\"provinsi\" name=\"R\">\n</registry>\n".utf8
        )
        .write(to: dir.appendingPathComponent("malformed.xml"))
        try Data(
            "<registry xmlns=\"urn:patuh:1\">\n<region code=\"14\" level=\"provinsi\" name=\"R\">\n<unit id=\"u\" type=\"dinas\" name=\"U\"/>\n</region>\n</registry>\n"
                .utf8
        )
        .write(to: dir.appendingPathComponent("schema.xml"))
        try Data(
            "<assessment xmlns=\"urn:patuh:1\" id=\"a\" rubric=\"ombudsman-opini-2022\" unit=\"14-dpmptsp\" period=\"2023\">\n  <answer indicator=\"IN-01\" value=\"3\"/>\n  <answer indicator=\"ZZ-99\" value=\"1\"/>\n</assessment>\n"
                .utf8
        )
        .write(to: dir.appendingPathComponent("unknown.xml"))
        let run = try patuh(["validate", dir.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("malformed.xml:3:"))
        #expect(
            run.stderr.contains(
                "schema.xml:3:1: error: Element 'unit', attribute 'type': [facet 'enumeration'] The value 'dinas'"))
        #expect(
            run.stderr.contains("unknown.xml:3:3: error: indicator 'ZZ-99' is not in rubric 'ombudsman-opini-2022'"))
        #expect(run.stdout.contains("\(good.path): valid"))
        #expect(run.stderr.contains("4 files: 1 valid, 3 with errors"))
    }

    @Test func rubricsAreValid() throws {
        let run = try patuh(["validate", "Rubrics"])
        #expect(run.status == 0, "\(run.stderr)")
    }
}

/// `patuh validate --reconstructed` lists a rubric's reconstructed parts, one line each.
@Suite struct ValidateReconstructedTests {
    @Test func listsReconstructedPartsOfTheRubricsGiven() throws {
        let run = try patuh(["validate", "--reconstructed", "Rubrics/panrb-pekppp-2022.xml", "Rubrics/skm-2017.xml"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        // PEKPPP: the evaluator-only choice (formula) and the level texts of indicators 2-31.
        #expect(
            lines.contains {
                $0.hasPrefix("Rubrics/panrb-pekppp-2022.xml:")
                    && $0.contains(": reconstructed: rubric panrb-pekppp-2022 (formula): ")
            })
        #expect(lines.contains { $0.contains(": reconstructed: indicator KB-02 (levels): ") })
        #expect(!lines.contains { $0.contains("indicator KB-01 (levels)") })  // F-02's own texts
        #expect(lines.filter { $0.contains(": reconstructed: ") }.count == 31)
        #expect(
            lines.contains(
                "Rubrics/panrb-pekppp-2022.xml: panrb-pekppp-2022: 31 bagian direkonstruksi / reconstructed parts"))
        #expect(lines.contains("Rubrics/skm-2017.xml: skm-2017: 0 bagian direkonstruksi / reconstructed parts"))
    }
}

@Suite struct RegionReferenceCommandTests {
    /// 14.08 is Kabupaten Siak in wilayah.csv; Bengkalis is 14.03. The region element is on
    /// line 3; elements of a registry are located by line, column 1 (as the schema errors are).
    @Test func bengkalisUnderSiaksCodeIsAWarning() throws {
        let dir = try scratchDirectory()
        try Data(
            """
            <registry xmlns="urn:patuh:1">
              <region code="14" level="provinsi" name="Provinsi Riau">
                <region code="14.08" level="kabupaten" name="Kabupaten Bengkalis">
                  <unit id="1408-dpmptsp" type="opd" name="DPMPTSP"/>
                </region>
              </region>
            </registry>

            """.utf8
        ).write(to: dir.appendingPathComponent("registry.xml"))
        let run = try patuh(["validate", dir.path])
        #expect(run.status == 0, "a warning does not reject the file")
        #expect(
            run.stderr.contains(
                "registry.xml:3:1: warning: region 14.08 is Kabupaten Siak in Kemendagri's list, not 'Kabupaten Bengkalis'"
            ), "\(run.stderr)")
        #expect(run.stderr.contains("1 warning"))
    }
}
