import Foundation
import Testing

/// The maps of `patuh report` on the Riau sample.
@Suite struct MapReportTests {
    @Test func riauPageMapsItsTwelveKabupatenKotaByZone() throws {
        let out = try scratchDirectory()
        let run = try patuh(["report", "--rubric", "ombudsman-opini-2022", "Samples/riau", "--out", out.path, "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("no boundary"))
        let page = try read(out.appendingPathComponent("region/14.html"))
        let index = try read(out.appendingPathComponent("index.html"))
        // The zone of each kabupaten/kota in 2022 (the one period ombudsman-opini-2022 answers
        // in the sample: each later year answers its own instrument), from regions.csv (columns: period, code, name,
        // level, parent, score, band, zone, ...).
        let rows = try read(out.appendingPathComponent("regions.csv")).split(separator: "\r\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            .filter { $0[0] == "2022" && $0[4] == "14" }
        #expect(rows.count == 12)
        let fills = [
            "hijau": "fill=\"#2e7d32\"", "kuning": "fill=\"url(#pm-kuning)\"", "merah": "fill=\"url(#pm-merah)\""
        ]
        for row in rows {
            let code = row[1]
            for (html, link) in [(page, "\(code).html"), (index, "region/\(code).html")] {
                guard let a = html.range(of: "<a xlink:href=\"\(link)\"") else {
                    Issue.record("no shape links to \(link)")
                    continue
                }
                let tail = html[a.lowerBound...]
                let element = tail[..<(tail.range(of: "</a>")?.lowerBound ?? tail.endIndex)]
                #expect(element.contains("aria-label=\"\(row[2]): "), "\(code)")
                #expect(element.contains(fills[row[7]] ?? "?"), "\(code) is \(row[7])")
            }
        }
        // Kabupaten Siak's accessible name: its name, score with a decimal comma, category.
        let siak = try #require(rows.first { $0[1] == "14.08" })
        #expect(
            page.contains(
                "aria-label=\"Kabupaten Siak: \(siak[5].replacingOccurrences(of: ".", with: ",")), \(siak[6]) "))
        #expect(page.contains("<figcaption id=\"map-caption\">") && page.contains("<ul class=\"legend\""))
        #expect(page.contains("<details class=\"map-table\">"))
    }
}
