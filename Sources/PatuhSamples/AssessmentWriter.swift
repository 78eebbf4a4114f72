import PatuhCore

/// Writes `assessments/<period>/<region>.xml` (docs/FORMATS.md, "Assessment"): one visit per
/// assessed unit and service product, answering the assessor-sourced items of a form
/// (`AssessmentForm`: the Ombudsman's instrument of the period's year, or PEKPPP).
struct AssessmentWriter {

    var random: RandomSource
    var quality: QualityModel
    var header: String

    /// Counts of what one file held.
    struct Written {
        var bytes = 0
        var assessments = 0
        /// The photos the file's evidence names (`foto/<item>.png` beside it): the generator
        /// writes each, so that no evidence link of the sample is dead.
        var photos: Set<String> = []
    }

    /// The placeholder photo every evidence reference of the sample points at: a 48×32 grey
    /// checkerboard PNG (96 bytes), plainly not a real photo.
    static let placeholderPhoto: [UInt8] = [
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
        0x00, 0x30,
        0x00, 0x00, 0x00, 0x20, 0x08, 0x00, 0x00, 0x00, 0x00, 0x71, 0xbf, 0xa4, 0xc0, 0x00, 0x00, 0x00, 0x27, 0x49,
        0x44, 0x41,
        0x54, 0x78, 0xda, 0x63, 0xb8, 0x00, 0x05, 0x1b, 0xa0, 0x80, 0x10, 0x9f, 0x61, 0x54, 0x03, 0x4d, 0x34, 0x10,
        0xab, 0x10,
        0xc6, 0x1f, 0xd5, 0x40, 0x1b, 0x0d, 0xa3, 0xa9, 0x75, 0x34, 0x3f, 0x8c, 0x6a, 0x80, 0xf3, 0x01, 0xd4, 0xd8,
        0x80, 0x3d,
        0xd2, 0xd0, 0x60, 0x21, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82
    ]

    /// Writes the assessments of the units registered in `region` (MPP tenants included,
    /// the MPP itself not) for assessment period number `index`.
    func write(region: PlannedRegion, period: String, index: Int, form: AssessmentForm, to path: String) throws
        -> Written
    {
        var written = Written()
        // The Ombudsman rounds keep the streams they always had; other forms draw their own.
        let stream = form.perProduct ? period : "\(form.rubric)/\(period)"
        var rng = random.derive("team/\(stream)/\(region.seedCode)")
        let team = rng.int(in: 1...8)
        let span = PeriodSpan(period: period)?.fieldwork
        written.bytes = try XMLFileWriter.write(path) { w in
            w.raw(header)
            w.raw("<assessments xmlns=\"urn:patuh:1\">\n")
            for unit in region.unitsWithTenants where unit.assessed {
                var rng = random.derive("assessment/\(stream)/\(unit.seedID)")
                let twoProducts = form.perProduct && (unit.id == SamplePlan.twoProductUnit || rng.chance(0.12))
                let products = Array(unit.kind.services.prefix(twoProducts ? 2 : 1))
                let q = quality.compliance(unit: unit, period: index)
                var date = span.map { $0.workday(&rng) }
                for (k, product) in products.enumerated() {
                    let productQuality = k == 0 ? q : min(max(q + 0.08 * rng.gaussian(), 0.03), 0.99)
                    w.raw("  <!-- \(XMLText.comment("\(unit.name): produk layanan \(product)")) -->\n")
                    w.raw("  <assessment")
                    w.attribute("id", form.perProduct ? "a-\(period)-\(unit.id)-\(k + 1)" : "e-\(period)-\(unit.id)")
                    w.attribute("rubric", form.rubric)
                    w.attribute("unit", unit.id)
                    w.attribute("period", period)
                    w.attribute("assessor", "Tim Penilai \(k == 0 ? team : team % 8 + 1)")
                    if let day = date { w.attribute("date", day.iso) }
                    w.attribute("service", product)
                    w.raw(">\n")
                    answers(
                        unit: unit, period: period, product: k + 1, quality: productQuality, form: form,
                        random: &rng, into: &w, photos: &written.photos)
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

    private func answers(
        unit: PlannedUnit, period: String, product: Int, quality q: Double, form: AssessmentForm,
        random rng: inout RandomSource, into w: inout XMLFileWriter, photos: inout Set<String>
    ) {
        let story = unit.id == SamplePlan.improvingUnit || unit.id == SamplePlan.decliningUnit
        var maklumatPublished = true
        for (indicator, top) in form.items {
            // A few items the assessor forgot to fill in (scored as the minimum, with a warning).
            if !story && rng.chance(0.004) { continue }
            let na = form.naChance(indicator, unit)
            if na > 0 && rng.chance(na) {
                w.raw("    <answer indicator=\"\(indicator)\" value=\"na\"/>\n")
                continue
            }
            var value = QualityModel.itemScore(
                compliance: q, offset: QualityModel.difficulty(indicator), max: top,
                random: &rng)
            // The substance of the maklumat scores 0 when there is no maklumat (PR-06).
            if form.usesOpiniPhrases && indicator == "PR-06" { maklumatPublished = value > 0 }
            if form.usesOpiniPhrases && indicator == "PR-07" && !maklumatPublished { value = 0 }
            var note: String?
            if value <= top / 3, rng.chance(0.4), form.usesOpiniPhrases, let notes = Phrases.shortcomings[indicator] {
                note = rng.pick(notes)
            } else if form.usesOpiniPhrases && value == top && rng.chance(0.03) {
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
                let photo = "foto/\(indicator.lowercased()).png"
                photos.insert(photo)
                w.raw("      <evidence")
                w.attribute("href", photo)
                w.raw("/>\n")
            }
            w.raw("    </answer>\n")
        }
    }
}
