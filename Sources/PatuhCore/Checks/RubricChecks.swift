/// Checks on a rubric that its schema cannot express.
public enum RubricChecks {
    public static func check(_ rubric: Rubric) -> [Diagnostic] {
        var problems = Duplicates.find(rubric.dimensions, what: "dimension id", id: \.id, location: \.location)
            + Duplicates.find(rubric.indicators, what: "indicator id", id: \.id, location: \.location)
            + Duplicates.find(rubric.bands.sorted { $0.location < $1.location }, what: "band id", id: \.id,
                              location: \.location)
        for dimension in rubric.dimensions {
            if !(dimension.weight > 0) {
                problems.append(.error(dimension.location, "dimension '\(dimension.id)' has weight \(dimension.weight); weights must be positive"))
            }
            // A weighted sum may carry an indicator at weight 0 (recorded, not counted).
            let zeroAllowed = if case .weightedSum = rubric.model { true } else { false }
            for indicator in dimension.indicators {
                if !(indicator.weight > 0) && !(zeroAllowed && indicator.weight == 0) {
                    problems.append(.error(indicator.location, "indicator '\(indicator.id)' has weight \(indicator.weight); weights must be positive"))
                }
                if !(indicator.max > indicator.min) {
                    problems.append(.error(indicator.location, "indicator '\(indicator.id)' has max \(indicator.max) not above min \(indicator.min)"))
                }
                for level in indicator.levels where level.value < indicator.min || level.value > indicator.max {
                    problems.append(.error(indicator.location, "indicator '\(indicator.id)' describes level \(level.value), outside \(indicator.min)..\(indicator.max)"))
                }
            }
        }
        var bandMins: [Int: Band] = [:]
        for band in rubric.bands.sorted(by: { $0.location < $1.location }) {
            let cents = Rounding.cents(band.min)
            if let other = bandMins[cents] {
                problems.append(.error(band.location, "bands '\(other.id)' and '\(band.id)' have the same min \(Rounding.format2(band.min))"))
            } else {
                bandMins[cents] = band
            }
        }
        if let lowest = rubric.bands.first, Rounding.cents(lowest.min) > Rounding.cents(rubric.bottom) {
            problems.append(.error(lowest.location,
                "no band starts at the bottom of the scale (\(Rounding.format2(rubric.bottom))): the lowest band '\(lowest.id)' starts at \(Rounding.format2(lowest.min)), so low scores would have no band"))
        }
        if let q = rubric.qualifier, rubric.qualifierDimension == nil {
            problems.append(.error(q.location, "qualifier '\(q.id)' names dimension '\(q.dimensionID)', which the rubric does not have"))
        }
        let bandIDs = Set(rubric.bands.map(\.id))
        for row in rubric.conversion?.rows ?? [] where !bandIDs.contains(row.bandID) {
            problems.append(.error(row.location, "conversion row names band '\(row.bandID)', which the rubric does not have"))
        }
        if rubric.bands.isEmpty {
            problems.append(.error(rubric.location, "rubric '\(rubric.id)' has no bands"))
        }
        return problems.sorted { $0.location < $1.location }
    }
}
