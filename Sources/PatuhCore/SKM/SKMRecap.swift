/// One surveyed unit in a pemda's SKM recap.
public struct SKMRecapRow: Hashable, Sendable {
    public var unit: ServiceUnit
    public var respondents: Int
    public var ikm: Double
    public var band: Band?
    /// The unit's lowest unsur (ties: rubric order).
    public var lowest: SKMUnsur?
    /// Every unsur of the unit, in rubric order.
    public var unsur: [SKMUnsur]

    public init(
        unit: ServiceUnit, respondents: Int, ikm: Double, band: Band?, lowest: SKMUnsur?, unsur: [SKMUnsur] = []
    ) {
        self.unit = unit
        self.respondents = respondents
        self.ikm = ikm
        self.band = band
        self.lowest = lowest
        self.unsur = unsur
    }
}

/// A pemda's SKM recap for one period: every surveyed unit of its own (registered in the
/// region, MPP tenants included) with its IKM, mutu and lowest unsur, and the pemda's figure.
///
/// The pemda's figure is the **mean of its units' IKMs**, each unit counting once.
/// PermenPANRB 14/2017 defines the survey, the NRR and the IKM per *unit penyelenggara
/// pelayanan*; it gives no formula for a pemda (none was found in the regulation or its published guides), and the
/// practice of evaluators is to assess units and average them, which is also how
/// `regions.csv` scores a region (docs/FORMATS.md, "CSV outputs"). Weighting by respondents would let one
/// large unit outweigh the rest, and respondent counts follow the Krejcie–Morgan sample, not
/// the service's reach. The respondent-weighted mean (Σ n·IKM / Σ n) is given beside it, for
/// comparison only.
public struct SKMRecap: Hashable, Sendable {
    public var region: Region
    public var period: String
    /// Units by IKM, highest first (ties: unit id).
    public var rows: [SKMRecapRow]

    /// The pemda's IKM: the mean of its units' IKMs; `nil` without a surveyed unit.
    public var meanIKM: Double? {
        rows.isEmpty ? nil : rows.reduce(0) { $0 + $1.ikm } / Double(rows.count)
    }

    /// Σ respondents × IKM / Σ respondents, for comparison.
    public var respondentWeightedIKM: Double? {
        let n = rows.reduce(0) { $0 + $1.respondents }
        return n == 0 ? nil : rows.reduce(0) { $0 + Double($1.respondents) * $1.ikm } / Double(n)
    }

    public var respondents: Int { rows.reduce(0) { $0 + $1.respondents } }

    /// The mean over the units of the NRR of the unsur at position `k` (units that have it).
    public func meanNRR(_ k: Int) -> Double? {
        let values = rows.compactMap { k < $0.unsur.count ? $0.unsur[k].nrr : nil }
        return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// How many units have the unsur at position `k` as their lowest.
    public func lowestCount(_ k: Int) -> Int {
        rows.filter { $0.lowest?.indicatorIndex == k }.count
    }

    /// The recap of `region` in `period` from a round's unit results; `nil` when the rubric
    /// is not an SKM.
    public static func make(rubric: Rubric, region: Region, period: String, units: [UnitResult]) -> SKMRecap? {
        guard rubric.isSurveyRubric, case .linear = rubric.model else { return nil }
        let rows = units.filter { $0.period == period && $0.unit.regionCode == region.code }
            .compactMap { u -> SKMRecapRow? in
                guard let skm = SKMResult.make(rubric: rubric, result: u, survey: nil, history: []) else { return nil }
                return SKMRecapRow(
                    unit: u.unit, respondents: skm.respondents, ikm: skm.ikm, band: skm.band,
                    lowest: skm.lowest.first.map { skm.unsur[$0] }, unsur: skm.unsur)
            }
            .sorted { (-Rounding.cents($0.ikm), $0.unit.id) < (-Rounding.cents($1.ikm), $1.unit.id) }
        return SKMRecap(region: region, period: period, rows: rows)
    }
}
