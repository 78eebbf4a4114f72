import PatuhCore

extension SiteBuilder {
    /// A region in a period: its score, ranks, every unit registered in it (scored or not),
    /// every sub-region, and every period it has.
    func regionContext(_ region: Region, period: String, path: String) -> [String: Any] {
        var c = base(path: path, pageTitle: region.name)
        let root = PagePaths.root(of: path)
        let row = index.region(region.code, period, in: result)
        c["name"] = region.name
        c["code"] = region.code
        c["home"] = root + paths.index(period)
        c["levelName"] = t[region.level.rawValue]
        c["period"] = period
        c["score"] = t.number(row?.score)
        c["band"] = frame.badge(row?.band)
        var ranks: [String] = []
        if let r = row?.rankLevel {
            ranks.append(
                "\(t["rank"]) \(r) \(t["rankOf"]) \(rankedCount["\(period)|\(region.level.rawValue)"] ?? 0) \(t[region.level.rawValue].lowercased())"
            )
        }
        if let r = row?.rankInParent, let parent = region.parentCode.flatMap(registry.region) {
            let siblings = registry.subregions(of: parent.code).filter {
                index.region($0.code, period, in: result)?.rankInParent != nil
            }.count
            ranks.append("\(r) \(t["rankOf"]) \(siblings) \(t["within"]) \(parent.name)")
        }
        c["ranks"] = ranks.isEmpty ? false : ranks.joined(separator: " · ")
        if let parent = region.parentCode.flatMap(registry.region) {
            c["parent"] = ["link": root + paths.region(parent.code, period), "name": parent.name]
        }
        let points = row?.dimensionPoints ?? []
        c["hasDimensions"] = !result.rubric.hasOnlyImplicitDimension && points.contains { $0 != nil }
        c["dimensionChart"] = dimensionChart(points)
        let own: [(unit: ServiceUnit, result: UnitResult?)] = registry.unitsDirectly(in: region.code).map {
            ($0, index.unit($0.id, period, in: result))
        }
        let ranked = own.sorted { a, b in
            let x = a.result?.score ?? -Double.infinity
            let y = b.result?.score ?? -Double.infinity
            return x != y ? x > y : a.unit.id < b.unit.id
        }
        c["units"] = ranked.map { unitRow($0.unit, $0.result, period: period, root: root) }
        let subs = registry.subregions(of: region.code).map { ($0, index.region($0.code, period, in: result)) }
            .sorted { a, b in (a.1?.rankInParent ?? .max, a.0.code) < (b.1?.rankInParent ?? .max, b.0.code) }
        c["hasSubregions"] = !subs.isEmpty
        c["subregions"] = subs.map { sub, r -> [String: Any] in
            [
                "rank": r?.rankInParent.map(String.init) ?? "", "rankValue": r?.rankInParent ?? 0,
                "link": root + paths.region(sub.code, period), "name": sub.name, "level": t[sub.level.rawValue],
                "score": t.number(r?.score), "scoreValue": scoreValue(r?.score), "band": frame.badge(r?.band)
            ]
        }
        c["history"] = history(
            index.history(ofRegion: region.code, in: result).map { ($0.period, $0.score, $0.band, $0.change) },
            current: period, root: root
        ) { paths.region(region.code, $0) }
        c["skmRecap"] = skmRecapSection(region, period: period)
        c["map"] = regionMap(region, period: period)
        c["followupRegion"] = followupRegionSection(region)
        return c
    }

    func unitRow(_ unit: ServiceUnit, _ u: UnitResult?, period: String, root: String) -> [String: Any] {
        let link: Any = u == nil ? false : root + paths.unit(unit.id, period)
        return [
            "link": link, "name": unit.name, "type": t.unitType(unit.type),
            "score": t.number(u?.score), "scoreValue": scoreValue(u?.score),
            "band": u.map { frame.badge($0, rubric: result.rubric) } ?? frame.badge(nil),
            "change": t.change(u?.change), "changeValue": scoreValue(u?.change)
        ]
    }

    /// Every period of a unit or region: a table with changes of category or zone marked,
    /// and a small trend line.
    func history(
        _ rows: [(period: String, score: Double?, band: Band?, change: Double?)], current: String, root: String,
        page: (String) -> String
    ) -> Any {
        guard !rows.isEmpty else { return false }
        var previous: Band?
        var out: [[String: Any]] = []
        for (i, row) in rows.enumerated() {
            var changed: Any = false
            if i > 0, let before = previous, let now = row.band {
                if frame.hasZones, before.zone != now.zone {
                    changed =
                        "\(t["zone"]) \(before.zone.map { t[$0.rawValue].lowercased() } ?? "–") → \(now.zone.map { t[$0.rawValue].lowercased() } ?? "–")"
                } else if before.id != now.id {
                    changed = "\(frame.bandTerm) \(before.id) → \(now.id)"
                }
            }
            previous = row.band
            out.append([
                "period": row.period, "link": row.period == current ? false : root + page(row.period),
                "score": t.number(row.score), "band": frame.badge(row.band), "change": t.change(row.change),
                "changed": changed
            ])
        }
        let rubric = result.rubric
        return [
            "rows": out,
            "trend": Charts.trend(
                rows.map(\.score), low: rubric.bottom, high: rubric.top, color: "#1a73e8",
                title: "\(t["trend"]): " + rows.map { "\($0.period) \(t.number($0.score))" }.joined(separator: ", "))
        ]
    }

    /// Points per dimension against each dimension's maximum.
    func dimensionChart(_ points: [Double?]) -> String {
        let rubric = result.rubric
        let maxima = rubric.dimensionMaxima(
            present: rubric.dimensions.indices.map { $0 < points.count && points[$0] != nil })
        let bars = rubric.dimensions.indices.compactMap { d -> Charts.Bar? in
            guard let maxPoints = maxima[d], let value = points[d] else { return nil }
            return Charts.Bar(
                label: frame.dimensionName(rubric.dimensions[d]), value: value, max: maxPoints, color: "#1a73e8",
                text: "\(t.number(value)) / \(t.number(maxPoints))")
        }
        return Charts.bars(bars, title: t["dimensions"])
    }
}
