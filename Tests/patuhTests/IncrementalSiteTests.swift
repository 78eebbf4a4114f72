import Foundation
import Testing

/// A report into an earlier site rewrites only the pages whose bytes changed; the rest are
/// carried over by hard link (issue 23, point 2).
@Suite(.serialized) struct IncrementalSiteTests {
    /// Inode of every file under `dir`, by relative path.
    func inodes(_ dir: URL) throws -> [String: UInt64] {
        var found: [String: UInt64] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: dir.path) {
            var info = stat()
            if lstat(dir.appendingPathComponent(path).path, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
                found[path] = UInt64(info.st_ino)
            }
        }
        return found
    }

    /// The fixture round `score` (rubric `uji`) with an assessor's name on assessment a1.
    func inputs(assessor: String) throws -> URL {
        let dir = try copyFixture("score")
        let file = dir.appendingPathComponent("assessments/2023.xml")
        let text = try read(file).replacingOccurrences(
            of: "id=\"a1\" rubric=\"uji\"",
            with: "id=\"a1\" assessor=\"\(assessor)\" rubric=\"uji\"")
        try Data(text.utf8).write(to: file)
        return dir
    }

    func report(_ inputs: URL, _ out: URL, quiet: Bool = true) throws -> Run {
        let run = try patuh(
            [
                "report", "--rubric", inputs.appendingPathComponent("uji.xml").path, inputs.path,
                "--out", out.path
            ] + (quiet ? ["-q"] : []), environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        #expect(run.status == 0, "\(run.stderr)")
        return run
    }

    @Test func changingOneAssessorRewritesOnlyThatUnitsPage() throws {
        let before = try inputs(assessor: "Tim Penilai 1")
        let after = try inputs(assessor: "Tim Penilai 2")
        let site = try scratchDirectory().appendingPathComponent("site")
        let fresh = try scratchDirectory().appendingPathComponent("site")
        _ = try report(before, site)
        let old = try inodes(site)
        let oldFiles = try siteFiles(site)
        let again = try report(after, site, quiet: false)
        _ = try report(after, fresh)
        // Byte for byte what a report into a new folder writes.
        #expect(try siteFiles(site) == siteFiles(fresh))
        // The assessor is shown only on the page of unit 9901-a in 2023, the latest period
        // (unit/9901-a.html, "who assessed it"); its 2022 page, the region, zone and index pages
        // and metode.html show scores, which did not change. So that one page is written anew
        // and every other page (and style.css, patuh.js) keeps its inode.
        let new = try inodes(site)
        let pages = new.keys.filter { $0.hasSuffix(".html") || $0.hasSuffix(".css") || $0.hasSuffix(".js") }
        let rewritten = Set(pages.filter { old[$0] != new[$0] })
        #expect(rewritten == ["unit/9901-a.html"], "\(rewritten.sorted())")
        #expect(try siteFiles(site)["unit/9901-a.html"] != oldFiles["unit/9901-a.html"])
        #expect(again.stderr.contains("1 written, \(pages.count - 1) carried over"), "\(again.stderr)")
    }

    @Test func aSecondRunOfTheSameInputsWritesNoPage() throws {
        let inputs = try inputs(assessor: "Tim Penilai 1")
        let site = try scratchDirectory().appendingPathComponent("site")
        _ = try report(inputs, site)
        let old = try inodes(site)
        let again = try report(inputs, site, quiet: false)
        let new = try inodes(site)
        let pages = new.keys.filter { $0.hasSuffix(".html") }
        #expect(!pages.isEmpty && pages.allSatisfy { old[$0] == new[$0] })
        #expect(again.stderr.contains(" 0 written, "), "\(again.stderr)")
    }

    /// The fixture round with c1's answer to B1 (unit 9971-c, 2023) made `value`.
    func inputs(c1B1 value: String) throws -> URL {
        let dir = try copyFixture("score")
        let file = dir.appendingPathComponent("assessments/2023.xml")
        let old = try read(file)
        let text = old.replacingOccurrences(
            of: "<answer indicator=\"A2\" value=\"2\"/><answer indicator=\"B1\" value=\"3\"/>",
            with: "<answer indicator=\"A2\" value=\"2\"/><answer indicator=\"B1\" value=\"\(value)\"/>")
        #expect(text != old || value == "3")
        try Data(text.utf8).write(to: file)
        return dir
    }

    /// Pages rendered, from the site line of a report that is not quiet ("… (6 rendered)").
    func rendered(_ run: Run) -> Int? {
        guard let range = run.stderr.range(of: #"\((\d+) (dirender|rendered)"#, options: .regularExpression) else {
            return nil
        }
        return Int(run.stderr[range].dropFirst().prefix { $0.isNumber })
    }

    @Test func changingOneAnswerRendersOnlyThePagesThatShowIt() throws {
        let before = try inputs(c1B1: "3")
        let after = try inputs(c1B1: "4")
        let site = try scratchDirectory().appendingPathComponent("site")
        let fresh = try scratchDirectory().appendingPathComponent("site")
        let first = try report(before, site, quiet: false)
        let old = try inodes(site)
        let pages = old.keys.filter { $0.hasSuffix(".html") }
        // A report into an empty folder renders every page.
        #expect(rendered(first) == pages.count, "\(first.stderr)")
        let again = try report(after, site, quiet: false)
        _ = try report(after, fresh)
        // Byte for byte what a report into a new folder writes (the marker's page list aside).
        #expect(try siteFiles(site) == siteFiles(fresh))
        // By hand (../Fixtures/expected/ExpectedArithmetic.md): B1 3 → 4 makes 9971-c's D_B 1,
        // dim_B 25.00, score 37.50 + 25.00 = 62.50 (still cukup, kuning); Kota Uji (99.71) is
        // (75 + 62.50)/2 = 68.75 (was 65.63), still ranked 1 under 99, before 99.01's 62.50.
        // Pages showing one of these numbers: unit/9971-c.html; region/99.71.html and its
        // 2022 page (its history lists 2023); region/99.html (its kabupaten/kota with scores);
        // zone/zone-kuning.html (9971-c and 99.71 are kuning); index.html (the ranking of kota).
        // The 2022 index and zones, 99.01's pages (its rank 2 of 2 stands), the other units'
        // pages and metode.html show none of them: 6 pages rendered, the rest carried over.
        let expected: Set<String> = [
            "unit/9971-c.html", "region/99.71.html", "region/2022/99.71.html", "region/99.html",
            "zone/zone-kuning.html", "index.html"
        ]
        #expect(rendered(again) == expected.count, "\(again.stderr)")
        let new = try inodes(site)
        let rewritten = Set(new.keys.filter { $0.hasSuffix(".html") && old[$0] != new[$0] })
        #expect(rewritten == expected, "\(rewritten.sorted())")
        // A third run of the same inputs renders nothing.
        let third = try report(after, site, quiet: false)
        #expect(rendered(third) == 0, "\(third.stderr)")
    }
}
