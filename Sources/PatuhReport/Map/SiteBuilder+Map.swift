import PatuhCore

/// The maps of the site: a province's kabupaten/kota on its page, every kabupaten/kota of
/// the round on the index. Hooked into the pages by `regionContext` and `indexContext`.
extension SiteBuilder {
    /// Levels drawn on the maps.
    static let mappedLevels: Set<RegionLevel> = [.kabupaten, .kota]

    /// The map of a province page (its kabupaten/kota); empty for other regions.
    func regionMap(_ region: Region, period: String) -> String {
        guard drawsMaps, region.level == .provinsi else { return "" }
        let children = registry.regions.filter { $0.parentCode == region.code && Self.mappedLevels.contains($0.level) }
        guard !children.isEmpty else { return "" }
        let caption = MapWords.format("provinceCaption", lang: t.lang, region.name, period, mapCriterion)
        // Region pages are siblings: the same folder.
        return choropleth(children, period: period, caption: caption) { "\($0.code).html" }.html()
    }

    /// The map of the index: every kabupaten/kota in the registry.
    func indexMap(period: String) -> String {
        let regions = registry.regions.filter { Self.mappedLevels.contains($0.level) }
        guard drawsMaps, !regions.isEmpty else { return "" }
        let caption = MapWords.format("indexCaption", lang: t.lang, period, mapCriterion)
        // Links from the site root.
        return choropleth(regions, period: period, caption: caption) { paths.region($0.code, period) }.html()
    }

    /// A warning for each kabupaten/kota of the registry that has no boundary to draw.
    public func mapWarnings() -> [Diagnostic] {
        guard drawsMaps else { return [] }
        let shapes = Boundaries.kabkota
        return registry.regions.filter { Self.mappedLevels.contains($0.level) && shapes[$0.code] == nil }.map {
            .warning(
                $0.location,
                id: "wilayah \($0.code) (\($0.name)) tidak punya batas wilayah untuk peta; dicantumkan di bawah peta",
                en:
                    "region \($0.code) (\($0.name)) has no boundary and is listed under the map instead / tidak ada batas wilayah untuk peta"
            )
        }
    }

    var mapCriterion: String {
        let byZone = !result.rubric.bands.isEmpty && result.rubric.bands.allSatisfy { $0.zone != nil }
        return MapWords.text(byZone ? "byZone" : "byBand", lang: t.lang)
    }

    func choropleth(_ regions: [Region], period: String, caption: String, link: (Region) -> String) -> ChoroplethMap {
        var rows: [String: RegionResult] = [:]
        for r in result.regions where r.period == period { rows[r.region.code] = r }
        let entries = regions.map { region in
            ChoroplethMap.Entry(
                code: region.code, name: region.name, link: link(region),
                score: rows[region.code]?.score, band: rows[region.code]?.band)
        }
        let bands = result.rubric.bands.sorted { $0.min > $1.min }
        return ChoroplethMap(entries: entries, bands: bands, caption: caption, t: t)
    }
}
