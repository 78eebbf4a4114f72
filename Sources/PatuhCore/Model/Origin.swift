/// How sure a rubric is of one of its parts (docs/RUBRICS.md).
public enum OriginStatus: String, Sendable, Hashable, CaseIterable {
    /// Taken from the regulation or the issuing body's own documents.
    case official
    /// Taken from other public sources (news quoting officials, regional decks, third-party tools).
    case secondary
    /// No source found: the rubric's own choice, to be replaced when the official text is found.
    case reconstructed
}

/// Which part of a rubric element an origin speaks for.
public enum OriginPart: String, Sendable, Hashable, CaseIterable {
    /// The element itself: that it exists, its wording.
    case item
    /// Its weight.
    case weight
    /// The texts of an indicator's levels.
    case levels
    /// An indicator's `min`..`max`.
    case scale
    /// A band's range (its `min`).
    case range
    /// The rubric's way of computing the total.
    case formula
}

/// Where one part of a rubric comes from: an `<origin>` element.
public struct Origin: Hashable, Sendable {
    public var part: OriginPart
    public var status: OriginStatus
    /// The source, in words (a regulation, an address, "no source found: ...").
    public var source: String
    public var location: SourceLocation

    public init(
        part: OriginPart = .item, status: OriginStatus, source: String,
        location: SourceLocation = SourceLocation(file: "")
    ) {
        self.part = part
        self.status = status
        self.source = source
        self.location = location
    }
}

extension Array where Element == Origin {
    /// The origin given for `part`, if any.
    public func of(_ part: OriginPart) -> Origin? { first { $0.part == part } }
}

/// One part of a rubric marked reconstructed, as `patuh validate --reconstructed` lists it.
public struct ReconstructedPart: Hashable, Sendable {
    /// "indicator SDM-01", "band A", "dimension input", "rubric".
    public var element: String
    public var part: OriginPart
    public var source: String
    public var location: SourceLocation
}

extension Rubric {
    /// Every part marked `reconstructed`, in document order.
    public var reconstructedParts: [ReconstructedPart] {
        var parts: [ReconstructedPart] = []
        func add(_ element: String, _ origins: [Origin]) {
            for o in origins where o.status == .reconstructed {
                parts.append(ReconstructedPart(element: element, part: o.part, source: o.source, location: o.location))
            }
        }
        add("rubric \(id)", origins)
        for dimension in dimensions {
            add("dimension \(dimension.id)", dimension.origins)
            for indicator in dimension.indicators { add("indicator \(indicator.id)", indicator.origins) }
        }
        if let q = qualifier { add("qualifier \(q.id)", q.origins) }
        for band in bands { add("band \(band.id)", band.origins) }
        if let c = conversion { add("conversion", c.origins) }
        return parts.sorted { $0.location < $1.location }
    }
}
