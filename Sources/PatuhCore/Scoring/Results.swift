/// A unit in a period: the key of every per-unit result.
public struct UnitPeriod: Hashable, Sendable, Comparable {
    public var unitID: String
    public var period: String

    public init(unit unitID: String, period: String) {
        self.unitID = unitID
        self.period = period
    }

    /// By period, then unit id.
    public static func < (a: Self, b: Self) -> Bool { (a.period, a.unitID) < (b.period, b.unitID) }
}

/// How a unit's score was arrived at.
public enum ScoreBasis: String, Sendable, Hashable {
    /// The mean of its own assessments' totals.
    case assessments
    /// Survey responses alone (an SKM rubric).
    case survey
    /// The mean of its child units' scores (an MPP from its tenants).
    case children
}

/// One indicator of one unit in one period, as `indicators.csv` lists it.
public struct IndicatorResult: Hashable, Sendable {
    public var indicatorIndex: Int
    /// The mean value over the unit's assessments (the NRR for a survey indicator);
    /// `nil` when not applicable everywhere.
    public var value: Double?
    /// In how many assessments the answer was missing and counted as `min`.
    public var missingCount: Int

    public init(indicatorIndex: Int, value: Double?, missingCount: Int) {
        self.indicatorIndex = indicatorIndex
        self.value = value
        self.missingCount = missingCount
    }
}

/// A unit's indicator results, parallel to `Rubric.indicators`, stored compactly: a
/// national round holds tens of thousands of units with some thirty indicators each.
public struct IndicatorResults: RandomAccessCollection, Hashable, Sendable {
    /// NaN where the indicator was not applicable.
    private var values: [Double] = []
    /// Empty when no answer was missing.
    private var missing: [UInt32] = []

    /// No indicators (a unit scored from its children).
    public init() {}

    /// From results in indicator order.
    public init(_ results: [IndicatorResult]) {
        values = results.map { $0.value ?? .nan }
        if results.contains(where: { $0.missingCount > 0 }) {
            missing = results.map { UInt32(clamping: $0.missingCount) }
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { values.count }

    public subscript(i: Int) -> IndicatorResult {
        IndicatorResult(indicatorIndex: i, value: values[i].isNaN ? nil : values[i],
                        missingCount: missing.isEmpty ? 0 : Int(missing[i]))
    }
}

/// A unit's score in a period.
public struct UnitResult: Hashable, Sendable {
    public var unit: Unit
    public var period: String
    public var score: Double
    public var band: Band?
    public var basis: ScoreBasis
    /// Mean points per dimension (`nil` where the dimension dropped out).
    public var dimensionPoints: [Double?]
    /// Per indicator, parallel to `Rubric.indicators`; empty for a score from children.
    public var indicators: IndicatorResults
    public var assessmentCount: Int
    /// Survey respondents counted, `nil` when the rubric has no survey indicator.
    public var respondents: Int?
    /// Score minus the previous period's, when the unit was scored then.
    public var change: Double?
}

extension UnitResult {
    /// The unit and period this result is for.
    public var key: UnitPeriod { UnitPeriod(unit: unit.id, period: period) }
}

/// A region's score in a period, with its ranks.
public struct RegionResult: Hashable, Sendable {
    public var region: Region
    public var period: String
    public var score: Double?
    public var band: Band?
    /// Scored units registered directly in the region.
    public var unitCount: Int
    public var dimensionPoints: [Double?]
    public var rankLevel: Int?
    public var rankInParent: Int?
    public var change: Double?
}

/// Everything `patuh score` computes for one rubric.
public struct RoundResult: Sendable {
    public var rubric: Rubric
    public var periods: [String]
    /// Sorted by period, then unit id.
    public var units: [UnitResult]
    /// Sorted by period, then registry order.
    public var regions: [RegionResult]
    public var surveys: [UnitPeriod: SurveySummary]
    /// The assessments counted, by unit and (pooled) period, reduced to who assessed, when,
    /// and their notes and evidence (see `RoundScorer.keepsAssessments`).
    public var assessments: [UnitPeriod: [Assessment]]
    public var diagnostics: [Diagnostic]
    /// Reads back the survey comments set aside while reading, if any were.
    public var commentSource: (any CommentSource)?
    /// Reads back the assessors' notes and evidence set aside while reading, if any were.
    public var remarkSource: (any RemarkArchive)?

    /// A unit's survey comments in a period, in file order.
    public func comments(_ key: UnitPeriod) -> [SurveyComment] {
        surveys[key]?.allComments(from: commentSource) ?? []
    }
}
