import PatuhCore

extension SiteBuilder {
    /// A period's home page: the legend, a card per zone (or category) leading to its list,
    /// the counts as numbers and percentages, the rankings, every top-level region.
    func indexContext(period: String) -> [String: Any] {
        let path = paths.index(period)
        var c = base(path: path, pageTitle: t["home"])
        c["period"] = period
        c["hasResults"] = !period.isEmpty
        c["showRubricTitle"] = title != result.rubric.title.text(t.lang)
        c["otherPeriods"] = result.periods.filter { $0 != period }.map { ["name": $0, "file": paths.index($0)] }
        c["legend"] = frame.legend()
        c["map"] = indexMap(period: period)
        c["scaleRange"] = "\(t.number(result.rubric.bottom))–\(t.number(result.rubric.top))"
        c["zoneLegend"] = frame.hasZones
        let units = (index.unitsOfPeriod[period] ?? []).map { result.units[$0] }
        let regions = (index.regionsOfPeriod[period] ?? []).map { result.regions[$0] }.filter { $0.score != nil }
        var cards: [[String: Any]] = []
        var unitBars: [Charts.Bar] = []
        var regionBars: [Charts.Bar] = []
        for group in frame.groups() {
            let u = units.filter { group.matches($0.band) }.count
            let r = regions.filter { group.matches($0.band) }.count
            cards.append([
                "label": group.label, "color": group.color, "link": paths.group(group.key, period),
                "units": t.count(u), "unitShare": t.percent(u, of: units.count),
                "regions": t.count(r), "regionShare": t.percent(r, of: regions.count)
            ])
            unitBars.append(
                Charts.Bar(
                    label: group.label, value: Double(u), max: Double(max(units.count, 1)), color: group.color,
                    text: "\(t.count(u)) (\(t.percent(u, of: units.count)))"))
            regionBars.append(
                Charts.Bar(
                    label: group.label, value: Double(r), max: Double(max(regions.count, 1)), color: group.color,
                    text: "\(t.count(r)) (\(t.percent(r, of: regions.count)))"))
        }
        c["cards"] = cards
        c["unitChart"] = Charts.bars(unitBars, title: "\(t["units"]) (\(t.count(units.count)))")
        c["regionChart"] = Charts.bars(regionBars, title: "\(t["regions"]) (\(t.count(regions.count)))")
        c["rankings"] = RegionLevel.allCases.compactMap { level -> [String: Any]? in
            let rows = regions.filter { $0.region.level == level }
                .sorted { ($0.rankLevel ?? .max, $0.region.code) < ($1.rankLevel ?? .max, $1.region.code) }
            guard !rows.isEmpty else { return nil }
            return [
                "key": level.rawValue, "title": t[level.rawValue],
                "rows": rows.map { r -> [String: Any] in
                    [
                        "rank": r.rankLevel.map(String.init) ?? "", "rankValue": r.rankLevel ?? 0,
                        "link": paths.region(r.region.code, period), "name": r.region.name,
                        "score": t.number(r.score), "scoreValue": scoreValue(r.score), "band": frame.badge(r.band),
                        "change": t.change(r.change), "changeValue": scoreValue(r.change), "units": r.unitCount
                    ]
                }
            ]
        }
        c["allRegions"] = registry.regions.filter { $0.parentCode == nil }.map { r -> [String: Any] in
            ["link": paths.region(r.code, period), "name": r.name]
        }
        return c
    }

    /// The provinsi (top region) a region code lies in, or the code itself when unknown.
    func provinsi(of code: String) -> String { provinsiOfRegion[code] ?? code }

    /// `provinsi(of:)` of every region of `registry`, found once for the site (the zone pages
    /// of a national round ask it for every unit of every provinsi page).
    static func provinsiOfRegions(_ registry: Registry) -> [String: String] {
        var found: [String: String] = [:]
        for region in registry.regions {
            var current = region.code
            var seen: Set<String> = []
            while let r = registry.region(current), let parent = r.parentCode, seen.insert(current).inserted {
                current = parent
            }
            found[region.code] = current
        }
        return found
    }

    /// The page of one zone's units in one provinsi, when the zone's page is split.
    func groupPath(_ key: String, provinsi: String?, _ period: String) -> String {
        guard let provinsi else { return paths.group(key, period) }
        return paths.group(key + "-" + PagePaths.safe(provinsi), period)
    }

    /// The provinsi whose units get a page of their own for `group` (none when the zone's page
    /// lists at most `options.groupPageLimit` units, as a national corpus's page would not).
    func splitProvinces(
        _ group: (key: String, label: String, color: String, matches: @Sendable (Band?) -> Bool),
        period: String
    ) -> [String] {
        let all = result.units
        let units = (index.unitsOfPeriod[period] ?? []).filter { group.matches(all[$0].band) }
        guard units.count > options.groupPageLimit else { return [] }
        return Set(units.map { provinsi(of: all[$0].unit.regionCode) }).sorted()
    }

    /// Every unit and every pemda of one zone (or category) in a period; with `provinsi`, only
    /// that provinsi's. A zone with more units than `options.groupPageLimit` lists its
    /// provinsi instead, each linking to its own page.
    func groupContext(
        _ group: (key: String, label: String, color: String, matches: @Sendable (Band?) -> Bool),
        period: String, path: String, provinsi only: String? = nil
    ) -> [String: Any] {
        let provinceName = only.map { registry.region($0)?.name ?? $0 }
        let label = provinceName.map { group.label + " · " + $0 } ?? group.label
        var c = base(path: path, pageTitle: label)
        let root = PagePaths.root(of: path)
        c["label"] = label
        c["period"] = period
        c["home"] = root + paths.index(period)
        // Positions in `result.units`: a page lists a few of a national round's units, and
        // copying each `UnitResult` out to filter them was most of the zone pages' cost.
        let all = result.units
        let units = (index.unitsOfPeriod[period] ?? []).filter { i in
            group.matches(all[i].band) && (only.map { provinsi(of: all[i].unit.regionCode) == $0 } ?? true)
        }
        .sorted { (-all[$0].score, all[$0].unit.id) < (-all[$1].score, all[$1].unit.id) }
        if only == nil, units.count > options.groupPageLimit {
            var counts: [String: Int] = [:]
            for i in units { counts[provinsi(of: all[i].unit.regionCode), default: 0] += 1 }
            c["split"] = true
            c["provinces"] = counts.keys.sorted().map { p -> [String: Any] in
                [
                    "link": root + groupPath(group.key, provinsi: p, period), "name": registry.region(p)?.name ?? p,
                    "count": counts[p] ?? 0
                ]
            }
        } else {
            c["units"] = units.map { i -> [String: Any] in
                let u = all[i]
                return [
                    "link": root + paths.unit(u.unit.id, period), "name": u.unit.name, "type": t.unitType(u.unit.type),
                    "region": registry.region(u.unit.regionCode)?.name ?? u.unit.regionCode,
                    "score": t.number(u.score), "scoreValue": scoreValue(u.score),
                    "band": frame.badge(u, rubric: result.rubric)
                ]
            }
        }
        if only != nil {
            c["zoneLink"] = root + paths.group(group.key, period)
            c["zoneLabel"] = group.label
        }
        c["unitCount"] = units.count
        let regions = (index.regionsOfPeriod[period] ?? []).map { result.regions[$0] }
            .filter { $0.score != nil && group.matches($0.band) }
            .filter { r in only.map { provinsi(of: r.region.code) == $0 } ?? true }
            .sorted { (-($0.score ?? 0), $0.region.code) < (-($1.score ?? 0), $1.region.code) }
        c["regions"] = regions.map { r -> [String: Any] in
            [
                "link": root + paths.region(r.region.code, period), "name": r.region.name,
                "level": t[r.region.level.rawValue],
                "score": t.number(r.score), "scoreValue": scoreValue(r.score), "band": frame.badge(r.band)
            ]
        }
        c["regionCount"] = regions.count
        return c
    }
}
