import Foundation
import Testing

/// Every message Patuh writes itself reads in Indonesian under `--lang id`: a diagnostic made
/// with English alone would print the same line in both languages, and this test finds it.
/// Only libxml2's own words without an Indonesian shape (schema messages, "Element '…'") may.
@Suite struct MessageLanguageTests {
    /// Hand-made broken files, one mistake each, beside the score fixture's registry and rubric.
    static let broken: [String: String] = [
        "unknown-root.xml": "<foo xmlns=\"urn:patuh:1\"/>\n",
        "no-namespace.xml": "<survey id=\"x\"/>\n",
        "survey-bad.xml": """
        <survey xmlns="urn:patuh:1" id="s1" rubric="skm-2017" unit="99-opd1" period="2023">
          <response id="r1"><answer indicator="U1" value="9"/></response>
          <response id="r1"><answer indicator="U1" value="3"/></response>
          <response id="r2"><answer indicator="U1" value="3"/><answer indicator="U1" value="2"/></response>
          <response id="r3"><answer indicator="ZZ" value="3"/></response>
        </survey>

        """,
        "survey-no-rubric.xml": """
        <survey xmlns="urn:patuh:1" id="s2" rubric="tidak-ada" unit="99-opd1" period="2023">
          <response id="r1"><answer indicator="U1" value="3"/></response>
        </survey>

        """,
        "assessment-no-rubric.xml": """
        <assessment xmlns="urn:patuh:1" id="a9" rubric="tidak-ada" unit="99-opd1" period="2023">
          <answer indicator="A1" value="1"/>
        </assessment>

        """,
        "truncated.xml":
            "<assessment xmlns=\"urn:patuh:1\" id=\"a8\" rubric=\"uji\" unit=\"99-opd1\" period=\"2023\">\n  <answer indicator=\"A1\" value=\"1\">\n"
    ]

    func lines(_ folders: [String], _ lang: String) throws -> [String] {
        let run = try patuh(["validate", "--lang", lang] + folders)
        #expect(run.status == 1, "\(run.stderr)")
        return run.stderr.split(separator: "\n").map(String.init).filter {
            $0.contains(": error: ") || $0.contains(": warning: ")
        }
    }

    @Test func noDiagnosticPrintsTheSameInBothLanguages() throws {
        let dir = try scratchDirectory().appendingPathComponent("bad-inputs")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for name in ["registry.xml", "uji.xml"] {
            try FileManager.default.copyItem(
                at: fixtures.appendingPathComponent("score/" + name),
                to: dir.appendingPathComponent(name))
        }
        for (name, text) in Self.broken {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let folders = [dir.path, fixtures.appendingPathComponent("fuzz-regressions").path]
        let id = try lines(folders, "id")
        let en = try lines(folders, "en")
        // Diagnostics are printed in the same order in both languages (sorted by place, then
        // by the English text), so line i of one is line i of the other.
        #expect(id.count == en.count)
        #expect(id.count >= 12 + Self.broken.count, "every broken file says something")
        for (i, e) in zip(id, en) where i == e {
            let message = e.components(separatedBy: ": error: ").last ?? e
            #expect(message.hasPrefix("Element '"), "only in English: \(e)")
        }
        // Patuh's own words, in Indonesian (the house style of Messages.swift).
        #expect(id.contains { $0.hasSuffix("error: id respons 'r1' ganda; respons tidak dihitung") })
        #expect(id.contains { $0.hasSuffix("error: indikator 'U1' dijawab dua kali; respons 'r2' tidak dihitung") })
        #expect(en.contains { $0.hasSuffix("error: duplicate response id 'r1'; response excluded") })
    }

    /// The closing summary in Indonesian writes thousands with '.', as Indonesian does; the
    /// English one stays as it was. skm-2017 on the sample: every file under
    /// Samples/riau/surveys/2023-S1 and 2023-S2: 18,723 responses, as Samples/README.md states.
    @Test func theIndonesianSummaryMarksThousands() throws {
        let out = try scratchDirectory().appendingPathComponent("summary-id").path
        let id = try patuh(["score", "--rubric", "skm-2017", "Samples/riau", "--out", out, "--lang", "id", "-q"])
        let en = try patuh(["score", "--rubric", "skm-2017", "Samples/riau", "--out", out + "-en", "--lang", "en", "-q"]
        )
        #expect(id.stderr.contains(" dan 18.723 respons survei;"), "\(id.stderr)")
        #expect(en.stderr.contains(" and 18723 survey responses;"), "\(en.stderr)")
    }
}
