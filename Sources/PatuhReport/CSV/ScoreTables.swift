import PatuhCore

/// The CSV files of `patuh score` (docs/FORMATS.md, "CSV outputs"), built from a scored round.
public struct ScoreTables: Sendable {
    public var result: RoundResult

    /// Breakdown groups with fewer respondents are written as "<N" with no score or NRR.
    public var minimumGroup = 5
    /// Whether comments.csv masks e-mail addresses, phone numbers and NIK (a published site's).
    public var masksComments = false

    public init(_ result: RoundResult) { self.result = result }

    private var rubric: Rubric { result.rubric }
    private var surveyIndicators: [Int] { rubric.indicators.indices.filter { rubric.indicators[$0].source == .survey } }

    /// `units.csv`: one row per unit per period.
    public var units: CSVTable {
        var header = [
            "period", "unit_id", "unit_name", "unit_type", "region_code", "parent_unit_id",
            "score", "band", "zone", "change", "basis", "assessments"
        ]
        header += rubric.dimensions.map { "dim_\($0.id)" }
        // The qualifier's id where earned ("tanpa-maladministrasi"), empty where not.
        let qualifier = rubric.qualifier
        if qualifier != nil { header.append("qualifier") }
        let survey = rubric.hasSurveyIndicators
        if survey {
            header += ["respondents", "population", "sample_required", "sample_ok"]
            header += surveyIndicators.map { "ind_\(rubric.indicators[$0].id)" }
        }
        let result = self.result
        let surveyIndicators = self.surveyIndicators
        return CSVTable(header: header, count: result.units.count, perPart: 2048) { range, emit in
            for u in result.units[range] {
                var row: [CSVCell] = [
                    .text(u.period), .text(u.unit.id), .text(u.unit.name), .text(u.unit.type.rawValue),
                    .text(u.unit.regionCode), .text(u.unit.parentID), .score(u.score), .text(u.band?.id),
                    .text(u.band?.zone?.rawValue), .score(u.change), .text(u.basis.rawValue),
                    .integer(u.assessmentCount)
                ]
                row += u.dimensionPoints.map { .score($0) }
                if let qualifier {
                    row.append(.text(result.rubric.earnsQualifier(u.indicators) == true ? qualifier.id : nil))
                }
                if survey {
                    let check = u.sampleCheck(under: result.rubric)
                    row += [
                        .integer(u.respondents), .integer(u.unit.population), .integer(check?.required),
                        .text(check.map { $0.met ? "yes" : "no" })
                    ]
                    row += surveyIndicators.map { i in
                        .score(u.indicators.isEmpty ? nil : u.indicators[i].value)
                    }
                }
                emit(row)
            }
        }
    }

    /// Whether the registry marks any scored unit as a kementerian's, lembaga's or instansi
    /// vertikal's (then `kl-units.csv` is written).
    public var hasKLUnits: Bool { result.units.contains { $0.unit.authority != nil } }

    /// `kl-units.csv`: the units of kementerian, lembaga and instansi vertikal, ranked among
    /// themselves per period (competition ranks on the 2-decimal score), apart from the
    /// pemda whose score they do not enter.
    public var klUnits: CSVTable {
        let result = self.result
        return CSVTable(header: [
            "period", "unit_id", "unit_name", "authority", "unit_type", "region_code", "parent_unit_id",
            "score", "band", "zone", "rank"
        ]) { emit in
            for period in result.periods {
                let rows = result.units.filter { $0.period == period && $0.unit.authority != nil }
                let ranks = Ranking.competition(rows.map { Optional($0.score) })
                for (u, rank) in zip(rows, ranks).sorted(by: {
                    ($0.1 ?? .max, $0.0.unit.id) < ($1.1 ?? .max, $1.0.unit.id)
                }) {
                    emit([
                        .text(period), .text(u.unit.id), .text(u.unit.name), .text(u.unit.authority?.rawValue),
                        .text(u.unit.type.rawValue), .text(u.unit.regionCode), .text(u.unit.parentID),
                        .score(u.score), .text(u.band?.id), .text(u.band?.zone?.rawValue), .integer(rank)
                    ])
                }
            }
        }
    }

    /// `regions.csv`: one row per region per period, with its ranks.
    public var regions: CSVTable {
        var header = [
            "period", "region_code", "region_name", "level", "parent_code", "score", "band", "zone",
            "units", "rank_level", "rank_in_parent", "change"
        ]
        header += rubric.dimensions.map { "dim_\($0.id)" }
        let result = self.result
        return CSVTable(header: header) { emit in
            for r in result.regions {
                var row: [CSVCell] = [
                    .text(r.period), .text(r.region.code), .text(r.region.name), .text(r.region.level.rawValue),
                    .text(r.region.parentCode), .score(r.score), .text(r.band?.id), .text(r.band?.zone?.rawValue),
                    .integer(r.unitCount), .integer(r.rankLevel), .integer(r.rankInParent), .score(r.change)
                ]
                row += r.dimensionPoints.map { .score($0) }
                emit(row)
            }
        }
    }

    /// `indicators.csv`: each indicator of each unit scored on its own answers.
    public var indicators: CSVTable {
        let result = self.result
        let rubric = self.rubric
        // Per indicator once, not per row: the weight's text and the dimension id.
        // (A national round has 1.6 million rows: an `Indicator` or `Dimension` copied out
        // for each would be most of the table's cost.)
        let weights = rubric.indicators.map { CSVCell.text(DecimalFormat.weight($0.weight)) }
        let sources = rubric.indicators.map { CSVCell.text($0.source.rawValue) }
        let ids = rubric.indicators.map { CSVCell.text($0.id) }
        let dimensionIDs = rubric.dimensionOfIndicator.map { CSVCell.text(rubric.dimensions[$0].id) }
        let indicators = rubric.indicators
        // About 4,000 rows (300 KB) a part.
        let unitsPerPart = 4096 / Swift.max(1, indicators.count)
        return CSVTable(
            header: [
                "period", "unit_id", "indicator_id", "dimension_id", "value", "fraction",
                "weight", "source", "missing", "answered", "asked"
            ], count: result.units.count, perPart: unitsPerPart
        ) { range, emit in
            // One row's array for every row: the encoder reads it and keeps nothing, so its
            // cells are overwritten in place instead of a new array allocated for each row.
            var row = [CSVCell](repeating: .text(nil), count: 11)
            indicators.withUnsafeBufferPointer { indicators in
                for u in result.units[range] where !u.indicators.isEmpty {
                    row[0] = .text(u.period)
                    row[1] = .text(u.unit.id)
                    // Completeness: of the unit's respondents (survey indicators) or assessments
                    // (assessor indicators), how many gave an answer (na included) here.
                    for ir in u.indicators {
                        let i = ir.indicatorIndex
                        let (answered, asked) = result.completeness(of: u, ir)
                        row[2] = ids[i]
                        row[3] = dimensionIDs[i]
                        row[4] = ir.value.map { .score($0) } ?? .text("na")
                        row[5] = .number(ir.value.map { indicators[i].fraction(of: $0) }, decimals: 4)
                        row[6] = weights[i]
                        row[7] = sources[i]
                        row[8] = .integer(ir.missingCount)
                        row[9] = .integer(answered)
                        row[10] = .integer(asked)
                        emit(row)
                    }
                }
            }
        }
    }

    /// `breakdown.csv`: per unit and period, respondents, score and NRRs by service and by
    /// each demographic group, so a unit sees which service or group drags it down.
    public var breakdown: CSVTable {
        let result = self.result
        let rubric = self.rubric
        let surveyIndicators = self.surveyIndicators
        let minimumGroup = self.minimumGroup
        let keys = result.surveys.keys.sorted()
        return CSVTable(
            header: ["period", "unit_id", "group_by", "group", "respondents", "score", "band"]
                + surveyIndicators.map { "ind_\(rubric.indicators[$0].id)" }, count: keys.count, perPart: 256
        ) { range, emit in
            for key in keys[range] {
                guard let summary = result.surveys[key] else { continue }
                for group in summary.breakdown.keys.sorted() {
                    guard let tally = summary.breakdown[group] else { continue }
                    // A group this small could single a respondent out: its size only, no figures.
                    if tally.respondents < minimumGroup {
                        emit(
                            [
                                .text(key.period), .text(key.unitID), .text(group.dimension.rawValue),
                                .text(group.value),
                                .text("<\(minimumGroup)"), .text(nil), .text(nil)
                            ] + surveyIndicators.map { _ in .text(nil) })
                        continue
                    }
                    let score = rubric.groupScore(tally)
                    let means = tally.means
                    emit(
                        [
                            .text(key.period), .text(key.unitID), .text(group.dimension.rawValue), .text(group.value),
                            .integer(tally.respondents), .score(score),
                            .text(score.flatMap { rubric.band(for: $0)?.id })
                        ]
                            + surveyIndicators.map { .score(means[$0]) })
                }
            }
        }
    }

    /// `comments.csv`: every respondent's written comment, for follow-up.
    public var comments: CSVTable {
        let result = self.result
        let masks = masksComments
        let keys = result.surveys.keys.sorted()
        return CSVTable(
            // 32 units a part: a national SKM round's units carry about 25 KB of comments each.
            header: ["period", "unit_id", "response_id", "service", "text"], count: keys.count, perPart: 32
        ) { range, emit in
            for key in keys[range] {
                for c in result.comments(key) {
                    emit([
                        .text(key.period), .text(key.unitID), .text(c.responseID), .text(c.service),
                        .text(masks ? Privacy.mask(c.text, lang: "id") : c.text)
                    ])
                }
            }
        }
    }
}
