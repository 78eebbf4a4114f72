import Foundation
import Testing

/// `patuh bench` is for developers: not listed by `patuh --help`, still run by name; its
/// children hand their figures back as a JSON line in the file named by PATUH_FIGURES
/// (issue 16), not through their human summary.
@Suite struct BenchInterfaceTests {
    @Test func benchIsHiddenFromHelpButRuns() throws {
        let help = try patuh(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("report") && !help.stdout.contains("bench"), "\(help.stdout)")
        let own = try patuh(["bench", "--help"])
        #expect(own.status == 0 && own.stdout.contains("--corpus"), "\(own.stdout)")
    }

    @Test func aReportWritesItsFiguresAsOneJSONLine() throws {
        let round = fixtures.appendingPathComponent("score").path
        let out = try scratchDirectory().appendingPathComponent("site")
        let figures = try scratchDirectory().appendingPathComponent("figures.jsonl")
        let run = try patuh(
            ["report", "--rubric", round + "/uji.xml", round, "--out", out.path, "-q"],
            environment: ["PATUH_FIGURES": figures.path])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = try read(figures).split(separator: "\n")
        #expect(lines.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        // A new folder: every page written, none carried over; the round has no survey, so
        // no responses. Pages: count the site's .html, .css and .js files.
        let pages = try FileManager.default.subpathsOfDirectory(atPath: out.path)
            .filter { $0.hasSuffix(".html") || $0.hasSuffix(".css") || $0.hasSuffix(".js") }.count
        #expect(object["pages_written"] as? Int == pages && object["pages_carried"] as? Int == 0, "\(object)")
        #expect(object["responses"] as? Int == 0, "\(object)")
    }
}
