import ArgumentParser
import Foundation

/// `patuh bench report-scale`: `patuh report` on rounds of the same number of units spread
/// over few or many regions. Time per page must not grow with the regions (the README's
/// "Report time per page does not grow with the regions" has the figures).
struct ReportScaleBenchCommand: SizedBench {
    static let configuration = CommandConfiguration(
        commandName: "report-scale",
        abstract: "Measure `patuh report` on the same number of units in few or many regions (time per page).")

    @Option(help: "Numbers of kabupaten to spread the units over, comma-separated (99 a province; at most 9900).")
    var regions: String = "99,9900"

    // Not `--units`: `bench`'s own `--units` (units per kabupaten of the corpus) would take it.
    @Option(help: "Service units in all.")
    var totalUnits: Int = 20_000

    static let workFolder = "patuh-bench-report-scale"
    static let workHelp = "Working directory for the generated rounds and the sites."
    static let repeatsHelp = "Runs of each size; the fastest is shown."
    @OptionGroup var runs: SizedBenchOptions<Self>

    func run() throws {
        let me = try BenchCommand.executable()
        try table(["regions", "units", "pages", "wall s", "ms per page", "peak MB"], sizes: regions) { count in
            let round = (runs.work as NSString).appendingPathComponent("round-\(count)")
            try write(regions: count, into: round)
            let site = (runs.work as NSString).appendingPathComponent("site-\(count)")
            let rubric = (round as NSString).appendingPathComponent("rubric.xml")
            let best = try ChildProcess.fastest(
                of: runs.repeats, [me, "report", "--rubric", rubric, round, "--out", site, "-q"], clearing: site,
                what: "report of \(count) regions"
            ).fastest
            let pages = (FileManager.default.enumerator(atPath: site)?.compactMap { $0 as? String } ?? []).filter {
                $0.hasSuffix(".html")
            }.count
            return "| \(count) | \(totalUnits) | \(pages) | \(String(format: "%.2f", best.seconds)) | "
                + "\(String(format: "%.2f", best.seconds * 1000 / Double(max(1, pages)))) | \(String(format: "%.1f", best.peakMB)) |"
        }
    }

    /// A registry of `regions` kabupaten in as few provinces as codes allow, the units spread
    /// evenly, a two-indicator rubric and one assessment per unit.
    private func write(regions count: Int, into round: String) throws {
        try? FileManager.default.removeItem(atPath: round)
        try FileManager.default.createDirectory(atPath: round, withIntermediateDirectories: true)
        let rubric = """
            <rubric xmlns="urn:patuh:1" id="bench-scale" version="1">
              <title lang="id">Uji skala</title><title lang="en">Scale test</title>
              <dimension id="a"><title lang="id">A</title>
                <indicator id="I1" min="0" max="3"><title lang="id">I1</title></indicator>
                <indicator id="I2" min="0" max="3"><title lang="id">I2</title></indicator>
              </dimension>
              <bands>
                <band id="A" min="80" zone="hijau"><label lang="id">Baik</label><label lang="en">Good</label></band>
                <band id="B" min="50" zone="kuning"><label lang="id">Cukup</label><label lang="en">Fair</label></band>
                <band id="C" min="0" zone="merah"><label lang="id">Kurang</label><label lang="en">Poor</label></band>
              </bands>
            </rubric>
            """
        // Kemendagri-shaped codes: at most 99 kabupaten a province, 100 provinces at most.
        let provinces = (count + 98) / 99
        var registry = "<registry xmlns=\"urn:patuh:1\">\n"
        var assessments = "<assessments xmlns=\"urn:patuh:1\">\n"
        for p in 0..<provinces {
            let code = String(format: "%02d", p)
            registry += "<region code=\"\(code)\" level=\"provinsi\" name=\"Provinsi Uji \(p)\">\n"
            for k in 0..<min(99, count - p * 99) {
                let r = p * 99 + k
                registry +=
                    "<region code=\"\(code).\(String(format: "%02d", k + 1))\" level=\"kabupaten\" name=\"Kabupaten Uji \(r + 1)\">"
                for u in stride(from: r, to: totalUnits, by: count) {
                    registry += "<unit id=\"u\(u)\" type=\"opd\" name=\"Dinas \(u)\"/>"
                    assessments +=
                        "<assessment id=\"a\(u)\" rubric=\"bench-scale\" unit=\"u\(u)\" period=\"2023\">"
                        + "<answer indicator=\"I1\" value=\"\(u % 4)\"/><answer indicator=\"I2\" value=\"\((u / 4) % 4)\"/></assessment>\n"
                }
                registry += "</region>\n"
            }
            registry += "</region>\n"
        }
        registry += "</registry>\n"
        assessments += "</assessments>\n"
        for (name, text) in [("rubric.xml", rubric), ("registry.xml", registry), ("assessments.xml", assessments)] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: (round as NSString).appendingPathComponent(name)))
        }
    }
}
