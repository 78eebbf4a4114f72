import Foundation
import Mustache
import PatuhCore

/// The static HTML site of a scored round: index, a page per region and per unit, the method.
public struct SiteBuilder: Sendable {
    public var result: RoundResult
    public var registry: Registry
    public var title: String
    /// Whether region pages and the index carry maps (Map/); off only to measure what they cost.
    public var drawsMaps = true
    let t: Strings
    let library: MustacheLibrary

    public init(result: RoundResult, registry: Registry, lang: String = "id", title: String? = nil) throws {
        self.result = result
        self.registry = registry
        t = Strings(lang: lang)
        self.title = title ?? result.rubric.title.text(t.lang)
        var library = MustacheLibrary()
        for name in ["head", "foot", "zone", "index", "region", "unit", "metode"] {
            library.register(try MustacheTemplate(string: try Self.resource("\(name).mustache")), named: name)
        }
        self.library = library
    }

    static func resource(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: "Templates/\(name)", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "missing template \(name)"])
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Every file of the site, handed to `write` one at a time (relative path, contents), so
    /// that a national site never sits in memory whole.
    public func writePages(_ write: @escaping @Sendable (String, String) throws -> Void) throws {
        try write("style.css", try Self.resource("style.css"))
        try write("patuh.js", try Self.resource("patuh.js"))
        let latest = result.periods.last ?? ""
        for period in result.periods {
            try write(period == latest ? "index.html" : "index-\(period).html", render("index", indexContext(period: period)))
        }
        // Each unit's latest result, as its position in `result.units` (sorted by period):
        // a copy of 24,000 results would be 20 MB more at the peak.
        var latestOf: [String: Int] = [:]
        for (i, u) in result.units.enumerated() { latestOf[u.unit.id] = i }
        let latestPositions = latestOf.keys.sorted().compactMap { latestOf[$0] }
        latestOf = [:]
        // Unit and region pages are independent: rendered on every core, each written whole
        // by its own worker. Which worker writes which page changes nothing in the files.
        let units = result.units
        try concurrently(latestPositions.count) { i in
            let u = units[latestPositions[i]]
            try write("unit/\(u.unit.id).html", render("unit", unitContext(u)))
        }
        let regions = registry.regions
        try concurrently(regions.count) { i in
            try write("region/\(regions[i].code).html", render("region", regionContext(regions[i], period: latest)))
        }
        try write("metode.html", render("metode", methodContext()))
    }

    func render(_ template: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    /// What every page needs.
    func base(root: String, pageTitle: String) -> [String: Any] {
        ["lang": t.lang, "t": t.all, "root": root, "siteTitle": title, "pageTitle": pageTitle,
         "rubricTitle": result.rubric.title.text(t.lang), "rubricID": result.rubric.id,
         "hasSurvey": result.rubric.hasSurveyIndicators, "hasBreakdown": result.rubric.isSurveyRubric]
    }

    func bandContext(_ band: Band?) -> Any {
        guard let band else { return false }
        return ["bandID": band.id + (band.label.isEmpty ? "" : " " + band.label.text(t.lang)),
                "zoneClass": band.zone?.rawValue ?? "none", "zoneName": band.zone.map { t[$0.rawValue] } ?? ""]
    }

    func scoreValue(_ x: Double?) -> String { x.map { NumberFormat.fixed($0, decimals: 2) } ?? "" }

    func indexContext(period: String) -> [String: Any] {
        var c = base(root: "", pageTitle: t["home"])
        c["period"] = period
        c["otherPeriods"] = result.periods.filter { $0 != period }.map { p in
            ["name": p, "file": p == result.periods.last ? "index.html" : "index-\(p).html"]
        }
        let units = result.units.filter { $0.period == period }
        let regions = result.regions.filter { $0.period == period && $0.score != nil }
        var keys: [Zone?] = Zone.allCases.map { Optional($0) }
        if units.contains(where: { $0.band?.zone == nil }) || regions.contains(where: { $0.band?.zone == nil }) { keys.append(nil) }
        var cards: [[String: Any]] = []
        var chartRows: [(String, Double, Double, String, String)] = []
        for zone in keys {
            let u = units.filter { $0.band?.zone == zone }.count
            let r = regions.filter { $0.band?.zone == zone }.count
            let label = zone.map { t[$0.rawValue] } ?? t["noZone"]
            cards.append(["zoneClass": zone?.rawValue ?? "none", "units": u, "regions": r, "label": label])
            chartRows.append(("\(label): \(t["units"])", Double(u), Double(max(units.count, 1)), Charts.color(zone), "\(u)"))
            chartRows.append(("\(label): \(t["regions"])", Double(r), Double(max(regions.count, 1)), Charts.color(zone), "\(r)"))
        }
        c["map"] = indexMap(period: period)
        c["zoneCards"] = cards
        c["chart"] = Charts.bars(chartRows.map { (label: $0.0, value: $0.1, max: $0.2, color: $0.3, text: $0.4) },
                                 title: t["zoneCounts"])
        c["rankings"] = RegionLevel.allCases.compactMap { level -> [String: Any]? in
            let rows = regions.filter { $0.region.level == level }.sorted { ($0.rankLevel ?? .max, $0.region.code) < ($1.rankLevel ?? .max, $1.region.code) }
            guard !rows.isEmpty else { return nil }
            return ["key": level.rawValue, "title": t[level.rawValue], "rows": rows.map { r -> [String: Any] in
                ["rank": r.rankLevel.map(String.init) ?? "", "rankValue": r.rankLevel ?? 0,
                 "link": "region/\(r.region.code).html", "name": r.region.name,
                 "score": t.number(r.score), "scoreValue": scoreValue(r.score), "band": bandContext(r.band),
                 "change": t.change(r.change), "changeValue": scoreValue(r.change), "units": r.unitCount]
            }]
        }
        return c
    }

    func regionContext(_ region: Region, period: String) -> [String: Any] {
        var c = base(root: "../", pageTitle: region.name)
        let row = result.regions.first { $0.region.code == region.code && $0.period == period }
        c["name"] = region.name
        c["code"] = region.code
        c["levelName"] = t[region.level.rawValue]
        c["period"] = period
        c["score"] = t.number(row?.score)
        c["band"] = bandContext(row?.band)
        c["rankLevel"] = row?.rankLevel.map(String.init) ?? false
        c["rankInParent"] = row?.rankInParent.map(String.init) ?? false
        if let parent = region.parentCode.flatMap(registry.region) {
            c["parent"] = ["link": "\(parent.code).html", "name": parent.name]
        }
        let points = row?.dimensionPoints ?? []
        c["hasDimensions"] = points.contains { $0 != nil }
        c["dimensionChart"] = dimensionChart(points)
        let unitIDs = Set(registry.unitsDirectly(in: region.code).map(\.id))
        let units = result.units.filter { $0.period == period && unitIDs.contains($0.unit.id) }
            .sorted { (-$0.score, $0.unit.id) < (-$1.score, $1.unit.id) }
        c["units"] = units.enumerated().map { i, u -> [String: Any] in
            ["position": i + 1, "link": "../unit/\(u.unit.id).html", "name": u.unit.name, "type": u.unit.type.rawValue,
             "score": t.number(u.score), "scoreValue": scoreValue(u.score), "band": bandContext(u.band),
             "change": t.change(u.change), "changeValue": scoreValue(u.change)]
        }
        let subs = result.regions.filter { $0.period == period && $0.region.parentCode == region.code }
            .sorted { ($0.rankInParent ?? .max, $0.region.code) < ($1.rankInParent ?? .max, $1.region.code) }
        c["hasSubregions"] = !subs.isEmpty
        c["subregions"] = subs.map { r -> [String: Any] in
            ["rank": r.rankInParent.map(String.init) ?? "", "rankValue": r.rankInParent ?? 0, "link": "\(r.region.code).html",
             "name": r.region.name, "score": t.number(r.score), "scoreValue": scoreValue(r.score), "band": bandContext(r.band)]
        }
        c["map"] = regionMap(region, period: period)
        c["history"] = result.regions.filter { $0.region.code == region.code }.map { r -> [String: Any] in
            ["period": r.period, "score": t.number(r.score), "band": bandContext(r.band), "change": t.change(r.change)]
        }
        return c
    }

    /// Points per dimension against each dimension's maximum.
    func dimensionChart(_ points: [Double?]) -> String {
        let rubric = result.rubric
        let present = rubric.dimensions.indices.filter { $0 < points.count && points[$0] != nil }
        let totalWeight = present.reduce(0) { $0 + rubric.dimensions[$1].weight }
        let rows = present.map { d -> (label: String, value: Double, max: Double, color: String, text: String) in
            let dimension = rubric.dimensions[d]
            let maxPoints: Double
            switch rubric.model {
            case .normalized(let scale): maxPoints = totalWeight > 0 ? scale * dimension.weight / totalWeight : 0
            case .linear(let factor): maxPoints = factor * dimension.indicators.reduce(0) { $0 + $1.weight * $1.max }
            }
            let value = points[d] ?? 0
            let label = dimension.title.isEmpty ? dimension.id : dimension.title.text(t.lang)
            return (label, value, maxPoints, "#1a73e8", "\(t.number(value)) / \(t.number(maxPoints))")
        }
        return Charts.bars(rows, title: t["dimensions"])
    }
}
