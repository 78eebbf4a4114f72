/// An assessment scheme read from a rubric file: dimensions, indicators, bands.
///
/// Indicators are also numbered once, in document order (`indicators`, `indicatorIndex`),
/// so that scoring works on integer positions rather than string lookups.
public struct Rubric: Hashable, Sendable {
    public var id: String
    /// The questionnaire or checklist whose answers this rubric scores (the `rubric`
    /// attribute of assessment and survey files names it); by default the rubric's own id.
    /// Several rubrics may score one instrument (SKM with bobot 1/9 and with 0,111).
    public var instrument: String
    /// Whether units of a kementerian, lembaga or instansi vertikal count in a pemda's
    /// (region's) score and in an MPP's mean of its tenants; by default they do not: the
    /// Ombudsman assesses and publishes K/L apart from pemda.
    public var klInPemda = false
    public var version: String?
    public var model: ScoringModel
    public var title: LocalizedText
    public var basis: String?
    public var description: LocalizedText
    /// Where the rubric's formula and framing come from.
    public var origins: [Origin]
    public var dimensions: [Dimension]
    /// Bands sorted by ascending `min`.
    public var bands: [Band]
    /// A qualifier added to the category when the data earn it (see `Qualifier`).
    public private(set) var qualifier: Qualifier?
    /// The regulation's conversion table, shown to readers (SKM).
    public var conversion: ConversionTable?
    /// The position of the dimension that decides the qualifier: it is not scored.
    public private(set) var qualifierDimension: Int?
    /// Unit types this rubric scores; `nil` for all.
    public var appliesTo: Set<UnitType>?
    public var location: SourceLocation
    /// Whether the rubric is the official instrument or a reconstruction of it.
    public var status: RubricStatus = .official
    /// For readers: what is reconstructed and why, in each language (shown on the method page).
    public var statusNote = LocalizedText()
    /// The rubric's own words for what it computes (`score`, `band`, `band-meaning`): SKM's
    /// "IKM", "Mutu pelayanan", "Kinerja unit"; empty where the report's defaults serve.
    public var terms: [String: LocalizedText] = [:]

    /// Every indicator in document order, with the index of its dimension.
    public private(set) var indicators: [Indicator] = []
    public private(set) var dimensionOfIndicator: [Int] = []
    /// Position in `indicators` by indicator id (first occurrence wins).
    public private(set) var indicatorIndex: [String: Int] = [:]
    /// Where each indicator's value comes from, parallel to `indicators`: read for every
    /// answer, where copying a whole `Indicator` out of the array would cost a dozen retains.
    public private(set) var sourceOfIndicator: [IndicatorSource] = []
    /// The span of indicator positions from the first survey indicator to the last (empty
    /// when there is none): what a survey tally of this rubric needs to cover.
    public private(set) var surveyWindow: Range<Int> = 0..<0

    public init(
        id: String, version: String? = nil, model: ScoringModel = .normalized(scale: 100),
        title: LocalizedText = LocalizedText(), basis: String? = nil,
        description: LocalizedText = LocalizedText(), origins: [Origin] = [], dimensions: [Dimension], bands: [Band],
        appliesTo: Set<UnitType>? = nil, qualifier: Qualifier? = nil, conversion: ConversionTable? = nil,
        location: SourceLocation = SourceLocation(file: ""), instrument: String? = nil
    ) {
        self.id = id
        self.instrument = instrument ?? id
        self.version = version
        self.model = model
        self.title = title
        self.basis = basis
        self.description = description
        self.origins = origins
        self.dimensions = dimensions
        self.bands = bands.sorted { $0.min < $1.min }
        self.appliesTo = appliesTo
        self.qualifier = qualifier
        self.conversion = conversion
        self.qualifierDimension = qualifier.flatMap { q in dimensions.firstIndex { $0.id == q.dimensionID } }
        self.location = location
        for (d, dimension) in dimensions.enumerated() {
            for indicator in dimension.indicators {
                if indicatorIndex[indicator.id] == nil { indicatorIndex[indicator.id] = indicators.count }
                indicators.append(indicator)
                dimensionOfIndicator.append(d)
                sourceOfIndicator.append(indicator.source)
            }
        }
        if let first = sourceOfIndicator.firstIndex(of: .survey), let last = sourceOfIndicator.lastIndex(of: .survey) {
            surveyWindow = first..<last + 1
        }
    }

    /// Whether any indicator takes its value from survey responses.
    public var hasSurveyIndicators: Bool { !surveyWindow.isEmpty }

    /// Whether every indicator takes its value from survey responses (an SKM rubric).
    public var isSurveyRubric: Bool { !indicators.isEmpty && !sourceOfIndicator.contains(.assessor) }

    /// Whether this rubric scores units of `type`.
    public func applies(to type: UnitType) -> Bool { appliesTo?.contains(type) ?? true }

    /// The lowest total the rubric can give: where the bottom band must start.
    public var bottom: Double {
        switch model {
        case .normalized: return 0
        case .linear(let factor): return factor * scoredIndicators.reduce(0) { $0 + $1.weight * $1.min }
        case .weightedSum(let factor): return factor * weightedSum(\.min)
        }
    }

    /// The highest total the rubric can give.
    public var top: Double {
        switch model {
        case .normalized(let scale): return scale
        case .linear(let factor): return factor * scoredIndicators.reduce(0) { $0 + $1.weight * $1.max }
        case .weightedSum(let factor): return factor * weightedSum(\.max)
        }
    }

    /// The indicators that count towards the total (all but the qualifier's).
    private var scoredIndicators: [Indicator] {
        indicators.indices.filter { dimensionOfIndicator[$0] != qualifierDimension }.map { indicators[$0] }
    }

    /// Σ dimensions W · Σ indicators w · (the indicator's `value`).
    private func weightedSum(_ value: KeyPath<Indicator, Double>) -> Double {
        dimensions.indices.reduce(0) { sum, d in
            d == qualifierDimension
                ? sum
                : sum + dimensions[d].weight
                    * dimensions[d].indicators.reduce(0) { $0 + $1.weight * $1[keyPath: value] }
        }
    }

    /// The band for a score: rounded to 2 decimals, then the highest `min` not above it.
    public func band(for score: Double) -> Band? {
        let cents = Rounding.cents(score)
        return bands.last { Rounding.cents($0.min) <= cents }
    }
}

/// Whether a rubric is the official instrument or a reconstruction (its items, weights or
/// levels written from secondary sources): a reconstruction says so on every page.
public enum RubricStatus: String, Sendable, Hashable {
    case official, reconstructed
}
