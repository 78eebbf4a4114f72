/// A qualifier added to a unit's category when its data earn it: the Ombudsman's 2025
/// "Tanpa Maladministrasi", earned by following up the Ombudsman's products to the end.
///
/// It is decided by one dimension of the rubric, which is then not scored: the unit earns it
/// when its value of every applicable indicator of that dimension is the indicator's `max`
/// (with several assessments, their mean: every one of them at the top), and at least one
/// indicator applies.
public struct Qualifier: Hashable, Sendable {
    public var id: String
    public var label: LocalizedText
    /// The id of the dimension that decides it.
    public var dimensionID: String
    public var origins: [Origin]
    public var location: SourceLocation

    public init(
        id: String, label: LocalizedText, dimensionID: String, origins: [Origin] = [],
        location: SourceLocation = SourceLocation(file: "")
    ) {
        self.id = id
        self.label = label
        self.dimensionID = dimensionID
        self.origins = origins
        self.location = location
    }
}

extension Rubric {
    /// Whether a unit with these indicator results earns the rubric's qualifier: `nil` when
    /// the rubric has none or the results are empty (a unit scored from its children).
    public func earnsQualifier(_ results: some RandomAccessCollection<IndicatorResult>) -> Bool? {
        guard let d = qualifierDimension, !results.isEmpty else { return nil }
        var any = false
        for i in indicators.indices where dimensionOfIndicator[i] == d && i < results.count {
            // na: no product to follow up.
            guard let v = results[results.index(results.startIndex, offsetBy: i)].value else { continue }
            if v < indicators[i].max { return false }
            any = true
        }
        return any
    }
}
