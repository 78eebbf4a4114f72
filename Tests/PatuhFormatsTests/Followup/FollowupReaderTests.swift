import Foundation
import PatuhCore
import PatuhFormats
import Testing

/// The `followup` format: read, schema-checked, and checked against the rubric and registry.
@Suite struct FollowupReaderTests {
    let plan = """
        <followup xmlns="urn:patuh:1" rubric="skm-2017" period="2023-S1">
          <plan unit="1471-disdukcapil" date="2023-07-10">
            <item indicator="U8" status="selesai" date="2023-09-30">
              <problem>Pengaduan &lt;lambat&gt;</problem>
              <action>Program: pelayanan; kegiatan: kanal pengaduan daring</action>
              <timeframe start="2023-07-01" end="2023-09-30"/>
              <responsible>Sekretaris Dinas</responsible>
              <evidence href="bukti/sk.pdf">SK tim</evidence>
            </item>
            <item indicator="U3" status="rencana">
              <problem/>
              <action/>
            </item>
          </plan>
        </followup>
        """

    @Test func readsEveryField() throws {
        let (inputs, _) = try load(["r.xml": registryXML, "f.xml": plan])
        #expect(inputs.diagnostics.isEmpty, "\(inputs.diagnostics)")
        let p = try #require(inputs.followups.first)
        #expect(inputs.followups.count == 1)
        #expect([p.rubricID, p.unitID, p.period, p.date] == ["skm-2017", "1471-disdukcapil", "2023-S1", "2023-07-10"])
        #expect(p.items.count == 2)
        let u8 = p.items[0]
        #expect(u8.indicatorID == "U8" && u8.status == .selesai && u8.statusDate == "2023-09-30")
        #expect(u8.problem == "Pengaduan <lambat>")
        #expect(u8.action == "Program: pelayanan; kegiatan: kanal pengaduan daring")
        #expect(u8.start == "2023-07-01" && u8.end == "2023-09-30")
        #expect(u8.responsible == "Sekretaris Dinas")
        #expect(u8.evidence == [FollowupEvidence(href: "bukti/sk.pdf", text: "SK tim")])
        // A draft item: empty fields, no time frame.
        #expect(p.items[1].action.isEmpty && p.items[1].end == nil && p.items[1].status == .rencana)
    }

    @Test func unknownUnitAndIndicatorAreErrorsAtTheirLines() throws {
        // Line 2: the plan of an unknown unit; line 10 (the second plan's item): an indicator
        // skm-2017 does not have. The plan with the good unit keeps its other item.
        let bad = """
            <followup xmlns="urn:patuh:1" rubric="skm-2017" period="2023-S1">
              <plan unit="no-such-unit">
                <item indicator="U1" status="rencana"><problem/><action/></item>
              </plan>
              <plan unit="14-dpmptsp">
                <item indicator="U2" status="proses">
                  <problem>p</problem>
                  <action>a</action>
                </item>
                <item indicator="U10" status="rencana"><problem/><action/></item>
              </plan>
            </followup>
            """
        let (inputs, dir) = try load(["r.xml": registryXML, "f.xml": bad])
        let file = dir.appendingPathComponent("f.xml").path
        let messages = inputs.diagnostics.map(\.description)
        #expect(
            messages.contains {
                $0.hasPrefix("\(file):2:") && $0.contains("error: unit 'no-such-unit' is not in the registry")
            }, "\(messages)")
        #expect(
            messages.contains {
                $0.hasPrefix("\(file):10:") && $0.contains("error: indicator 'U10' is not in rubric 'skm-2017'")
            }, "\(messages)")
        #expect(inputs.followups.map(\.unitID) == ["14-dpmptsp"])
        #expect(inputs.followups.first?.items.map(\.indicatorID) == ["U2"])
    }

    @Test func schemaRejectsAnUnknownStatus() throws {
        let (inputs, dir) = try load([
            "f.xml": plan.replacingOccurrences(of: "status=\"rencana\"", with: "status=\"batal\"")
        ])
        let file = dir.appendingPathComponent("f.xml").path
        // The second item starts on line 10.
        #expect(
            inputs.diagnostics.contains { $0.description.hasPrefix("\(file):10:") && $0.severity == .error },
            "\(inputs.diagnostics)")
        #expect(inputs.followups.isEmpty)
    }

    @Test func anAssessmentIndicatorIsAcceptedToo() throws {
        // The Ombudsman's corrective actions: items name an assessment indicator (PR-01).
        let opini = plan.replacingOccurrences(of: "skm-2017", with: "ombudsman-opini-2022")
            .replacingOccurrences(of: "\"U8\"", with: "\"PR-01\"").replacingOccurrences(
                of: "\"U3\"", with: "\"OUT-01\"")
        let (inputs, _) = try load(["r.xml": registryXML, "f.xml": opini])
        #expect(!inputs.diagnostics.hasErrors, "\(inputs.diagnostics)")
        #expect(inputs.followups.first?.items.map(\.indicatorID) == ["PR-01", "OUT-01"])
    }
}
