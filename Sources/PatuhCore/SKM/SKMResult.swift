/// One unsur (survey indicator) of a unit's SKM result, as the regulation's tables show it
/// (PermenPANRB 14/2017): its NRR, the NRR weighted by its bobot, and its own IKM (NRR × 25).
public struct SKMUnsur: Hashable, Sendable {
    /// Position in `Rubric.indicators`.
    public var indicatorIndex: Int
    public var id: String
    /// Sum of answers / respondents who answered; `nil` when nobody did.
    public var nrr: Double?
    /// The rubric's bobot: exactly 1/9 in `skm-2017`, 0.111 in `skm-2017-bobot-0111`.
    public var weight: Double
    /// NRR × bobot (NRR tertimbang).
    public var weighted: Double? { nrr.map { $0 * weight } }
    /// NRR × the rubric's factor (25): the unsur on the IKM's 25–100 scale.
    public var ikm: Double?

    public init(indicatorIndex: Int, id: String, nrr: Double?, weight: Double, ikm: Double?) {
        self.indicatorIndex = indicatorIndex
        self.id = id
        self.nrr = nrr
        self.weight = weight
        self.ikm = ikm
    }
}

/// One line of the respondent profile: a group of one dimension, or those who left it out.
public struct ProfileLine: Hashable, Sendable {
    public var dimension: BreakdownDimension
    /// The group's value (`L`, `26-35`, `SMA`); `nil` for respondents who did not say.
    public var value: String?
    public var count: Int
    /// The share of the unit's respondents in hundredths of a percent (3333 = 33,33 %); the
    /// shares of one dimension add up to exactly 10000 (largest remainders).
    public var percentHundredths: Int

    /// The share as a percentage.
    public var percent: Double { Double(percentHundredths) / 100 }

    public init(dimension: BreakdownDimension, value: String?, count: Int, percentHundredths: Int) {
        self.dimension = dimension
        self.value = value
        self.count = count
        self.percentHundredths = percentHundredths
    }
}

/// A unit's IKM in one period, for the trend.
public struct SKMTrendPoint: Hashable, Sendable {
    public var period: String
    public var respondents: Int
    public var ikm: Double
    public var band: Band?

    public init(period: String, respondents: Int, ikm: Double, band: Band?) {
        self.period = period
        self.respondents = respondents
        self.ikm = ikm
        self.band = band
    }
}

/// The Krejcie–Morgan check of a unit's respondents against its service users.
public struct SampleCheck: Hashable, Sendable {
    public var population: Int
    public var required: Int
    public var respondents: Int
    public var met: Bool { respondents >= required }

    public init(population: Int, respondents: Int) {
        self.population = population
        self.respondents = respondents
        required = SampleSize.krejcieMorgan(population: population)
    }
}

/// Everything a unit's SKM report states for one period (PermenPANRB 14/2017): respondents,
/// NRR, NRR tertimbang and IKM per unsur, the IKM with its mutu (A–D) and kinerja (Sangat
/// Baik … Tidak Baik), the respondent profile, the lowest and highest unsur, the trend and the
/// sample check.
public struct SKMResult: Hashable, Sendable {
    public var unit: ServiceUnit
    public var period: String
    public var respondents: Int
    /// In rubric order.
    public var unsur: [SKMUnsur]
    /// The rubric's factor (25).
    public var factor: Double
    /// IKM = factor × Σ NRR tertimbang.
    public var ikm: Double
    /// The grade: its id is the mutu pelayanan (A–D), its label the kinerja unit.
    public var band: Band?
    public var profile: [ProfileLine]
    /// Up to three positions in `unsur`, lowest NRR first (ties: rubric order).
    public var lowest: [Int]
    /// The position in `unsur` of the highest NRR (ties: rubric order).
    public var highest: Int?
    /// Every period the unit was surveyed in, in period order (this one included).
    public var trend: [SKMTrendPoint]
    public var sample: SampleCheck?

    /// Σ NRR × bobot over the unsur answered.
    public var weightedSum: Double { unsur.reduce(0) { $0 + ($1.weighted ?? 0) } }
}

extension SKMResult {
    /// The profile dimensions a report shows, in the order it shows them.
    public static let profileDimensions: [BreakdownDimension] = [.gender, .age, .education, .occupation]

    /// The SKM result of `result` (a unit scored on its survey), or `nil` when the rubric is
    /// not an SKM (a linear survey rubric) or the unit was not scored on a survey.
    /// - Parameters:
    ///   - survey: the unit's pooled survey summary in the period (for the profile).
    ///   - history: the unit's results in every period of the round (for the trend).
    public static func make(
        rubric: Rubric, result: UnitResult, survey: SurveySummary?,
        history: [UnitResult]
    ) -> SKMResult? {
        guard rubric.isSurveyRubric, case .linear(let factor) = rubric.model, result.basis == .survey,
            !result.indicators.isEmpty
        else { return nil }
        let unsur = rubric.indicators.indices.map { i -> SKMUnsur in
            let nrr = result.indicators[i].value
            return SKMUnsur(
                indicatorIndex: i, id: rubric.indicators[i].id, nrr: nrr,
                weight: rubric.indicators[i].weight, ikm: nrr.map { $0 * factor })
        }
        let answered = unsur.indices.filter { unsur[$0].nrr != nil }
        let ascending = answered.sorted { (unsur[$0].nrr ?? 0, $0) < (unsur[$1].nrr ?? 0, $1) }
        let highest = answered.max { (unsur[$0].nrr ?? 0, -$0) < (unsur[$1].nrr ?? 0, -$1) }
        let respondents = result.respondents ?? 0
        let trend = history.filter { $0.unit.id == result.unit.id && $0.basis == .survey }
            .sorted { $0.period < $1.period }
            .map { SKMTrendPoint(period: $0.period, respondents: $0.respondents ?? 0, ikm: $0.score, band: $0.band) }
        return SKMResult(
            unit: result.unit, period: result.period, respondents: respondents, unsur: unsur,
            factor: factor, ikm: result.score, band: result.band,
            profile: profile(survey?.breakdown ?? [:], respondents: respondents),
            lowest: Array(ascending.prefix(3)), highest: highest, trend: trend,
            sample: result.sampleCheck(under: rubric))
    }

    /// Counts and shares per group of each profile dimension, with a line for respondents who
    /// gave no value (whenever there are any), so that every dimension adds up to all.
    public static func profile(_ breakdown: [BreakdownKey: SurveyTally], respondents: Int) -> [ProfileLine] {
        var lines: [ProfileLine] = []
        for dimension in profileDimensions {
            let groups = breakdown.keys.filter { $0.dimension == dimension }.sorted {
                groupOrder($0.value, $1.value, dimension)
            }
            var counts: [(String?, Int)] = groups.map { ($0.value, breakdown[$0]?.respondents ?? 0) }
            let stated = counts.reduce(0) { $0 + $1.1 }
            if respondents > stated { counts.append((nil, respondents - stated)) }
            let shares = largestRemainder(counts.map(\.1), total: 10_000)
            for (k, (value, count)) in counts.enumerated() {
                lines.append(
                    ProfileLine(dimension: dimension, value: value, count: count, percentHundredths: shares[k]))
            }
        }
        return lines
    }

    /// Age bands in age order, other groups by name.
    static func groupOrder(_ a: String, _ b: String, _ dimension: BreakdownDimension) -> Bool {
        guard dimension == .age else { return a < b }
        func rank(_ s: String) -> Int { s.hasPrefix("<") ? -1 : Int(s.prefix(2)) ?? 999 }
        return (rank(a), a) < (rank(b), b)
    }

    /// Splits `total` in proportion to `counts` in whole units that add up to exactly
    /// `total` (Hamilton's method: floors first, then one more to the largest remainders,
    /// earlier lines first on a tie). All zeros when the counts are.
    public static func largestRemainder(_ counts: [Int], total: Int) -> [Int] {
        let sum = counts.reduce(0, +)
        guard sum > 0 else { return counts.map { _ in 0 } }
        var shares = counts.map { $0 * total / sum }
        let remainders = counts.map { $0 * total % sum }
        var left = total - shares.reduce(0, +)
        for k in counts.indices.sorted(by: { (remainders[$0], -$0) > (remainders[$1], -$1) }) where left > 0 {
            shares[k] += 1
            left -= 1
        }
        return shares
    }
}
