/// Region scores and ranks from unit scores (docs/FORMATS.md, "CSV outputs").
struct RegionRollUp {
    var rubric: Rubric
    var registry: Registry

    /// One row per region per period, in period then registry order.
    func regions(periods: [String], unit result: (UnitPeriod) -> UnitResult?) -> [RegionResult] {
        var all: [RegionResult] = []
        var previous: [String: Double] = [:]
        for period in periods {
            var rows = registry.regions.map { region -> RegionResult in
                // Only the units registered directly in the region: a province is scored on
                // its own OPDs, not on its kabupaten.
                // K/L units (a ministry's, an agency's, an instansi vertikal) are not the
                // pemda's own: out of its score unless the rubric counts them.
                let scored = registry.unitsDirectly(in: region.code)
                    .filter { rubric.klInPemda || $0.authority == nil }
                    .compactMap { result(UnitPeriod(unit: $0.id, period: period)) }
                let score = mean(scored.map(\.score))
                let points = rubric.dimensions.indices.map { d in mean(scored.compactMap { $0.dimensionPoints[d] }) }
                return RegionResult(
                    region: region, period: period, score: score,
                    band: score.flatMap { rubric.band(for: $0) }, unitCount: scored.count,
                    dimensionPoints: points, rankLevel: nil, rankInParent: nil,
                    change: nil)
            }
            rank(&rows, groupedBy: { $0.region.level.rawValue }, into: \.rankLevel)
            rank(&rows, groupedBy: { $0.region.parentCode ?? "" }, into: \.rankInParent)
            for i in rows.indices {
                guard let score = rows[i].score else { continue }
                if let before = previous[rows[i].region.code] {
                    rows[i].change = Rounding.round2(score) - Rounding.round2(before)
                }
            }
            previous = [:]
            for row in rows { if let s = row.score { previous[row.region.code] = s } }
            all += rows
        }
        return all
    }

    private func rank(
        _ rows: inout [RegionResult], groupedBy key: (RegionResult) -> String,
        into path: WritableKeyPath<RegionResult, Int?>
    ) {
        var groups: [String: [Int]] = [:]
        for (i, row) in rows.enumerated() { groups[key(row), default: []].append(i) }
        for members in groups.values {
            let ranks = Ranking.competition(members.map { rows[$0].score })
            for (m, r) in zip(members, ranks) { rows[m][keyPath: path] = r }
        }
    }
}
