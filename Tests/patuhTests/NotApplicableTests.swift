import Foundation
import Testing

/// Issue 18: "na" is accepted only where the rubric allows it (`na="true"`; default not).
@Suite struct NotApplicableTests {
    let registry = """
        <registry xmlns="urn:patuh:1">
          <region code="99" level="provinsi" name="Provinsi Uji">
            <unit id="u1" type="opd" name="Dinas Uji"/>
          </region>
        </registry>
        """

    func write(_ files: [String: String]) throws -> URL {
        let dir = try scratchDirectory()
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    @Test func naOnAnItemThatDoesNotAllowItIsAnError() throws {
        // Line 2 col 3: IN-01 (no na="true" in ombudsman-opini-2022) answered na: an error.
        // Line 3 col 3: PR-11 allows na: accepted.
        let a = """
            <assessment xmlns="urn:patuh:1" id="a1" rubric="ombudsman-opini-2022" unit="u1" period="2023">
              <answer indicator="IN-01" value="na"/>
              <answer indicator="PR-11" value="na"/>
            </assessment>
            """
        let dir = try write(["r.xml": registry, "a.xml": a])
        let run = try patuh(["validate", dir.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("a.xml:2:3: error: indicator 'IN-01' does not allow 'na'"), "\(run.stderr)")
        #expect(!run.stderr.contains("'PR-11' does not allow"))
    }

    @Test func naInASurveyIsAnErrorWithItsLine() throws {
        // SKM allows na on no unsur: the response on line 3 is excluded, named at its answer (col 23).
        let s = """
            <survey xmlns="urn:patuh:1" rubric="skm-2017" unit="u1" period="2023-S1">
            <response id="r1"><answer indicator="U1" value="4"/></response>
            <response id="r2"><answer indicator="U1" value="na"/></response>
            </survey>
            """
        let dir = try write(["r.xml": registry, "s.xml": s])
        let run = try patuh(["validate", dir.path])
        #expect(run.status == 1)
        #expect(
            run.stderr.contains("s.xml:3:19: error: indicator 'U1' does not allow 'na'; response 'r2' excluded"),
            "\(run.stderr)")
    }

    @Test func theSamplesNaAnswersSitWhereTheRubricAllowsThem() throws {
        // Each round of the sample answers "na" only on the indicators its rubric marks
        // na="true" (each rubric's basis says why there), and the whole sample validates.
        func allowed(_ rubric: String) throws -> Set<String> {
            let text = try read(repositoryRoot.appendingPathComponent("Rubrics/\(rubric).xml"))
            return Set(text.matches(of: /<indicator id="([^"]+)"[^>]*na="true"/).map { String($0.1) })
        }
        let root = repositoryRoot.appendingPathComponent("Samples/riau/assessments")
        var onAllowed = 0
        var elsewhere: [String] = []
        for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
        where url.pathExtension == "xml" {
            let text = try read(url)
            guard let rubric = text.firstMatch(of: /rubric="([^"]+)"/).map({ String($0.1) }) else { continue }
            let ok = try allowed(rubric)
            for m in text.matches(of: /<answer indicator="([^"]+)" value="na"/) {
                if ok.contains(String(m.1)) {
                    onAllowed += 1
                } else {
                    elsewhere.append("\(url.lastPathComponent) \(m.1)")
                }
            }
        }
        #expect(onAllowed > 0)
        #expect(elsewhere.isEmpty, "\(elsewhere.prefix(10))")
        let run = try patuh(["validate", "Samples/riau", "-q"])
        #expect(run.status == 0, "\(run.stderr.suffix(500))")
    }
}
