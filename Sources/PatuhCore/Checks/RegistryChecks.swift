/// Checks on a registry that its schema cannot express.
public enum RegistryChecks {
    public static func check(_ registry: Registry) -> [Diagnostic] {
        Duplicates.find(
            registry.regions, what: Wording(id: "kode wilayah", en: "region code"), id: \.code, location: \.location,
            sameFile: false)
            + Duplicates.find(
                registry.units, what: Wording(id: "id unit", en: "unit id"), id: \.id, location: \.location,
                sameFile: false)
    }
}

/// Checks on an assessment against its rubric and the registry.
public enum AssessmentChecks {
    /// Every reason the assessment cannot be scored as written.
    /// A missing answer to an assessor indicator is a warning (it counts as `min`), or with
    /// `strict` an error.
    public static func check(
        _ assessment: Assessment, rubric: Rubric, registry: Registry?,
        strict: Bool = false
    ) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if let registry, registry.unit(assessment.unitID) == nil {
            problems.append(
                .error(
                    assessment.location,
                    .unknownUnit(
                        id: assessment.unitID,
                        nearest: Suggestions.nearest(assessment.unitID, in: registry.units.map(\.id)),
                        fileRejected: false)))
        }
        let answers = assessment.answers
        var firstAnswer = [Int](repeating: -1, count: rubric.indicators.count)
        for k in answers.indices {
            let (id, value) = (answers[k].indicatorID, answers[k].value)
            guard let i = rubric.indicatorIndex[id] else {
                problems.append(
                    .error(
                        answers[k].location,
                        .indicatorNotInRubric(indicator: id, rubric: rubric.id)))
                continue
            }
            if firstAnswer[i] >= 0 {
                problems.append(
                    .error(
                        answers[k].location,
                        id:
                            "indikator '\(id)' dijawab dua kali (pertama di baris \(answers[firstAnswer[i]].location.line))",
                        en: "indicator '\(id)' answered twice (first at line \(answers[firstAnswer[i]].location.line))")
                )
            }
            if firstAnswer[i] < 0 { firstAnswer[i] = k }
            let (min, max) = (rubric.indicators[i].min, rubric.indicators[i].max)
            switch value {
            case .number(let v) where v < min || v > max:
                problems.append(
                    .error(
                        answers[k].location,
                        id:
                            "nilai \(DecimalFormat.plain(v)) untuk '\(id)' di luar rentangnya \(DecimalFormat.plain(min))..\(DecimalFormat.plain(max))",
                        en:
                            "value \(DecimalFormat.plain(v)) for '\(id)' is outside its range \(DecimalFormat.plain(min))..\(DecimalFormat.plain(max))"
                    ))
            case .notApplicable where !rubric.indicators[i].allowsNA:
                problems.append(.error(answers[k].location, .notApplicableNotAllowed(indicator: id, response: nil)))
            default:
                break
            }
            if rubric.sourceOfIndicator[i] == .survey {
                problems.append(
                    .warning(
                        answers[k].location,
                        id: "indikator '\(id)' bernilai dari respons survei; jawaban penilai diabaikan",
                        en: "indicator '\(id)' takes its value from survey responses; the assessor's answer is ignored")
                )
            }
        }
        let missing = rubric.indicators.indices.filter {
            firstAnswer[$0] < 0 && rubric.sourceOfIndicator[$0] == .assessor
        }
        if !missing.isEmpty {
            let ids = missing.map { rubric.indicators[$0].id }.joined(separator: ", ")
            problems.append(
                Diagnostic(
                    strict ? .error : .warning, at: assessment.location,
                    .missingAnswers(assessment: assessment.id, indicators: ids, strict: strict)))
        }
        return problems
    }
}
