/// Which assessor-answered items each shipped instrument has, so that the sample holds a
/// round for every rubric in `Rubrics/` (kept in step with those files by
/// `SampleFilesTests`).
struct AssessmentForm: Sendable {
    /// The rubric (instrument) the assessments name.
    var rubric: String
    /// Assessor-answered items with their top value (the bottom is 0).
    var items: [(id: String, max: Int)]
    /// Items of the users' questionnaire, answered in survey files (1–4); empty for none.
    var surveyItems: [String] = []
    /// Whether the Ombudsman notes of `Phrases.shortcomings` fit these items' ids.
    var usesOpiniPhrases = false
    /// Whether a unit may be assessed on two service products (the Ombudsman's practice);
    /// PEKPPP evaluates a unit once.
    var perProduct = true

    /// How likely an "na" is for `item` at `unit` (only where the rubric says `na="true"`).
    func naChance(_ item: String, _ unit: PlannedUnit) -> Double {
        switch (rubric, item, unit.type) {
        case (_, "PRD-01", _): 0.3  // no Ombudsman product addressed to the unit
        case (_, "IN-15", .mppTenant) where rubric != Self.opini2025: 0.4  // parking is the mall's
        case (_, "PR-11", .puskesmas) where rubric != Self.opini2025,
            (_, "PR-11", .rsud) where rubric != Self.opini2025:
            0.6
        case (_, "PR-11", .opd) where rubric != Self.opini2025 && unit.kind.slug != "dpmptsp": 0.25
        default: 0
        }
    }

    static let opini2025 = "ombudsman-opini-2025"

    private static func numbered(_ prefix: String, _ range: ClosedRange<Int>, max: Int) -> [(id: String, max: Int)] {
        range.map { ("\(prefix)-\(Places.twoDigits($0))", max) }
    }

    private static let proses = numbered("PR", 1...11, max: 3)
    private static let pengaduan = numbered("PG", 1...8, max: 3)
    private static let output = (1...8).map { "OUT-\(Places.twoDigits($0))" }

    /// The Ombudsman instrument of a round's year: the 2018–2021 method before 2022, the
    /// yearly opini instruments 2022–2024, and from 2025 the Penilaian Maladministrasi.
    static func ombudsman(period: String) -> AssessmentForm {
        let year = Int(period.prefix(4)) ?? 2022
        switch year {
        case ..<2022:
            let ids = [
                "SP-01", "SP-02", "SP-03", "SP-04", "SP-05", "SP-06", "MK-01", "SI-01", "SI-02",
                "SR-01", "SR-02", "SR-03", "SR-04", "PK-01", "PK-02", "PK-03", "PA-01", "PA-02", "PA-03",
                "VM-01", "VM-02", "AT-01", "AT-02", "PT-01"
            ]
            return AssessmentForm(rubric: "ombudsman-kepatuhan-2019", items: ids.map { ($0, 2) })
        case 2022:
            // Input 5 kompetensi + 8 sarana prasarana (penjaminan mutu IN-16).
            let input = [
                "IN-01", "IN-02", "IN-03", "IN-04", "IN-06", "IN-07", "IN-08", "IN-10", "IN-16",
                "IN-11", "IN-12", "IN-13", "IN-14"
            ].map { ($0, 3) }
            return AssessmentForm(
                rubric: "ombudsman-opini-2022", items: input + proses + pengaduan,
                surveyItems: output, usesOpiniPhrases: true)
        case 2023, 2024:
            return AssessmentForm(
                rubric: "ombudsman-opini-\(year)", items: numbered("IN", 1...15, max: 3) + proses + pengaduan,
                surveyItems: output, usesOpiniPhrases: true)
        default:
            let ids = [
                "IN-01", "IN-02", "IN-03", "IN-04", "PR-01", "PR-02", "PR-03", "OUT-01", "OUT-02",
                "PG-01", "PG-02", "KM-01"
            ]
            return AssessmentForm(rubric: opini2025, items: ids.map { ($0, 3) } + [("PRD-01", 2)])
        }
    }

    /// KemenPANRB's PEKPPP evaluation (evaluator form F-02), 0–5.
    static let pekppp = AssessmentForm(
        rubric: "panrb-pekppp-2022",
        items: (numbered("KB", 1...9, max: 5) + numbered("SDM", 10...14, max: 5) + numbered("SP", 15...20, max: 5)
            + [("SP-31", 5)] + numbered("SI", 21...24, max: 5) + numbered("KP", 25...28, max: 5)
            + numbered("IN", 29...30, max: 5)),
        perProduct: false)
}
