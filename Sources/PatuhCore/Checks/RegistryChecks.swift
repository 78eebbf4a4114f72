/// Checks on a registry that its schema cannot express.
public enum RegistryChecks {
    public static func check(_ registry: Registry) -> [Diagnostic] {
        Duplicates.find(registry.regions, what: "region code", id: \.code, location: \.location, sameFile: false)
            + Duplicates.find(registry.units, what: "unit id", id: \.id, location: \.location, sameFile: false)
    }
}

/// Checks on an assessment against its rubric and the registry.
public enum AssessmentChecks {
    /// Every reason the assessment cannot be scored as written.
    public static func check(_ assessment: Assessment, rubric: Rubric, registry: Registry?) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if let registry, registry.unit(assessment.unitID) == nil {
            problems.append(.error(assessment.location, "unit '\(assessment.unitID)' is not in the registry"))
        }
        var seen: [String: SourceLocation] = [:]
        for answer in assessment.answers {
            guard let i = rubric.indicatorIndex[answer.indicatorID] else {
                problems.append(.error(answer.location, "indicator '\(answer.indicatorID)' is not in rubric '\(rubric.id)'"))
                continue
            }
            let indicator = rubric.indicators[i]
            if let first = seen[answer.indicatorID] {
                problems.append(.error(answer.location, "indicator '\(answer.indicatorID)' answered twice (first at line \(first.line))"))
            }
            seen[answer.indicatorID] = answer.location
            switch answer.value {
            case .number(let v) where v < indicator.min || v > indicator.max:
                problems.append(.error(answer.location,
                    "value \(formatValue(v)) for '\(indicator.id)' is outside its range \(formatValue(indicator.min))..\(formatValue(indicator.max))"))
            case .notApplicable where !indicator.allowsNA:
                problems.append(.error(answer.location, "indicator '\(indicator.id)' does not allow 'na'"))
            default:
                break
            }
            if indicator.source == .survey {
                problems.append(.warning(answer.location,
                    "indicator '\(indicator.id)' takes its value from survey responses; the assessor's answer is ignored"))
            }
        }
        return problems
    }

    /// A number as a person wrote it: `3`, not `3.0`.
    public static func formatValue(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}
