import PatuhCore

extension RoundResult {
    /// The SKM result of a unit in a period (`nil` unless the rubric is an SKM and the unit
    /// was scored on its survey).
    public func skm(_ u: UnitResult) -> SKMResult? {
        // Not an SKM, or not scored on a survey: nothing to gather (a national Ombudsman round
        // has 48,000 results, and the history below is a pass over all of them).
        guard rubric.isSurveyRubric, u.basis == .survey else { return nil }
        return SKMResult.make(
            rubric: rubric, result: u, survey: surveys[u.key],
            history: units.filter { $0.unit.id == u.unit.id })
    }

    /// The SKM recap of every region in `period` with at least one surveyed unit, in registry order.
    public func skmRecaps(period: String) -> [SKMRecap] {
        let inPeriod = units.filter { $0.period == period }
        var seen = Set<String>()
        return regions.filter { $0.period == period && seen.insert($0.region.code).inserted }.compactMap {
            SKMRecap.make(rubric: rubric, region: $0.region, period: period, units: inPeriod)
        }.filter { !$0.rows.isEmpty }
    }
}

/// `skm.csv` and `skm-regions.csv`: the SKM report of each unit and of each pemda, in long
/// form (one row per figure, `section` saying which), for SKM rubrics only. See docs/skm.md.
public struct SKMTables: Sendable {
    public var result: RoundResult

    public init(_ result: RoundResult) { self.result = result }

    /// The text written for respondents who left a profile field empty.
    public static let notStated = "tidak diisi"

    /// `skm.csv`: per unit and period, sections `unsur`, `total`, `profile`, `lowest`,
    /// `highest`, `trend`, `sample`.
    public var units: CSVTable {
        let result = self.result
        let header = [
            "period", "unit_id", "section", "item", "group", "respondents", "nrr", "weight",
            "nrr_weighted", "ikm", "band", "kinerja", "percent", "population", "sample_required", "sample_ok"
        ]
        return CSVTable(header: header) { emit in
            for u in result.units {
                guard let skm = result.skm(u) else { continue }
                func row(
                    _ section: String, _ item: String, group: String? = nil, respondents: Int? = nil,
                    nrr: Double? = nil, weight: Double? = nil, weighted: Double? = nil, ikm: Double? = nil,
                    band: Band? = nil, percent: Double? = nil, sample: SampleCheck? = nil
                ) {
                    emit([
                        .text(u.period), .text(u.unit.id), .text(section), .text(item), .text(group),
                        .integer(respondents), .number(nrr, decimals: 4),
                        .text(weight.map { DecimalFormat.weight($0) }),
                        .number(weighted, decimals: 4), .score(ikm), .text(band?.id), .text(band?.label.text("id")),
                        .score(percent), .integer(sample?.population), .integer(sample?.required),
                        .text(sample.map { $0.met ? "yes" : "no" })
                    ])
                }
                for x in skm.unsur {
                    row("unsur", x.id, nrr: x.nrr, weight: x.weight, weighted: x.weighted, ikm: x.ikm)
                }
                row(
                    "total", "IKM", respondents: skm.respondents, weighted: skm.weightedSum, ikm: skm.ikm,
                    band: skm.band)
                for line in skm.profile {
                    row(
                        "profile", line.dimension.rawValue, group: line.value ?? Self.notStated,
                        respondents: line.count,
                        percent: line.percent)
                }
                for (rank, k) in skm.lowest.enumerated() {
                    row(
                        "lowest", skm.unsur[k].id, group: String(rank + 1), nrr: skm.unsur[k].nrr, ikm: skm.unsur[k].ikm
                    )
                }
                if let k = skm.highest { row("highest", skm.unsur[k].id, nrr: skm.unsur[k].nrr, ikm: skm.unsur[k].ikm) }
                for p in skm.trend { row("trend", p.period, respondents: p.respondents, ikm: p.ikm, band: p.band) }
                if let sample = skm.sample {
                    row("sample", "krejcie-morgan", respondents: sample.respondents, sample: sample)
                }
            }
        }
    }

    /// `skm-regions.csv`: per pemda and period, a `unit` row for each surveyed unit of its own
    /// (IKM, mutu, lowest unsur) and a `pemda` row with the pemda's IKM (the mean of its
    /// units' IKMs) and, for comparison, the respondent-weighted mean.
    public var regions: CSVTable {
        let result = self.result
        let header = [
            "period", "region_code", "region_name", "level", "row", "unit_id", "unit_name", "units",
            "respondents", "ikm", "band", "kinerja", "lowest_unsur", "lowest_nrr", "ikm_respondent_weighted"
        ]
        return CSVTable(header: header) { emit in
            for period in result.periods {
                for recap in result.skmRecaps(period: period) {
                    let r = recap.region
                    let head: [CSVCell] = [.text(period), .text(r.code), .text(r.name), .text(r.level.rawValue)]
                    for x in recap.rows {
                        emit(
                            head + [
                                .text("unit"), .text(x.unit.id), .text(x.unit.name), .integer(1),
                                .integer(x.respondents),
                                .score(x.ikm), .text(x.band?.id), .text(x.band?.label.text("id")), .text(x.lowest?.id),
                                .number(x.lowest?.nrr, decimals: 4), .text(nil)
                            ])
                    }
                    let band = recap.meanIKM.flatMap { result.rubric.band(for: $0) }
                    emit(
                        head + [
                            .text("pemda"), .text(nil), .text(nil), .integer(recap.rows.count),
                            .integer(recap.respondents),
                            .score(recap.meanIKM), .text(band?.id), .text(band?.label.text("id")), .text(nil),
                            .text(nil), .score(recap.respondentWeightedIKM)
                        ])
                }
            }
        }
    }
}
