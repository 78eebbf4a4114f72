import Foundation
import PatuhCore
import PatuhFormats
import Testing

/// Each case is one file with one mistake: the test checks the message and the exact line.
@Suite struct InvalidFilesTests {
    /// Loads `files` and expects an error in `file` at `line` whose message contains `text`.
    func expectError(
        _ files: [String: String], in file: String, line: Int, _ text: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let (inputs, dir) = try load(files)
        let path = dir.appendingPathComponent(file).path
        let errors = inputs.diagnostics.filter { $0.severity == .error && $0.location.file == path }
        #expect(
            errors.contains { $0.location.line == line && $0.message.contains(text) },
            "expected \(file):\(line) '\(text)', got \(errors.map(\.description))", sourceLocation: sourceLocation)
    }

    func assessment(_ answers: String, unit: String = "1471-disdukcapil", rubric: String = "uji") -> String {
        """
        <assessment xmlns="urn:patuh:1" id="a1" rubric="\(rubric)" unit="\(unit)" period="2023">
        \(answers)
        </assessment>
        """
    }

    let rubric = rubricXML(
        """
          <dimension id="d" weight="1">
            <title lang="id">D</title>
            <indicator id="X1" min="0" max="3"><title lang="id">X1</title></indicator>
            <indicator id="X2" min="0" max="3" na="false"><title lang="id">X2</title></indicator>
          </dimension>
        \(goodBands)
        """)

    @Test func malformedXML() throws {
        try expectError(
            ["m.xml": "<registry xmlns=\"urn:patuh:1\">\n  <region code=\"14\">\n</registry>\n"],
            in: "m.xml", line: 3, "mismatch")
    }

    @Test func truncatedFile() throws {
        try expectError(
            [
                "t.xml":
                    "<survey xmlns=\"urn:patuh:1\" rubric=\"skm-2017\" unit=\"x\" period=\"2023\">\n<response id=\"r1\">\n"
            ],
            in: "t.xml", line: 2, "truncated")
    }

    @Test func missingRequiredAttribute() throws {
        let xml =
            "<registry xmlns=\"urn:patuh:1\">\n  <region code=\"14\" level=\"provinsi\" name=\"Riau\">\n    <unit id=\"u1\" type=\"opd\"/>\n  </region>\n</registry>\n"
        try expectError(["r.xml": xml], in: "r.xml", line: 3, "The attribute 'name' is required")
    }

    @Test func valueNotInEnumeration() throws {
        let xml =
            "<registry xmlns=\"urn:patuh:1\">\n  <region code=\"14\" level=\"negara\" name=\"Riau\"/>\n</registry>\n"
        try expectError(["r.xml": xml], in: "r.xml", line: 2, "'negara' is not an element of the set")
    }

    @Test func numberThatIsNotADecimal() throws {
        try expectError(
            [
                "r.xml": registryXML, "u.xml": rubric,
                "a.xml": assessment("<answer indicator=\"X1\" value=\"3.0.1\"/>")
            ],
            in: "a.xml", line: 2, "'3.0.1' is not a valid value")
    }

    @Test func unknownIndicator() throws {
        try expectError(
            [
                "r.xml": registryXML, "u.xml": rubric,
                "a.xml": assessment("<answer indicator=\"X1\" value=\"1\"/>\n<answer indicator=\"Z9\" value=\"1\"/>")
            ],
            in: "a.xml", line: 3, "indicator 'Z9' is not in rubric 'uji'")
    }

    @Test func loadingOnlyToCheckReportsTheSameAndKeepsNothing() throws {
        // What `patuh validate` does: a.xml has an unknown indicator on line 3, b.xml is good.
        let dir = try scratchDirectory()
        let files = [
            "r.xml": registryXML, "u.xml": rubric,
            "a.xml": assessment("<answer indicator=\"X1\" value=\"1\"/>\n<answer indicator=\"Z9\" value=\"1\"/>"),
            "b.xml": assessment("<answer indicator=\"X1\" value=\"2\"/>").replacingOccurrences(
                of: "id=\"a1\"", with: "id=\"a2\"")
        ]
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        var checking = try makeLoader()
        checking.use = .problems
        let checked = checking.load([dir.path])
        let kept = try makeLoader().load([dir.path])
        #expect(checked.diagnostics.map(\.description) == kept.diagnostics.map(\.description))
        #expect(
            checked.diagnostics.contains {
                $0.location.line == 3 && $0.message.contains("indicator 'Z9' is not in rubric 'uji'")
            })
        #expect(checked.rejectedFiles == [dir.appendingPathComponent("a.xml").path])
        #expect(checked.assessmentFiles.allSatisfy { $0.assessments.isEmpty })
        #expect(kept.assessmentFiles.map(\.assessments.count).sorted() == [0, 1])
    }

    @Test func indicatorAnsweredTwice() throws {
        try expectError(
            [
                "r.xml": registryXML, "u.xml": rubric,
                "a.xml": assessment(
                    "<answer indicator=\"X1\" value=\"1\"/>\n<answer indicator=\"X1\" value=\"2\"/>\n<answer indicator=\"X1\" value=\"3\"/>"
                )
            ],
            in: "a.xml", line: 3, "indicator 'X1' answered twice (first at line 2)")
        // A third answer points at the first too, not at the second.
        try expectError(
            [
                "r.xml": registryXML, "u.xml": rubric,
                "a.xml": assessment(
                    "<answer indicator=\"X1\" value=\"1\"/>\n<answer indicator=\"X1\" value=\"2\"/>\n<answer indicator=\"X1\" value=\"3\"/>"
                )
            ],
            in: "a.xml", line: 4, "indicator 'X1' answered twice (first at line 2)")
    }

    @Test func anAssessorsAnswerToASurveyIndicatorIsIgnoredWithAWarning() throws {
        let mixed = rubricXML(
            """
              <dimension id="d" weight="1">
                <title lang="id">D</title>
                <indicator id="X1" min="0" max="3"><title lang="id">X1</title></indicator>
                <indicator id="S1" min="1" max="4" source="survey"><title lang="id">S1</title></indicator>
              </dimension>
            \(goodBands)
            """)
        let (inputs, dir) = try load([
            "r.xml": registryXML, "u.xml": mixed,
            "a.xml": assessment("<answer indicator=\"X1\" value=\"1\"/>\n<answer indicator=\"S1\" value=\"4\"/>")
        ])
        let path = dir.appendingPathComponent("a.xml").path
        #expect(
            inputs.diagnostics.filter { $0.location.file == path }.map(\.description)
                == [
                    "\(path):3:1: warning: indicator 'S1' takes its value from survey responses; the assessor's answer is ignored"
                ])
        #expect(inputs.assessmentFiles.first?.assessments.count == 1)
    }

    @Test func valueOutOfRange() throws {
        try expectError(
            ["r.xml": registryXML, "u.xml": rubric, "a.xml": assessment("<answer indicator=\"X1\" value=\"4\"/>")],
            in: "a.xml", line: 2, "value 4 for 'X1' is outside its range 0..3")
    }

    @Test func notApplicableWhereNotAllowed() throws {
        try expectError(
            ["r.xml": registryXML, "u.xml": rubric, "a.xml": assessment("<answer indicator=\"X2\" value=\"na\"/>")],
            in: "a.xml", line: 2, "does not allow 'na'")
    }

    @Test func unitNotInRegistry() throws {
        try expectError(
            ["r.xml": registryXML, "u.xml": rubric, "a.xml": assessment("", unit: "9999-nowhere")],
            in: "a.xml", line: 1, "unit '9999-nowhere' is not in the registry")
    }

    @Test func rubricNobodyDefines() throws {
        try expectError(
            ["r.xml": registryXML, "a.xml": assessment("", rubric: "no-such-rubric")],
            in: "a.xml", line: 1, "rubric 'no-such-rubric' is not defined")
    }

    @Test func duplicateIndicatorID() throws {
        let xml = rubricXML(
            """
              <indicator id="X1" min="0" max="3"><title lang="id">a</title></indicator>
              <indicator id="X1" min="0" max="3"><title lang="id">b</title></indicator>
            \(goodBands)
            """)
        try expectError(["u.xml": xml], in: "u.xml", line: 4, "duplicate indicator id 'X1'")
    }

    @Test func duplicateDimensionID() throws {
        let xml = rubricXML(
            """
              <dimension id="d"><title lang="id">a</title><indicator id="X1" min="0" max="3"><title lang="id">a</title></indicator></dimension>
              <dimension id="d"><title lang="id">b</title><indicator id="X2" min="0" max="3"><title lang="id">b</title></indicator></dimension>
            \(goodBands)
            """)
        try expectError(["u.xml": xml], in: "u.xml", line: 4, "duplicate dimension id 'd'")
    }

    @Test func duplicateBandID() throws {
        let xml = rubricXML(
            """
              <indicator id="X1" min="0" max="3"><title lang="id">a</title></indicator>
              <bands>
                <band id="b" min="50"><label lang="id">a</label><label lang="en">a</label></band>
                <band id="b" min="0"><label lang="id">b</label><label lang="en">b</label></band>
              </bands>
            """)
        try expectError(["u.xml": xml], in: "u.xml", line: 6, "duplicate band id 'b'")
    }

    @Test func bandsWithTheSameMin() throws {
        let xml = rubricXML(
            """
              <indicator id="X1" min="0" max="3"><title lang="id">a</title></indicator>
              <bands>
                <band id="a" min="0"><label lang="id">a</label><label lang="en">a</label></band>
                <band id="b" min="0"><label lang="id">b</label><label lang="en">b</label></band>
              </bands>
            """)
        try expectError(["u.xml": xml], in: "u.xml", line: 6, "have the same min 0.00")
    }

    @Test func noBandAtTheBottom() throws {
        let xml = rubricXML(
            """
              <indicator id="X1" min="0" max="3"><title lang="id">a</title></indicator>
              <bands>
                <band id="a" min="50"><label lang="id">a</label><label lang="en">a</label></band>
              </bands>
            """)
        try expectError(["u.xml": xml], in: "u.xml", line: 5, "no band starts at the bottom of the scale")
    }

    @Test func nonPositiveWeight() throws {
        let xml = rubricXML(
            """
              <indicator id="X1" weight="0" min="0" max="3"><title lang="id">a</title></indicator>
            \(goodBands)
            """)
        try expectError(["u.xml": xml], in: "u.xml", line: 3, "weights must be positive")
    }

    @Test func duplicateUnitID() throws {
        let xml =
            "<registry xmlns=\"urn:patuh:1\">\n  <region code=\"14\" level=\"provinsi\" name=\"Riau\">\n    <unit id=\"u1\" type=\"opd\" name=\"A\"/>\n    <unit id=\"u1\" type=\"opd\" name=\"B\"/>\n  </region>\n</registry>\n"
        try expectError(["r.xml": xml], in: "r.xml", line: 4, "duplicate unit id 'u1'")
    }

    @Test func duplicateRegionCode() throws {
        let xml =
            "<registry xmlns=\"urn:patuh:1\">\n  <region code=\"14\" level=\"provinsi\" name=\"Riau\"/>\n  <region code=\"14\" level=\"provinsi\" name=\"Riau lagi\"/>\n</registry>\n"
        try expectError(["r.xml": xml], in: "r.xml", line: 3, "duplicate region code '14'")
    }

    @Test func duplicateResponseID() throws {
        let survey = """
            <survey xmlns="urn:patuh:1" rubric="skm-2017" unit="1471-disdukcapil" period="2023-S1">
              <response id="r1"><answer indicator="U1" value="4"/></response>
              <response id="r1"><answer indicator="U1" value="3"/></response>
            </survey>
            """
        try expectError(["r.xml": registryXML, "s.xml": survey], in: "s.xml", line: 3, "duplicate response id 'r1'")
    }

    @Test func surveyForAnUnknownUnitIsRejectedWhole() throws {
        let survey = """
            <survey xmlns="urn:patuh:1" rubric="skm-2017" unit="nowhere" period="2023-S1">
              <response id="r1"><answer indicator="U1" value="4"/></response>
            </survey>
            """
        try expectError(
            ["r.xml": registryXML, "s.xml": survey], in: "s.xml", line: 1,
            "unit 'nowhere' is not in the registry; survey file rejected")
    }

    @Test func doctypeWithAnExternalEntityIsRefusedUnread() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE registry [<!ENTITY x SYSTEM "file:///etc/hostname">]>
            <registry xmlns="urn:patuh:1"><region code="14" level="provinsi" name="&x;"/></registry>
            """
        try expectError(["x.xml": xml], in: "x.xml", line: 2, "DOCTYPE declarations are not allowed")
        let (inputs, _) = try load(["x.xml": xml])
        let hostname =
            (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        #expect(!hostname.isEmpty)
        #expect(!inputs.diagnostics.contains { $0.message.contains(hostname) })
        #expect(inputs.registries.isEmpty)
    }

    @Test func unknownRootElement() throws {
        try expectError(
            ["z.xml": "<laporan xmlns=\"urn:patuh:1\"/>\n"], in: "z.xml", line: 1, "unknown root element 'laporan'")
    }

    @Test func wrongNamespace() throws {
        try expectError(
            ["z.xml": "<registry xmlns=\"urn:other\"/>\n"], in: "z.xml", line: 1, "not in Patuh's namespace")
    }

    @Test func badResponsesAreExcludedAndTheRestCounted() throws {
        let survey = """
            <survey xmlns="urn:patuh:1" rubric="skm-2017" unit="1471-disdukcapil" period="2023-S1">
              <response id="r1"><answer indicator="U1" value="4"/></response>
              <response id="r2"><answer indicator="U1" value="5"/></response>
              <response id="r3"><answer indicator="U1" value="2"/></response>
            </survey>
            """
        let (inputs, _) = try load(["r.xml": registryXML, "s.xml": survey])
        let file = try #require(inputs.surveyFiles.first)
        #expect(file.accepted == 2)
        #expect(file.excluded == 1)
        // NRR for U1 from r1 and r3: (4 + 2)/2 = 3.
        #expect(file.summary.tally.means[0] == 3)
        #expect(file.diagnostics.contains { $0.location.line == 3 && $0.message.contains("value 5 for 'U1'") })
    }
}
