import Foundation
import Testing

@Suite struct ReportCommandTests {
    @Test func sampleSiteIsCompleteAndConsistent() throws {
        let out = try scratchDirectory()
        let run = try patuh(["report", "--rubric", "ombudsman-opini-2023", "Samples/riau", "--out", out.path, "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        let fm = FileManager.default
        // Every unit in units.csv and every region in regions.csv has a page.
        let units = try read(out.appendingPathComponent("units.csv")).split(separator: "\r\n").dropFirst()
        // The latest period's pages have the plain names; 2022's live in a folder of their own.
        let folder = { (row: Substring) in row.hasPrefix("2023,") ? "" : "\(row.split(separator: ",")[0])/" }
        for row in units {
            #expect(
                fm.fileExists(
                    atPath: out.appendingPathComponent("unit/\(folder(row))\(row.split(separator: ",")[1]).html").path))
        }
        let regions = try read(out.appendingPathComponent("regions.csv")).split(separator: "\r\n").dropFirst()
        for row in regions {
            #expect(
                fm.fileExists(
                    atPath: out.appendingPathComponent("region/\(folder(row))\(row.split(separator: ",")[1]).html").path
                ))
        }
        // Every local link of every page resolves to a written file.
        let pages = try fm.subpathsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".html") }
        #expect(pages.count > 100)
        for page in pages {
            let url = out.appendingPathComponent(page)
            for link in localLinks(try read(url)) {
                let target = url.deletingLastPathComponent().appendingPathComponent(link).standardizedFileURL
                #expect(fm.fileExists(atPath: target.path), "\(page) links to missing \(link)")
            }
        }
        // The zone counts in index.html equal those in the CSV (latest period, 2023).
        let index = try read(out.appendingPathComponent("index.html"))
        let units2023 = units.filter { $0.hasPrefix("2023,") }
        let regions2023 = regions.filter { $0.hasPrefix("2023,") }
        let scoredRegions = regions2023.filter {
            !$0.split(separator: ",", omittingEmptySubsequences: false)[5].isEmpty
        }.count
        for zone in ["hijau", "kuning", "merah"] {
            let u = units2023.filter { $0.contains(",\(zone),") }.count
            let r = regions2023.filter { $0.contains(",\(zone),") }.count
            // Shares as whole percentages of the period's units and scored pemda.
            let share = { (n: Int, of: Int) in "\(Int((Double(n) * 100 / Double(of)).rounded()))%" }
            #expect(
                index.contains(
                    "<strong>Zona \(zone)</strong><br><span class=\"big\">\(u)</span> Unit layanan (\(share(u, units2023.count)))<br><span class=\"big\">\(r)</span> Pemda (\(share(r, scoredRegions)))"
                ), "\(zone)")
        }
        #expect(fm.fileExists(atPath: out.appendingPathComponent("metode.html").path))
    }

    @Test func textFromInputsIsEscapedEverywhere() throws {
        let dir = try copyFixture("score")
        let registry = dir.appendingPathComponent("registry.xml")
        let hostile = try read(registry).replacingOccurrences(
            of: "name=\"Dinas Satu\"",
            with: "name=\"&lt;script&gt;alert(1)&lt;/script&gt;\"")
        try Data(hostile.utf8).write(to: registry)
        try Data(
            """
            <assessment xmlns="urn:patuh:1" id="h1" rubric="uji" unit="99-opd1" period="2023">
              <answer indicator="A1" value="1"><note>"onmouseover=alert(2) &lt;b&gt;x&lt;/b&gt;</note><evidence href="javascript:alert(3)">lihat</evidence></answer>
              <answer indicator="A2" value="1"/><answer indicator="B1" value="1"/>
            </assessment>
            """.utf8
        ).write(to: dir.appendingPathComponent("assessments/hostile.xml"))
        let out = try scratchDirectory()
        let run = try patuh(["report", "--rubric", "uji", dir.path, "--out", out.path, "--lang", "en", "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        let unit = try read(out.appendingPathComponent("unit/99-opd1.html"))
        #expect(unit.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!unit.contains("<script>alert"))
        #expect(unit.contains("&quot;onmouseover=alert(2) &lt;b&gt;x&lt;/b&gt;"))
        #expect(!unit.contains("href=\"javascript:"))
        #expect(unit.contains("lihat"))
        let region = try read(out.appendingPathComponent("region/99.html"))
        #expect(region.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!region.contains("<script>alert"))
    }
}
