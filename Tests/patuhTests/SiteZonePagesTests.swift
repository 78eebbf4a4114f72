import Foundation
import Testing

/// A zone page that would list more units than the bound lists them per provinsi instead, one
/// page per provinsi and zone (issue 22 acceptance 3: no page grows with the country).
@Suite(.serialized) struct SiteZonePagesTests {
    /// The `href`s of a page.
    func links(_ page: String) -> [String] {
        page.components(separatedBy: "href=\"").dropFirst().compactMap {
            $0.split(separator: "\"").first.map(String.init)
        }
    }

    @Test func aZoneOverTheBoundIsSplitPerProvinsi() throws {
        // Two provinces (Riau's 12 kab/kota and a synthetic one), 4 units each plus an MPP and
        // the provinsi's own: far more than 5 units in at least one zone.
        let round = try scratchDirectory().appendingPathComponent("round")
        let gen = try patuh([
            "generate", "--provinces", "2", "--regions", "3", "--units", "4", "--respondents", "3",
            "--periods", "2022", "--pekppp-periods", "", "--out", round.path
        ])
        #expect(gen.status == 0, "\(gen.stderr)")
        let site = try scratchDirectory().appendingPathComponent("site")
        let run = try patuh(
            ["report", "--rubric", "ombudsman-opini-2022", round.path, "--out", site.path, "-q"],
            environment: ["PATUH_ZONE_PAGE_LIMIT": "5"])
        #expect(run.status == 0, "\(run.stderr)")
        let fm = FileManager.default
        let zoneDir = site.appendingPathComponent("zone")
        let zonePages = try fm.contentsOfDirectory(atPath: zoneDir.path).filter { $0.hasSuffix(".html") }.sorted()
        var seen: [String: Int] = [:]
        var split = 0
        for name in zonePages {
            let page = try String(contentsOf: zoneDir.appendingPathComponent(name), encoding: .utf8)
            for href in links(page) where !href.hasPrefix("http") && !href.hasPrefix("#") {
                // Every link of every zone page resolves.
                let link = String(href.split(separator: "#")[0])
                let target = zoneDir.appendingPathComponent(link).standardizedFileURL
                #expect(fm.fileExists(atPath: target.path), "\(name): \(link)")
                if link.hasPrefix("../unit/") { seen[link, default: 0] += 1 }
            }
            if page.contains("id=\"group-units\"") == false && page.contains("<ul><li><a href=\"../zone/") {
                split += 1
                // A split page keeps the regions table but lists no unit.
                #expect(page.contains("<h2>Pemda</h2>"), "\(name)")
                #expect(!links(page).contains { $0.hasPrefix("../unit/") }, "\(name)")
            }
        }
        #expect(split >= 1, "\(zonePages)")
        // Every unit of the period appears exactly once across the zone pages (the zone's own
        // list or its provinsi's page). The unit pages of the latest period are unit/*.html.
        let units = try fm.contentsOfDirectory(atPath: site.appendingPathComponent("unit").path)
            .filter { $0.hasSuffix(".html") }.map { "../unit/" + $0 }
        #expect(Set(seen.keys) == Set(units))
        #expect(seen.values.allSatisfy { $0 == 1 }, "\(seen.filter { $0.value != 1 })")
        // Below the bound nothing is split: the same zone pages as before, each listing its units.
        let whole = try scratchDirectory().appendingPathComponent("whole")
        let again = try patuh(["report", "--rubric", "ombudsman-opini-2022", round.path, "--out", whole.path, "-q"])
        #expect(again.status == 0, "\(again.stderr)")
        let wholePages = try fm.contentsOfDirectory(atPath: whole.appendingPathComponent("zone").path).filter {
            $0.hasSuffix(".html")
        }
        #expect(wholePages.count < zonePages.count)
        for name in wholePages {
            let page = try String(
                contentsOf: whole.appendingPathComponent("zone").appendingPathComponent(name), encoding: .utf8)
            #expect(page.contains("id=\"group-units\""), "\(name)")
        }
    }
}
