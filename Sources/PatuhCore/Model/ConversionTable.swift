/// One row of a regulation's conversion table: an answer value (nilai persepsi), the NRR
/// interval it stands for, the converted score interval, and the band (mutu and kinerja).
public struct ConversionRow: Hashable, Sendable {
    public var perception: Double
    public var nrrMin: Double
    public var nrrMax: Double
    public var min: Double
    public var max: Double
    public var bandID: String
    public var location: SourceLocation

    public init(
        perception: Double, nrrMin: Double, nrrMax: Double, min: Double, max: Double, bandID: String,
        location: SourceLocation = SourceLocation(file: "")
    ) {
        self.perception = perception
        self.nrrMin = nrrMin
        self.nrrMax = nrrMax
        self.min = min
        self.max = max
        self.bandID = bandID
        self.location = location
    }
}

/// The conversion table a rubric carries for readers (SKM's "nilai persepsi, nilai interval,
/// nilai interval konversi, mutu pelayanan, kinerja unit pelayanan"); scores use the bands.
public struct ConversionTable: Hashable, Sendable {
    /// In document order.
    public var rows: [ConversionRow]
    public var origins: [Origin]
    public var location: SourceLocation

    public init(rows: [ConversionRow], origins: [Origin] = [], location: SourceLocation = SourceLocation(file: "")) {
        self.rows = rows
        self.origins = origins
        self.location = location
    }
}
