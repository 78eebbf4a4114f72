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
}
