/// A compliance zone as the Ombudsman publishes it.
public enum Zone: String, Sendable, Hashable, CaseIterable {
    case hijau, kuning, merah
}

/// How answers become a total (docs/FORMATS.md, "The arithmetic").
public enum ScoringModel: Hashable, Sendable {
    /// Fractions of each indicator's range, weighted within and across dimensions, times `scale`.
    case normalized(scale: Double)
    /// `factor · Σ w·v` with weights taken literally (SKM's IKM).
    case linear(factor: Double)
    /// `factor · Σ dimensions W · Σ indicators w·v`, both weights literal (PEKPPP's Indeks
    /// Pelayanan Publik: Σ aspek (Σ skor × bobot indikator) × bobot aspek).
    case weightedSum(factor: Double)
}

/// Where an indicator's value comes from.
public enum IndicatorSource: String, Sendable, Hashable {
    /// An assessor's observation in an assessment file.
    case assessor
    /// The mean of service users' answers in survey files (SKM's NRR).
    case survey
}

/// What one value of an indicator means, for the assessor and the reader.
public struct Level: Hashable, Sendable {
    public var value: Double
    public var label: LocalizedText

    public init(value: Double, label: LocalizedText) {
        self.value = value
        self.label = label
    }
}

/// One thing a rubric checks, with the legal article it rests on.
public struct Indicator: Hashable, Sendable {
    public var id: String
    public var title: LocalizedText
    public var description: LocalizedText
    public var weight: Double
    public var min: Double
    public var max: Double
    /// The article of UU 25/2009 (or of the regulation) behind this indicator.
    public var ref: String?
    public var source: IndicatorSource
    /// Whether `na` (not applicable) is an allowed answer.
    public var allowsNA: Bool
    /// Whether a survey response without an answer here is excluded (`required="true"`).
    public var required: Bool
    public var levels: [Level]
    /// Where the indicator, its weight, scale and levels come from.
    public var origins: [Origin]
    public var location: SourceLocation

    public init(
        id: String, title: LocalizedText = LocalizedText(), description: LocalizedText = LocalizedText(),
        weight: Double = 1, min: Double, max: Double, ref: String? = nil,
        source: IndicatorSource = .assessor, allowsNA: Bool = true, levels: [Level] = [],
        origins: [Origin] = [], location: SourceLocation = SourceLocation(file: ""), required: Bool = false
    ) {
        self.id = id
        self.required = required
        self.title = title
        self.description = description
        self.weight = weight
        self.min = min
        self.max = max
        self.ref = ref
        self.source = source
        self.allowsNA = allowsNA
        self.levels = levels
        self.origins = origins
        self.location = location
    }

    /// The level whose value equals `value`, if the rubric describes it.
    public func level(for value: Double) -> Level? {
        levels.first { $0.value == value }
    }

    /// `(v - min) / (max - min)`, the share of the range an answer reaches.
    public func fraction(of value: Double) -> Double {
        max > min ? (value - min) / (max - min) : 0
    }
}

/// A weighted group of indicators.
public struct Dimension: Hashable, Sendable {
    /// The id given to indicators placed directly under `rubric`.
    public static let implicitID = "all"

    public var id: String
    public var title: LocalizedText
    public var weight: Double
    public var indicators: [Indicator]
    /// Where the dimension and its weight come from.
    public var origins: [Origin]
    public var location: SourceLocation

    public init(
        id: String, title: LocalizedText = LocalizedText(), weight: Double = 1,
        indicators: [Indicator], origins: [Origin] = [], location: SourceLocation = SourceLocation(file: "")
    ) {
        self.id = id
        self.title = title
        self.weight = weight
        self.indicators = indicators
        self.origins = origins
        self.location = location
    }
}

/// A named score range ("A", "hijau"), optionally with a zone.
public struct Band: Hashable, Sendable {
    public var id: String
    public var min: Double
    public var zone: Zone?
    public var color: String?
    public var label: LocalizedText
    /// Where the band, its label and its range come from.
    public var origins: [Origin]
    public var location: SourceLocation

    public init(
        id: String, min: Double, zone: Zone? = nil, color: String? = nil,
        label: LocalizedText = LocalizedText(), origins: [Origin] = [],
        location: SourceLocation = SourceLocation(file: "")
    ) {
        self.id = id
        self.min = min
        self.zone = zone
        self.color = color
        self.label = label
        self.origins = origins
        self.location = location
    }
}
