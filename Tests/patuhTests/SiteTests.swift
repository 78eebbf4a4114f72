import Foundation
import Testing

/// Local `href`/`src` values of a page, without their `#fragment`.
func localLinks(_ html: String) -> [String] {
    var found: [String] = []
    for attr in ["href=\"", "src=\""] {
        var rest = html[...]
        while let r = rest.range(of: attr) {
            let tail = rest[r.upperBound...]
            guard let end = tail.firstIndex(of: "\"") else { break }
            let link = String(tail[..<end])
            rest = tail[end...]
            if link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("#") { continue }
            found.append(String(link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]))
        }
    }
    return found
}

/// Follows every local link from `index.html`: the files reached, and the links whose target
/// does not exist (page → link).
func crawl(_ site: URL) throws -> (reached: Set<String>, dead: [String]) {
    let root = site.standardizedFileURL.path
    var reached: Set<String> = ["index.html"]
    var queue = ["index.html"]
    var dead: [String] = []
    while let page = queue.popLast() {
        guard page.hasSuffix(".html") else { continue }
        let url = site.appendingPathComponent(page)
        for link in localLinks(try read(url)) {
            let target = url.deletingLastPathComponent().appendingPathComponent(link).standardizedFileURL.path
            guard target.hasPrefix(root + "/"), FileManager.default.fileExists(atPath: target) else {
                dead.append("\(page) → \(link)")
                continue
            }
            let relative = String(target.dropFirst(root.count + 1))
            if reached.insert(relative).inserted { queue.append(relative) }
        }
    }
    return (reached, dead)
}

/// The site as a reader finds it (issue 17): reachable, framed by its rubric, by period.
@Suite(.serialized) struct SiteTests {
    let sample = repositoryRoot.appendingPathComponent("Samples/riau").path

    func report(
        _ rubric: String, lang: String = "id", _ extra: [String] = [], inputs: [String]? = nil,
        environment: [String: String] = [:]
    ) throws -> (URL, Run) {
        let out = try scratchDirectory().appendingPathComponent("site")
        let run = try patuh(
            ["report", "--rubric", rubric] + (inputs ?? [sample]) + ["--out", out.path, "--lang", lang, "-q"] + extra,
            environment: environment)
        return (out, run)
    }

    @Test(arguments: ["ombudsman-opini-2022", "skm-2017"], ["id", "en"])
    func everyPageIsReachableAndNoLinkIsDead(_ rubric: String, _ lang: String) throws {
        let (out, run) = try report(rubric, lang: lang)
        #expect(run.status == 0, "\(run.stderr)")
        let written = Set(
            try FileManager.default.subpathsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".html") })
        let (reached, dead) = try crawl(out)
        #expect(written.count > 80)
        #expect(dead.isEmpty, "\(dead.count) dead links: \(dead.prefix(5))")
        let unreachable = written.subtracting(reached)
        #expect(
            unreachable.isEmpty,
            "\(unreachable.count) pages not reachable from index.html: \(unreachable.sorted().prefix(5))")
        // No implicit dimension shown to a reader; no response id on a page.
        for page in written {
            let html = try read(out.appendingPathComponent(page))
            #expect(
                !html.contains(">all<") && !html.contains(">all ") && !html.contains("(all"),
                "\(page) names the dimension all")
            #expect(!html.contains("r-000001"), "\(page) shows a response id")
        }
    }

    @Test func mppPagesListTheirTenantsAndRegionPagesEveryUnit() throws {
        let (out, run) = try report("ombudsman-opini-2022")
        #expect(run.status == 0, "\(run.stderr)")
        let registry = try read(URL(fileURLWithPath: sample).appendingPathComponent("registry.xml"))
        let tenants = registry.components(separatedBy: "id=\"1471-mpp-").dropFirst().map {
            "1471-mpp-" + $0.prefix { $0 != "\"" }
        }
        #expect(tenants.count == 13)
        let mpp = try read(out.appendingPathComponent("unit/1471-mpp.html"))
        for tenant in tenants {
            #expect(mpp.contains("href=\"../unit/\(tenant).html\""), "\(tenant) not listed on the MPP page")
        }
        // Kota Pekanbaru's page lists every unit registered directly in it (the MPP included).
        let region = try read(out.appendingPathComponent("region/14.71.html"))
        #expect(region.contains("href=\"../unit/1471-mpp.html\""))
    }

    @Test func framingFollowsTheRubric() throws {
        let (skm, r1) = try report("skm-2017")
        #expect(r1.status == 0, "\(r1.stderr)")
        let index = try read(skm.appendingPathComponent("index.html"))
        // SKM's own words; no zones, no "no zone" card, cards per grade (A–D) in the rubric's colours.
        #expect(index.contains("IKM") && index.contains("Mutu pelayanan"))
        #expect(!index.contains("Zona") && !index.contains("Tanpa zona"))
        for band in ["A", "B", "C", "D"] { #expect(index.contains("href=\"zone/band-\(band).html\"")) }
        // skm-2017.xml: A #2e7d32
        #expect(index.contains("background:#2e7d32;color:#fff\" title=\"Sangat Baik\">A</span>"))
        let unitPage = try #require(
            try FileManager.default.contentsOfDirectory(atPath: skm.appendingPathComponent("unit").path)
                .first { $0.hasSuffix(".html") })
        let unit = try read(skm.appendingPathComponent("unit/" + unitPage))
        #expect(unit.contains("Kinerja unit: "), "the grade's meaning (kinerja unit) is named")
        #expect(!unit.contains("Poin per dimensi"))

        let (opini, r2) = try report("ombudsman-opini-2022", lang: "en")
        #expect(r2.status == 0, "\(r2.stderr)")
        let en = try read(opini.appendingPathComponent("index.html"))
        #expect(en.contains("Zone green") && en.contains("href=\"zone/zone-merah.html\""))
        // The reconstructed rubric says so on every page, linking to the explanation.
        for page in try FileManager.default.subpathsOfDirectory(atPath: opini.path) where page.hasSuffix(".html") {
            #expect(
                try read(opini.appendingPathComponent(page)).contains("metode.html#status\">Explanation</a>"), "\(page)"
            )
        }
        let method = try read(opini.appendingPathComponent("metode.html"))
        #expect(method.contains("id=\"status\""))
        #expect(
            !method.contains("DOMAIN lists") && !method.contains("Dasar hukum / legal basis"), "maintainer notes shown")
    }

    @Test func methodIsInTheReadersLanguageWithIndonesianDecimals() throws {
        // skm-2017-bobot-0111 prints its weights as 0,111; the sample's surveys answer skm-2017,
        // so it is given as a rubric file to a round of its own instrument: the method page is
        // written even for a rubric with no result.
        let (out, run) = try report("skm-2017-bobot-0111")
        #expect(run.status <= 1, "\(run.stderr)")
        let method = try read(out.appendingPathComponent("metode.html"))
        #expect(method.contains("<td class=\"num\">0,111</td>"))
        #expect(!method.contains("0.111") && !method.contains("Community Satisfaction"))
        let (skm, r2) = try report("skm-2017")
        #expect(r2.status == 0, "\(r2.stderr)")
        // The formula in words, with one unit worked through: each unsur as 25 × 0,111111 × NRR.
        let worked = try read(skm.appendingPathComponent("metode.html"))
        #expect(worked.contains("Contoh perhitungan") && worked.contains("<td>25 × 0,111111 × "))
    }

    @Test func eachPeriodsIndexLeadsToThatPeriodsPages() throws {
        // The sample's SKM round has two periods (2023-S1, 2023-S2; each Ombudsman year now
        // answers its own instrument, so one period each).
        let (out, run) = try report("skm-2017")
        #expect(run.status == 0, "\(run.stderr)")
        let old = try read(out.appendingPathComponent("index-2023-S1.html"))
        let pageLinks = localLinks(old).filter { $0.hasPrefix("region/") || $0.hasPrefix("zone/") }
        #expect(!pageLinks.isEmpty)
        for link in pageLinks {
            #expect(link.hasPrefix("region/2023-S1/") || link.hasPrefix("zone/2023-S1/"), "\(link)")
        }
        let region = try read(out.appendingPathComponent("region/2023-S1/14.71.html"))
        #expect(region.contains("Periode 2023-S1"))
        // The period's own units lead to that period's pages (the follow-up list of units
        // without a plan names every period, each leading to its own pages).
        let unitLinks = localLinks(region).filter { $0.contains("unit/") && !$0.contains("print/") }
        #expect(unitLinks.contains { $0.hasPrefix("../../unit/2023-S1/") })
        for link in unitLinks { #expect(link.hasPrefix("../../unit/"), "\(link)") }
        // A unit page shows every period, each linked, with a change of category (mutu) marked.
        let units = try read(out.appendingPathComponent("units.csv")).split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        let bandOf = { (id: String, period: String) in
            units.first { $0.count > 8 && $0[0] == period && $0[1] == id }.map { String($0[7]) }
        }
        let changed = try #require(
            units.map { String($0[1]) }.first { id in
                bandOf(id, "2023-S1") != nil && bandOf(id, "2023-S2") != nil
                    && bandOf(id, "2023-S1") != bandOf(id, "2023-S2")
            })
        let page = try read(out.appendingPathComponent("unit/\(changed).html"))
        #expect(page.contains("href=\"../unit/2023-S1/\(changed).html\""))
        #expect(
            page.contains(
                "class=\"changed\">berubah: Mutu pelayanan \(bandOf(changed, "2023-S1") ?? "") → \(bandOf(changed, "2023-S2") ?? "")"
            ), "\(changed)")
        #expect(page.contains("<svg class=\"trend\""))
    }

    @Test func aRebuildIsByteIdenticalAndTheSampleSaysItIsSynthetic() throws {
        let epoch = ["SOURCE_DATE_EPOCH": "1700000000"]
        let (a, r1) = try report("ombudsman-opini-2022", environment: epoch)
        let (b, r2) = try report("ombudsman-opini-2022", environment: epoch)
        #expect(r1.status == 0 && r2.status == 0, "\(r1.stderr)")
        let first = try siteFiles(a)
        let second = try siteFiles(b)
        // Pages, CSVs and the evidence copies: the sample's photos are one placeholder image,
        // carried once since copies are named by content (143 files at the time of writing).
        #expect(first.count > 120)
        #expect(first == second, "differ: \(first.keys.filter { first[$0] != second[$0] }.sorted().prefix(5))")
        // 1700000000 is 14 November 2023 (UTC).
        let index = try read(a.appendingPathComponent("index.html"))
        #expect(index.contains("Dibuat dengan Patuh pada 14 November 2023"))
        #expect(index.contains("Rubrik: ") && index.contains("(ombudsman-opini-2022 2022.2, disusun ulang)"))
        for (page, data) in first where page.hasSuffix(".html") {
            #expect(
                String(decoding: data, as: UTF8.self).contains("DATA SINTETIS / SYNTHETIC DATA"),
                "\(page) has no synthetic banner")
        }
    }
}
