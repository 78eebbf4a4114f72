import PatuhCore

/// Writes `assessments/<period>/<region>.xml` (CONTRACT.md section 3): one Ombudsman visit
/// per assessed unit and service product, answering the assessor-sourced items.
struct AssessmentWriter {
    /// The rubric the assessments answer.
    static let rubric = "ombudsman-opini-2022"
    /// Its assessor-sourced items (the OUT-* items come from the output questionnaire).
    static let indicators: [String] =
        (1...15).map { "IN-\(Places.twoDigits($0))" }
        + (1...11).map { "PR-\(Places.twoDigits($0))" }
        + (1...8).map { "PG-\(Places.twoDigits($0))" }
    /// Items this generator may answer "na". Every item of ombudsman-opini-2022 allows it (no
    /// `na="false"` in the rubric); only these two can sensibly be not applicable: parking
    /// (IN-11) for an MPP tenant, whose parking is the mall's, and integrated service (PR-11,
    /// whose description allows "na") for a unit with nothing to integrate.
    static let notApplicableItems: Set<String> = ["IN-11", "PR-11"]

    var random: RandomSource
    var quality: QualityModel
    var header: String

    /// Counts of what one file held.
    struct Written {
        var bytes = 0
        var assessments = 0
    }

    /// Writes the assessments of the units registered in `region` (MPP tenants included,
    /// the MPP itself not) for assessment period number `index`.
    func write(region: PlannedRegion, period: String, index: Int, to path: String) throws -> Written {
        var written = Written()
        var rng = random.derive("team/\(period)/\(region.seedCode)")
        let team = rng.int(in: 1...8)
        let span = PeriodSpan(period: period)?.fieldwork
        written.bytes = try XMLFileWriter.write(path) { w in
            w.raw(header)
            w.raw("<assessments xmlns=\"urn:patuh:1\">\n")
            for unit in region.unitsWithTenants where unit.assessed {
                var rng = random.derive("assessment/\(period)/\(unit.seedID)")
                let twoProducts = unit.id == SamplePlan.twoProductUnit || rng.chance(0.12)
                let products = Array(unit.kind.services.prefix(twoProducts ? 2 : 1))
                let q = quality.compliance(unit: unit, period: index)
                var date = span.map { $0.workday(&rng) }
                for (k, product) in products.enumerated() {
                    let productQuality = k == 0 ? q : min(max(q + 0.08 * rng.gaussian(), 0.03), 0.99)
                    w.raw("  <!-- \(XMLText.comment("\(unit.name): produk layanan \(product)")) -->\n")
                    w.raw("  <assessment")
                    w.attribute("id", "a-\(period)-\(unit.id)-\(k + 1)")
                    w.attribute("rubric", Self.rubric)
                    w.attribute("unit", unit.id)
                    w.attribute("period", period)
                    w.attribute("assessor", "Tim Penilai \(k == 0 ? team : team % 8 + 1)")
                    if let day = date { w.attribute("date", day.iso) }
                    w.raw(">\n")
                    answers(unit: unit, period: period, product: k + 1, quality: productQuality, random: &rng, into: &w)
                    w.raw("  </assessment>\n")
                    written.assessments += 1
                    date = date.map { CalendarDay(number: $0.number + 1) }
                }
                try w.checkpoint()
            }
            w.raw("</assessments>\n")
        }
        return written
    }

    private func answers(unit: PlannedUnit, period: String, product: Int, quality q: Double,
                         random rng: inout RandomSource, into w: inout XMLFileWriter) {
        let story = unit.id == SamplePlan.improvingUnit || unit.id == SamplePlan.decliningUnit
        var maklumatPublished = true
        for indicator in Self.indicators {
            // A few items the assessor forgot to fill in (scored as the minimum, with a warning).
            if !story && rng.chance(0.004) { continue }
            if Self.notApplicableItems.contains(indicator) && rng.chance(naChance(indicator, unit)) {
                w.raw("    <answer indicator=\"\(indicator)\" value=\"na\"/>\n")
                continue
            }
            var value = QualityModel.itemScore(compliance: q, offset: QualityModel.difficulty(indicator), random: &rng)
            // The substance of the maklumat scores 0 when there is no maklumat (PR-06).
            if indicator == "PR-06" { maklumatPublished = value > 0 }
            if indicator == "PR-07" && !maklumatPublished { value = 0 }
            var note: String?
            if value <= 1, rng.chance(0.4), let notes = Phrases.shortcomings[indicator] {
                note = rng.pick(notes)
            } else if value == 3 && rng.chance(0.03) {
                note = rng.pick(Phrases.commendations(for: indicator))
            }
            w.raw("    <answer indicator=\"\(indicator)\" value=\"\(value)\"")
            guard let note else {
                w.raw("/>\n")
                continue
            }
            w.raw(">\n")
            w.element("note", text: note, indent: "      ")
            if rng.chance(0.6) {
                let photo = "foto/\(period)/\(unit.id)-\(product)-\(indicator.lowercased()).jpg"
                w.raw("      <evidence")
                w.attribute("href", photo)
                w.raw("/>\n")
            }
            w.raw("    </answer>\n")
        }
    }

    /// How likely an "na" is for `indicator` at `unit`.
    private func naChance(_ indicator: String, _ unit: PlannedUnit) -> Double {
        switch (indicator, unit.type) {
        case ("IN-11", .mppTenant): 0.4
        case ("PR-11", .puskesmas), ("PR-11", .rsud): 0.6
        case ("PR-11", .opd) where unit.kind.slug != "dpmptsp": 0.25
        default: 0
        }
    }
}
