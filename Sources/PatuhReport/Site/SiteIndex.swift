import PatuhCore

/// Each unit's and region's results, found by id once for the whole site: a page looks up
/// its own rows instead of scanning every result (a national site has 24,000 unit pages and
/// 48,000 unit results; a scan per page made the report grow with regions × units).
struct SiteIndex: Sendable {
    /// Positions in `RoundResult.units`, in period order, by unit id.
    let unitRows: [String: [Int]]
    /// Positions in `RoundResult.regions`, in period order, by region code.
    let regionRows: [String: [Int]]
    /// Positions in `RoundResult.units` and `.regions` of each period.
    let unitsOfPeriod: [String: [Int]]
    let regionsOfPeriod: [String: [Int]]

    init(_ result: RoundResult) {
        var units: [String: [Int]] = [:]
        var regions: [String: [Int]] = [:]
        var unitsByPeriod: [String: [Int]] = [:]
        var regionsByPeriod: [String: [Int]] = [:]
        for (i, u) in result.units.enumerated() {
            units[u.unit.id, default: []].append(i)
            unitsByPeriod[u.period, default: []].append(i)
        }
        for (i, r) in result.regions.enumerated() {
            regions[r.region.code, default: []].append(i)
            regionsByPeriod[r.period, default: []].append(i)
        }
        unitRows = units
        regionRows = regions
        unitsOfPeriod = unitsByPeriod
        regionsOfPeriod = regionsByPeriod
    }

    /// The unit's result in `period`, if it was scored then.
    func unit(_ id: String, _ period: String, in result: RoundResult) -> UnitResult? {
        unitRows[id]?.lazy.map { result.units[$0] }.first { $0.period == period }
    }

    func region(_ code: String, _ period: String, in result: RoundResult) -> RegionResult? {
        regionRows[code]?.lazy.map { result.regions[$0] }.first { $0.period == period }
    }

    /// Every result of the unit, oldest period first.
    func history(ofUnit id: String, in result: RoundResult) -> [UnitResult] {
        (unitRows[id] ?? []).map { result.units[$0] }
    }

    func history(ofRegion code: String, in result: RoundResult) -> [RegionResult] {
        (regionRows[code] ?? []).map { result.regions[$0] }
    }
}
