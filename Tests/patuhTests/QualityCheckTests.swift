import Foundation
import Testing

/// Issue 18, acceptance 4: `patuh check` on the sample writes qa.csv; one case of each
/// finding planted in a copy of the sample gives exactly those findings more.
@Suite struct QualityCheckTests {
    struct Row: Hashable, CustomStringConvertible {
        var kind: String, place: String, unit: String, period: String, value: String, threshold: String
        var description: String { "\(kind) \(place) \(unit) \(period) \(value) \(threshold)" }
    }

    /// qa.csv's rows with the sample folder's own path cut off the file names.
    func rows(_ out: URL, root: String) throws -> Set<Row> {
        let text = try read(out.appendingPathComponent("qa.csv"))
        var result = Set<Row>()
        for line in text.split(separator: "\r\n").dropFirst() {
            // The detail (last) may hold commas; the first eight fields never do.
            let f = line.split(separator: ",", maxSplits: 8, omittingEmptySubsequences: false).map(String.init)
            let file = f[1].hasPrefix(root) ? String(f[1].dropFirst(root.count)) : f[1]
            result.insert(
                Row(
                    kind: f[0], place: "\(file):\(f[2]):\(f[3])", unit: f[4], period: f[5], value: f[6], threshold: f[7]
                ))
        }
        return result
    }

    func check(_ rubric: String, _ folder: String, _ extra: [String] = []) throws -> URL {
        let out = try scratchDirectory()
        let run = try patuh(["check", "--rubric", rubric, folder, "--out", out.path] + extra)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("qa.html").path))
        return out
    }

    func edit(_ url: URL, _ change: (inout String) throws -> Void) throws {
        var text = try read(url)
        let before = text
        try change(&text)
        #expect(text != before, "\(url.lastPathComponent) unchanged")
        try Data(text.utf8).write(to: url)
    }

    /// The text of the element that starts with `start`, up to and with its `end` tag.
    func block(_ text: String, from start: String, to end: String) throws -> Range<String.Index> {
        let a = try #require(text.range(of: start))
        let b = try #require(text.range(of: end, range: a.upperBound..<text.endIndex))
        return a.lowerBound..<b.upperBound
    }

    @Test func plantedFindingsAreExactlyTheNewOnes() throws {
        let copy = try scratchDirectory().appendingPathComponent("riau")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Samples/riau"), to: copy)
        // The sample's Ombudsman rounds answer one instrument each year (opini-2022 holds
        // only 2022), so a score change is planted in a two-period round of its own below.
        let a2022 = copy.appendingPathComponent("assessments/2022/1402.xml")
        try edit(a2022) { text in
            // na share: a-2022-1402-dinkes-1 (line 103) answers all 32 assessor items, PR-11 (the
            // one item opini-2022 allows na on) with 3; made na: 1 of 32 = 0.03125 → 0.031,
            // above the --na-share 0.03 this check is run with.
            let dinkes = try block(text, from: "<assessment id=\"a-2022-1402-dinkes-1\"", to: "</assessment>")
            text.replaceSubrange(
                dinkes,
                with: String(text[dinkes]).replacingOccurrences(
                    of: #"indicator="PR-11" value="[0-9]""#, with: "indicator=\"PR-11\" value=\"na\"",
                    options: .regularExpression))
            // Identical assessments: Tim Penilai 5's rsud assessment (line 445) given the answers
            // of its dpmptsp assessment (line 68).
            let dpmptsp = try block(text, from: "<assessment id=\"a-2022-1402-dpmptsp-1\"", to: "</assessment>")
            let answers = String(text[dpmptsp]).drop { $0 != "\n" }
            let rsud = try block(text, from: "<assessment id=\"a-2022-1402-rsud-1\"", to: "</assessment>")
            let rsudStart = String(text[rsud].prefix { $0 != "\n" })
            text.replaceSubrange(rsud, with: rsudStart + answers)
        }
        let skm = copy.appendingPathComponent("surveys/2023-S1/14-dpmptsp.xml")
        try edit(skm) { text in
            // Straight-lining: r-000002 (line 15) answers 2 to all nine unsur.
            let r2 = try block(text, from: "<response id=\"r-000002\"", to: "</response>")
            text.replaceSubrange(
                r2,
                with: String(text[r2]).replacingOccurrences(
                    of: #"value="[1-4]""#, with: "value=\"2\"", options: .regularExpression))
            // Date outside 2023-S1: r-000003 (line 26) dated in August.
            text = text.replacingOccurrences(
                of: "<response id=\"r-000003\" date=\"2023-05-24\"",
                with: "<response id=\"r-000003\" date=\"2023-08-15\"")
            // Duplicate: r-000001 again (new id) before </survey>, on line 3896 where </survey> was.
            let r1 = String(text[try block(text, from: "<response id=\"r-000001\"", to: "</response>")])
            text = text.replacingOccurrences(
                of: "</survey>", with: r1.replacingOccurrences(of: "r-000001", with: "r-009999") + "\n</survey>")
        }
        // Below sample: 14-dpmptsp (registry line 5) for a population of 100,000, whose
        // Krejcie–Morgan sample is 3.841·100000·0.25/(0.0025·99999 + 0.96025) = 382.6 → 383;
        // it has 350 + 1 (the duplicate) respondents in 2023-S1 and 352 in 2023-S2.
        try edit(copy.appendingPathComponent("registry.xml")) { text in
            text = text.replacingOccurrences(
                of: "name=\"Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Provinsi Riau\" population=\"3760\"",
                with:
                    "name=\"Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Provinsi Riau\" population=\"100000\""
            )
        }

        let root = copy.path + "/"
        // Ombudsman opini: the assessment findings.
        let before = try rows(
            check("ombudsman-opini-2022", "Samples/riau", ["--na-share", "0.03"]), root: "Samples/riau/")
        let after = try rows(check("ombudsman-opini-2022", copy.path, ["--na-share", "0.03"]), root: root)
        #expect(before.subtracting(after).isEmpty, "lost: \(before.subtracting(after))")
        let added = after.subtracting(before)
        #expect(
            added == [
                Row(
                    kind: "na_share", place: "assessments/2022/1402.xml:103:3", unit: "1402-dinkes", period: "2022",
                    value: "0.031", threshold: "0.03"),
                Row(
                    kind: "identical_assessments", place: "assessments/2022/1402.xml:445:3", unit: "1402-rsud",
                    period: "2022", value: "1402-dpmptsp", threshold: "")
            ], "\(added)")

        // SKM: the survey findings.
        let skmBefore = try rows(check("skm-2017", "Samples/riau"), root: "Samples/riau/")
        let skmAfter = try rows(check("skm-2017", copy.path), root: root)
        #expect(skmBefore.subtracting(skmAfter).isEmpty, "lost: \(skmBefore.subtracting(skmAfter))")
        let file = "surveys/2023-S1/14-dpmptsp.xml"
        #expect(
            skmAfter.subtracting(skmBefore) == [
                Row(
                    kind: "straight_lining", place: "\(file):15:3", unit: "14-dpmptsp", period: "2023-S1", value: "2",
                    threshold: ""),
                Row(
                    kind: "date_outside_period", place: "\(file):26:3", unit: "14-dpmptsp", period: "2023-S1",
                    value: "2023-08-15", threshold: ""),
                Row(
                    kind: "duplicate_response", place: "\(file):3896:1", unit: "14-dpmptsp", period: "2023-S1",
                    value: "r-000001", threshold: ""),
                Row(
                    kind: "below_sample", place: "registry.xml:5:1", unit: "14-dpmptsp", period: "2023-S1",
                    value: "351", threshold: "383"),
                Row(
                    kind: "below_sample", place: "registry.xml:5:1", unit: "14-dpmptsp", period: "2023-S2",
                    value: "352", threshold: "383")
            ])
    }

    @Test func aScoreChangeBetweenPeriodsIsFound() throws {
        // The hand-worked round of Fixtures/score (ExpectedArithmetic.md): 9901-a scores 31.25
        // in 2022 and 50.00 in 2023, a change of 18.75; with --score-change 15 it is the one
        // change above the threshold (the other units are scored in one period only).
        let round = fixtures.appendingPathComponent("score").path
        let out = try check(round + "/uji.xml", round, ["--score-change", "15"])
        let found = try rows(out, root: round + "/").filter { $0.kind == "score_change" }
        #expect(found.count == 1, "\(found)")
        let change = try #require(found.first)
        #expect(
            change.unit == "9901-a" && change.period == "2023" && Double(change.value) == 18.75
                && Double(change.threshold) == 15, "\(change)")
    }
}
