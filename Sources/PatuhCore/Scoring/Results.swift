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
    // 16 bytes a result (a national round holds about two million): the two counts in 32 bits
    // each, and "not applicable" as NaN in the stored number (no mean of answers is NaN).
    private var index: Int32
    private var missing: Int32
    private var stored: Double

    /// The mean value over the unit's assessments (the NRR for a survey indicator);
    /// `nil` when not applicable everywhere.
    public var value: Double? {
        get { stored.isNaN ? nil : stored }
        set { stored = newValue ?? .nan }
    }

    /// The indicator's position in `Rubric.indicators`.
    public var indicatorIndex: Int {
        get { Int(index) }
        set { index = Int32(clamping: newValue) }
    }

    /// In how many assessments the answer was missing and counted as `min`.
    public var missingCount: Int {
        get { Int(missing) }
        set { missing = Int32(clamping: newValue) }
    }

    public init(indicatorIndex: Int, value: Double?, missingCount: Int) {
        index = Int32(clamping: indicatorIndex)
        missing = Int32(clamping: missingCount)
        stored = value ?? .nan
    }

    // By what the result says (NaN is never equal to itself, `nil` is).
    public static func == (a: IndicatorResult, b: IndicatorResult) -> Bool {
        (a.index, a.missing, a.value) == (b.index, b.missing, b.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(index)
        hasher.combine(missing)
        hasher.combine(value)
    }
}

/// One unit's indicator results, parallel to `Rubric.indicators`, as a collection of
/// `IndicatorResult`: 8 bytes an indicator (its mean, NaN where not applicable), the missing
/// counts kept only when one of them is not 0. A national round holds a million of them.
public struct IndicatorResults: RandomAccessCollection, Hashable, Sendable, ExpressibleByArrayLiteral {
    private var means: [Double] = []
    /// Empty when every count is 0.
    private var missing: [Int32] = []
    /// Results whose positions are not their indicators' (never made by `RoundScorer`), kept as given.
    private var unordered: [IndicatorResult]?

    public init() {}

    public init(arrayLiteral elements: IndicatorResult...) { self.init(elements) }

    public init(_ results: some Sequence<IndicatorResult>) {
        let all = Array(results)
        guard all.indices.allSatisfy({ all[$0].indicatorIndex == $0 }) else {
            unordered = all
            return
        }
        means = all.map { $0.value ?? .nan }
        if all.contains(where: { $0.missingCount != 0 }) {
            missing = all.map { Int32(clamping: $0.missingCount) }
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { unordered?.count ?? means.count }

    public subscript(i: Int) -> IndicatorResult {
        if let unordered { return unordered[i] }
        let v = means[i]
        return IndicatorResult(
            indicatorIndex: i, value: v.isNaN ? nil : v, missingCount: missing.isEmpty ? 0 : Int(missing[i]))
    }

    // By what the results say (NaN is never equal to itself, "not applicable" is).
    public static func == (a: Self, b: Self) -> Bool { a.elementsEqual(b) }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for r in self { hasher.combine(r) }
    }
}

/// A unit's score in a period.
public struct UnitResult: Hashable, Sendable {
    public var unit: ServiceUnit
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
    /// Each survey summary reads back its own comments (`SurveySummary.allComments()`).
    public var surveys: [UnitPeriod: SurveySummary]
    public var diagnostics: [Diagnostic]
    /// Where the assessments scored are kept (`assessments(_:)` reads them back).
    public let assessmentStore: any AssessmentStore
    /// The positions in `assessmentStore` of the assessments counted, by unit and (pooled)
    /// period, in the order they were read.
    public var assessmentPositions: [UnitPeriod: [Int]]

    public init(
        rubric: Rubric, periods: [String], units: [UnitResult], regions: [RegionResult],
        surveys: [UnitPeriod: SurveySummary], diagnostics: [Diagnostic],
        assessmentStore: any AssessmentStore, assessmentPositions: [UnitPeriod: [Int]]
    ) {
        self.rubric = rubric
        self.periods = periods
        self.units = units
        self.regions = regions
        self.surveys = surveys
        self.diagnostics = diagnostics
        self.assessmentStore = assessmentStore
        self.assessmentPositions = assessmentPositions
    }

    /// A unit's survey comments in a period, in file order.
    public func comments(_ key: UnitPeriod) -> [SurveyComment] {
        surveys[key]?.allComments() ?? []
    }

    /// The assessments a unit's score in a period averages, whole, in the order they were read.
    public func assessments(_ key: UnitPeriod) -> [Assessment] {
        (assessmentPositions[key] ?? []).map { assessmentStore.assessment(at: $0) }
    }
}
