import Foundation
import Testing

/// Issue 18: a rubric names the instrument its inputs answer; nothing scored is not success.
@Suite struct InstrumentTests {
    func rows(_ url: URL) throws -> [String: [String: String]] {
        let lines = try read(url).split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        guard let header = lines.first else { return [:] }
        var out: [String: [String: String]] = [:]
        for line in lines.dropFirst() {
            let row = Dictionary(uniqueKeysWithValues: zip(header, line))
            out["\(row["period"] ?? ""),\(row["unit_id"] ?? "")"] = row
        }
        return out
    }

    @Test func weightingVariantScoresTheSameQuestionnaire() throws {
        // The sample's 52 SKM files say rubric="skm-2017" (the instrument); skm-2017-bobot-0111
        // declares instrument="skm-2017", so it scores the same 27 units in each of 2023-S1
        // and 2023-S2 (Samples/README.md: 26 surveyed units, plus the MPP from its tenants).
        // Its weights are 9 x 0.111 = 0.999 of skm-2017's, so each IKM is 0.999 times the
        // other before rounding; both are rounded to cents, so they may be off by 0.005 + 0.005.
        let a = try scratchDirectory()
        let b = try scratchDirectory()
        let runA = try patuh(["score", "--rubric", "skm-2017", "Samples/riau", "--out", a.path, "-q"])
        let runB = try patuh(["score", "--rubric", "skm-2017-bobot-0111", "Samples/riau", "--out", b.path, "-q"])
        #expect(runA.status == 0 && runB.status == 0, "\(runB.stderr)")
        let unitsA = try rows(a.appendingPathComponent("units.csv"))
        let unitsB = try rows(b.appendingPathComponent("units.csv"))
        #expect(unitsA.count == 54)
        #expect(Set(unitsA.keys) == Set(unitsB.keys))
        for (key, rowA) in unitsA {
            let sa = try #require(Double(rowA["score"] ?? ""))
            let sb = try #require(Double(unitsB[key]?["score"] ?? ""))
            #expect(abs(sa * 0.999 - sb) <= 0.0101, "\(key): \(sa) vs \(sb)")
        }
    }

    @Test func nothingForTheRubricExitsOneAndSaysWhatIsThere() throws {
        // A copy of the sample without its 2019 round (Samples/README.md): nothing is left for
        // the 2019 method, while each later year's round answers its own instrument.
        let sample = try scratchDirectory().appendingPathComponent("riau")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Samples/riau"), to: sample)
        try FileManager.default.removeItem(at: sample.appendingPathComponent("assessments/2019"))
        let out = try scratchDirectory()
        let run = try patuh(["score", "--rubric", "ombudsman-kepatuhan-2019", sample.path, "--out", out.path, "-q"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("nothing in the inputs is for rubric 'ombudsman-kepatuhan-2019'"))
        #expect(run.stderr.contains("ombudsman-opini-2022: 2022\n"), "\(run.stderr)")
        #expect(run.stderr.contains("ombudsman-opini-2023: 2023\n"), "\(run.stderr)")
        #expect(run.stderr.contains("skm-2017: 2023-S1, 2023-S2"))
    }

    @Test func aPeriodWithoutDataExitsOne() throws {
        let out = try scratchDirectory()
        let run = try patuh([
            "score", "--rubric", "skm-2017", "--period", "2024", "Samples/riau", "--out", out.path, "-q"
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("nothing in the inputs is for rubric 'skm-2017' in period 2024"))
        #expect(run.stderr.contains("skm-2017: 2023-S1, 2023-S2"))
    }
}
