/// An assessment scheme read from a rubric file: dimensions, indicators, bands.
///
/// Indicators are also numbered once, in document order (`indicators`, `indicatorIndex`),
/// so that scoring works on integer positions rather than string lookups.
public struct Rubric: Hashable, Sendable {
    public var id: String
    public var version: String?
    public var model: ScoringModel
    public var title: LocalizedText
    public var basis: String?
    public var description: LocalizedText
    public var dimensions: [Dimension]
    /// Bands sorted by ascending `min`.
    public var bands: [Band]
    /// Unit types this rubric scores; `nil` for all.
    public var appliesTo: Set<UnitType>?
    public var location: SourceLocation

    /// Every indicator in document order, with the index of its dimension.
    public private(set) var indicators: [Indicator] = []
    public private(set) var dimensionOfIndicator: [Int] = []
    /// Position in `indicators` by indicator id (first occurrence wins).
    public private(set) var indicatorIndex: [String: Int] = [:]

    public init(
        id: String, version: String? = nil, model: ScoringModel = .normalized(scale: 100),
        title: LocalizedText = LocalizedText(), basis: String? = nil,
        description: LocalizedText = LocalizedText(), dimensions: [Dimension], bands: [Band],
        appliesTo: Set<UnitType>? = nil, location: SourceLocation = SourceLocation(file: "")
    ) {
        self.id = id
        self.version = version
        self.model = model
        self.title = title
        self.basis = basis
        self.description = description
        self.dimensions = dimensions
        self.bands = bands.sorted { $0.min < $1.min }
        self.appliesTo = appliesTo
        self.location = location
        for (d, dimension) in dimensions.enumerated() {
            for indicator in dimension.indicators {
                if indicatorIndex[indicator.id] == nil { indicatorIndex[indicator.id] = indicators.count }
                indicators.append(indicator)
                dimensionOfIndicator.append(d)
            }
        }
    }

    /// Whether any indicator takes its value from survey responses.
    public var hasSurveyIndicators: Bool { indicators.contains { $0.source == .survey } }

    /// Whether every indicator takes its value from survey responses (an SKM rubric).
    public var isSurveyRubric: Bool { !indicators.isEmpty && indicators.allSatisfy { $0.source == .survey } }

    /// The span of indicator positions from the first survey indicator to the last (empty
    /// when there is none): what a survey tally of this rubric needs to cover.
    public var surveyWindow: Range<Int> {
        guard let first = indicators.firstIndex(where: { $0.source == .survey }),
              let last = indicators.lastIndex(where: { $0.source == .survey }) else { return 0..<0 }
        return first..<last + 1
    }

    /// Whether this rubric scores units of `type`.
    public func applies(to type: UnitType) -> Bool { appliesTo?.contains(type) ?? true }

    /// The lowest total the rubric can give: where the bottom band must start.
    public var bottom: Double {
        switch model {
        case .normalized: return 0
        case .linear(let factor): return factor * indicators.reduce(0) { $0 + $1.weight * $1.min }
        }
    }

    /// The highest total the rubric can give.
    public var top: Double {
        switch model {
        case .normalized(let scale): return scale
        case .linear(let factor): return factor * indicators.reduce(0) { $0 + $1.weight * $1.max }
        }
    }

    /// The band for a score: rounded to 2 decimals, then the highest `min` not above it.
    public func band(for score: Double) -> Band? {
        let cents = Rounding.cents(score)
        return bands.last { Rounding.cents($0.min) <= cents }
    }
}
