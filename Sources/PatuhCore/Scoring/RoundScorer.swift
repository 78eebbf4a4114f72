/// Scores a round: every unit in every period against one rubric, rolled up to regions,
/// ranked (docs/FORMATS.md).
///
/// Inputs are assumed checked (known units and indicators, values in range); anything
/// left is reported, never trapped on.
public struct RoundScorer: Sendable {
    public var rubric: Rubric
    public var registry: Registry
    /// Keep periods equal to this or starting with it and `-`, pooled under this name.
    public var periodFilter: String?
    /// Missing answers reject the assessment instead of counting as `min`.
    public var strict: Bool

    public init(rubric: Rubric, registry: Registry, periodFilter: String? = nil, strict: Bool = false) {
        self.rubric = rubric
        self.registry = registry
        self.periodFilter = periodFilter
        self.strict = strict
    }

    /// How many assessments or units are worked out across the cores at a time.
    static let slice = 2048

    /// The period a file's period is counted under, or `nil` when the filter leaves it out.
    public func effectivePeriod(_ period: String) -> String? {
        guard let p = periodFilter else { return period }
        return period == p || period.hasPrefix(p + "-") ? p : nil
    }

    /// Scores the assessments in `assessments` and `surveys`. The store is asked for one
    /// assessment at a time, and for a unit's again when it is scored: the result keeps the
    /// store and where each unit's assessments are in it, never the assessments themselves.
    public func score(assessments: some AssessmentStore, surveys: [UnitPeriod: SurveySummary]) -> RoundResult {
        var diagnostics: [Diagnostic] = []

        // Where each assessment goes (its unit and period, or a diagnostic), worked out across
        // the cores; gathered in position order, as the serial loop this was.
        // A slice at a time, so that only a slice's placements are held beside the result.
        var byKey: [UnitPeriod: [Int]] = [:]
        Array(0..<assessments.count).parallelForEach(slicesOf: Self.slice) { position in
            place(assessments.assessment(at: position))
        } gather: { position, placement in
            if let problem = placement.1 { diagnostics.append(problem) }
            if let key = placement.0 { byKey[key, default: []].append(position) }
        }
        var pooled = surveys  // without a period filter, nothing to pool: the same storage
        if periodFilter != nil {
            pooled = [:]
            // In key order: pooled sums and comments then never depend on hashing order.
            for key in surveys.keys.sorted() {
                guard let summary = surveys[key], let period = effectivePeriod(key.period) else { continue }
                pooled.pool(summary, at: UnitPeriod(unit: key.unitID, period: period))
            }
        }

        var results = ResultTable()
        results.reserve(byKey.count + pooled.count)
        let assessed = Set(byKey.keys)
        // Each unit on its own, across the cores: one unit's assessments at a time, its
        // diagnostics kept with it and added in the order of the serial loop this was.
        let pooledNow = pooled
        Array(byKey).parallelForEach(slicesOf: Self.slice) {
            key, positions -> (result: UnitResult?, diagnostics: [Diagnostic]) in
            guard let unit = registry.unit(key.unitID) else { return (nil, []) }
            var diagnostics: [Diagnostic] = []
            let list = positions.map { assessments.assessment(at: $0) }
            let r = scoreAssessed(
                unit: unit, period: key.period, assessments: list, survey: pooledNow[key],
                diagnostics: &diagnostics)
            return (r, diagnostics)
        } gather: { unit, outcome in
            diagnostics += outcome.diagnostics
            if let r = outcome.result { results[unit.key] = r }
        }
        // In the order of `pooled`, as the serial loop went.
        let surveyOnly = Array(pooled).filter { !assessed.contains($0.key) }
        if rubric.isSurveyRubric {
            surveyOnly.parallelForEach(slicesOf: Self.slice) { key, survey -> UnitResult? in
                guard let unit = registry.unit(key.unitID) else { return nil }
                return scoreSurveyOnly(unit: unit, period: key.period, survey: survey)
            } gather: { unit, r in
                if let r { results[unit.key] = r }
            }
        } else {
            for (key, _) in surveyOnly {
                guard let unit = registry.unit(key.unitID) else { continue }
                diagnostics.append(
                    .warning(
                        unit.location,
                        id:
                            "unit '\(unit.id)' punya respons survei pada periode \(key.period) tetapi tidak ada penilaian menurut '\(rubric.id)'; tidak dinilai",
                        en:
                            "unit '\(unit.id)' has survey responses in \(key.period) but no assessment under '\(rubric.id)'; not scored"
                    ))
            }
        }

        let periods = Set(assessed.map(\.period)).union(pooled.keys.map(\.period)).sorted()
        for period in periods {
            var memo: [String: UnitResult?] = [:]
            for unit in registry.units where results[UnitPeriod(unit: unit.id, period: period)] == nil {
                if let r = fromChildren(unit, period: period, results: results, memo: &memo) {
                    results[UnitPeriod(unit: unit.id, period: period)] = r
                }
            }
        }
        setChanges(&results, periods: periods)
        if rubric.isSurveyRubric {
            for r in results.values.sorted(by: { $0.key < $1.key })
            where r.basis == .survey {
                guard r.respondents != nil, let check = r.sampleCheck(under: rubric), !check.met else { continue }
                diagnostics.append(
                    .warning(
                        r.unit.location,
                        id:
                            "unit '\(r.unit.id)' punya \(DecimalFormat.indonesian(check.respondents)) responden pada periode \(r.period), kurang dari \(DecimalFormat.indonesian(check.required)) yang disyaratkan tabel Krejcie–Morgan untuk \(DecimalFormat.indonesian(check.population)) pengguna layanan",
                        en:
                            "unit '\(r.unit.id)' has \(check.respondents) respondents in \(r.period), fewer than the \(check.required) the Krejcie–Morgan table requires for \(check.population) service users"
                    ))
            }
        }

        for unit in registry.units where rubric.applies(to: unit.type) {
            if !periods.contains(where: { results[UnitPeriod(unit: unit.id, period: $0)] != nil }) {
                let what =
                    rubric.isSurveyRubric
                    ? (id: "tidak punya respons survei", en: "has no survey responses")
                    : (id: "tidak pernah dinilai", en: "was never assessed")
                diagnostics.append(
                    .warning(
                        unit.location,
                        id: "unit '\(unit.id)' (\(unit.name)) \(what.id) menurut '\(rubric.id)'",
                        en: "unit '\(unit.id)' (\(unit.name)) \(what.en) under '\(rubric.id)'"))
            }
        }

        let regions = RegionRollUp(rubric: rubric, registry: registry).regions(periods: periods) { results[$0] }
        let units = results.takeSorted()
        return RoundResult(
            rubric: rubric, periods: periods, units: units, regions: regions, surveys: pooled,
            diagnostics: diagnostics, assessmentStore: assessments, assessmentPositions: byKey)
    }

    /// The unit and period an assessment is scored under; `nil` when its period is filtered
    /// out, its unit unknown (an error) or of a type the rubric does not score (a warning).
    private func place(_ a: Assessment) -> (UnitPeriod?, Diagnostic?) {
        guard let period = effectivePeriod(a.period) else { return (nil, nil) }
        guard let unit = registry.unit(a.unitID) else {
            return (
                nil,
                .error(
                    a.location, id: "unit '\(a.unitID)' tidak ada dalam registri",
                    en: "unit '\(a.unitID)' is not in the registry")
            )
        }
        guard rubric.applies(to: unit.type) else {
            return (
                nil,
                .warning(
                    a.location,
                    id:
                        "unit '\(unit.id)' berjenis \(unit.type.rawValue), yang tidak dinilai oleh rubrik '\(rubric.id)'; penilaian '\(a.id)' dilewati",
                    en:
                        "unit '\(unit.id)' is of type \(unit.type.rawValue), which rubric '\(rubric.id)' does not score; assessment '\(a.id)' skipped"
                )
            )
        }
        return (UnitPeriod(unit: a.unitID, period: period), nil)
    }

    private func sheet(for assessment: Assessment, survey: SurveySummary?) -> AnswerSheet {
        var sheet = AnswerSheet(count: rubric.indicators.count)
        for answer in assessment.answers {
            if let i = rubric.indicatorIndex[answer.indicatorID], rubric.sourceOfIndicator[i] == .assessor {
                sheet[i] = answer.value
            }
        }
        if let means = survey?.tally.means {
            for (i, source) in rubric.sourceOfIndicator.enumerated() where source == .survey {
                if let m = means[i] { sheet[i] = .number(m) }
            }
        }
        return sheet
    }

    private func scoreAssessed(
        unit: ServiceUnit, period: String, assessments: [Assessment], survey: SurveySummary?,
        diagnostics: inout [Diagnostic]
    ) -> UnitResult? {
        var breakdowns: [ScoreBreakdown] = []
        for a in assessments {
            let result = rubric.score(sheet(for: a, survey: survey))
            let missingAssessor = result.missing.filter { rubric.indicators[$0].source == .assessor }
            let missingSurvey = result.missing.filter { rubric.indicators[$0].source == .survey }
            if !missingAssessor.isEmpty {
                let ids = missingAssessor.map { rubric.indicators[$0].id }.joined(separator: ", ")
                if strict {
                    diagnostics.append(
                        .error(a.location, .missingAnswers(assessment: a.id, indicators: ids, strict: true)))
                    continue
                }
                // The warning itself comes from `AssessmentChecks`, which `validate` runs too.
            }
            if !missingSurvey.isEmpty {
                let ids = missingSurvey.map { rubric.indicators[$0].id }.joined(separator: ", ")
                let message = (
                    id: "unit '\(unit.id)' tidak punya respons survei untuk \(ids) pada periode \(period)",
                    en: "unit '\(unit.id)' has no survey responses for \(ids) in \(period)"
                )
                if strict {
                    diagnostics.append(
                        .error(
                            a.location, id: message.id + " (--strict); penilaian '\(a.id)' ditolak",
                            en: message.en + " (--strict); assessment '\(a.id)' rejected"))
                    continue
                }
                diagnostics.append(
                    .warning(
                        a.location, id: message.id + "; dihitung sebagai nilai terendah",
                        en: message.en + "; counted as the minimum"))
            }
            guard result.total != nil else {
                diagnostics.append(
                    .warning(
                        a.location, id: "penilaian '\(a.id)' tidak punya indikator yang berlaku; tidak dinilai",
                        en: "assessment '\(a.id)' has no applicable indicator; not scored"))
                continue
            }
            breakdowns.append(result)
        }
        guard !breakdowns.isEmpty else { return nil }
        return makeResult(unit: unit, period: period, breakdowns: breakdowns, basis: .assessments, survey: survey)
    }

    private func scoreSurveyOnly(unit: ServiceUnit, period: String, survey: SurveySummary) -> UnitResult? {
        let result = rubric.score(survey.tally.sheet)
        guard result.total != nil else { return nil }
        return makeResult(unit: unit, period: period, breakdowns: [result], basis: .survey, survey: survey)
    }

    private func makeResult(
        unit: ServiceUnit, period: String, breakdowns: [ScoreBreakdown], basis: ScoreBasis,
        survey: SurveySummary?
    ) -> UnitResult {
        let n = Double(breakdowns.count)
        let score = breakdowns.reduce(0) { $0 + ($1.total ?? 0) } / n
        let points = rubric.dimensions.indices.map { d in mean(breakdowns.compactMap { $0.dimensionPoints[d] }) }
        let indicators = rubric.indicators.indices.lazy.map { i -> IndicatorResult in
            IndicatorResult(
                indicatorIndex: i, value: mean(breakdowns.compactMap { $0.values[i] }),
                missingCount: breakdowns.filter { $0.missing.contains(i) }.count)
        }
        return UnitResult(
            unit: unit, period: period, score: score, band: rubric.band(for: score), basis: basis,
            dimensionPoints: points, indicators: IndicatorResults(indicators),
            assessmentCount: basis == .assessments ? breakdowns.count : 0,
            respondents: rubric.hasSurveyIndicators ? (survey?.tally.respondents ?? 0) : nil,
            change: nil)
    }

    /// A unit with no score of its own: the mean of its scored child units, recursively.
    private func fromChildren(
        _ unit: ServiceUnit, period: String, results: ResultTable,
        memo: inout [String: UnitResult?]
    ) -> UnitResult? {
        if let r = results[UnitPeriod(unit: unit.id, period: period)] { return r }
        if let cached = memo[unit.id] { return cached }
        memo[unit.id] = .some(nil)  // guards against a cycle in bad data
        // An MPP is the pemda's: its mean leaves out K/L tenants unless the rubric counts them.
        let scored = registry.children(ofUnit: unit.id).filter { rubric.klInPemda || $0.authority == nil }.compactMap {
            fromChildren($0, period: period, results: results, memo: &memo)
        }
        guard !scored.isEmpty else { return nil }
        let score = scored.reduce(0) { $0 + $1.score } / Double(scored.count)
        let points = rubric.dimensions.indices.map { d in mean(scored.compactMap { $0.dimensionPoints[d] }) }
        let respondents: Int? = rubric.hasSurveyIndicators ? scored.reduce(0) { $0 + ($1.respondents ?? 0) } : nil
        let r = UnitResult(
            unit: unit, period: period, score: score, band: rubric.band(for: score), basis: .children,
            dimensionPoints: points, indicators: [], assessmentCount: 0,
            respondents: respondents, change: nil)
        memo[unit.id] = .some(r)
        return r
    }

    private func setChanges(_ results: inout ResultTable, periods: [String]) {
        for (p, period) in periods.enumerated() where p > 0 {
            for unit in registry.units {
                let key = UnitPeriod(unit: unit.id, period: period)
                guard let now = results[key], let before = results[UnitPeriod(unit: unit.id, period: periods[p - 1])]
                else { continue }
                results[key]?.change = Rounding.round2(now.score) - Rounding.round2(before.score)
            }
        }
    }
}

/// The mean of some numbers, `nil` for none.
func mean(_ xs: [Double]) -> Double? {
    xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count)
}
