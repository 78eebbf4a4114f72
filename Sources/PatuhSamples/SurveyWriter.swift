import PatuhCore

/// Writes survey files (docs/FORMATS.md, "Survey"): SKM questionnaires (`skm-2017`, U1–U9) and the
/// Ombudsman output questionnaire (`ombudsman-opini-2022`, OUT-01–OUT-08), streaming.
struct SurveyWriter {
    static let skmRubric = "skm-2017"
    static let skmIndicators = (1...9).map { "U\($0)" }
    static let outputIndicators = (1...8).map { "OUT-\(Places.twoDigits($0))" }

    var random: RandomSource
    var quality: QualityModel
    var header: String

    /// Counts of what one file held.
    struct Written {
        var bytes = 0
        var responses = 0
        /// SKM only: the sum of the answers to each unsur, in `skmIndicators` order.
        var sums: [Int] = []
    }

    /// The number of SKM respondents of `unit` in a survey period: about `mean`, and at
    /// least the Krejcie–Morgan sample for its population (surveyors aim for it), except for
    /// `SamplePlan.shortSampleUnit`, which collects about a third of it.
    static func skmRespondents(unit: PlannedUnit, mean: Int, random: inout RandomSource) -> Int {
        let drawn = max(1, Int((Double(mean) * random.double(in: 0.8...1.2)).rounded(.toNearestOrAwayFromZero)))
        guard let population = unit.population else { return drawn }
        let required = SampleSize.krejcieMorgan(population: population)
        if unit.id == SamplePlan.shortSampleUnit { return max(1, min(drawn, required * 3 / 10)) }
        return max(drawn, required + random.int(in: 0...max(4, required / 20)))
    }

    /// Writes the SKM survey of `unit` for a survey period.
    func writeSKM(unit: PlannedUnit, period: String, respondents mean: Int, to path: String) throws -> Written {
        var rng = random.derive("skm/\(period)/\(unit.seedID)")
        let count = Self.skmRespondents(unit: unit, mean: mean, random: &rng)
        let q = quality.compliance(unit: unit, surveyPeriod: period)
        // Satisfaction follows compliance loosely; U4 (biaya) is high where services are free,
        // waiting time (U3) and complaint handling (U8) lag.
        let level = 2.55 + 0.95 * q + 0.12 * rng.gaussian()
        let offsets = [0.05, 0.0, -0.15, 0.35, 0.05, 0.05, 0.1, -0.2, -0.05]
        // Many forms ask about sarana (U9) before pengaduan (U8): answers are matched by id.
        var order = Array(0..<9)
        if rng.chance(0.3) { order.swapAt(7, 8) }
        let span = PeriodSpan(period: period)
        var written = Written(responses: count)
        var sums = [Int](repeating: 0, count: 9)
        written.bytes = try XMLFileWriter.write(path) { w in
            start(&w, id: "skm-\(period)-\(unit.id)", rubric: Self.skmRubric, unit: unit, period: period)
            for r in 1...count {
                let mood = 0.35 * rng.gaussian()
                respondent(number: r, unit: unit, span: span, demographics: true, random: &rng, into: &w)
                var sum = 0
                for i in order {
                    let value = QualityModel.likert(
                        mean: min(level + offsets[i], 3.85) + mood, spread: 0.45, random: &rng)
                    sum += value
                    sums[i] += value
                    w.raw("    <answer indicator=\"\(Self.skmIndicators[i])\" value=\"\(value)\"/>\n")
                }
                if rng.chance(0.12) {
                    let pool = sum >= 30 ? Phrases.praise : Phrases.complaints
                    w.element("comment", text: rng.pick(pool), indent: "    ")
                }
                w.raw("  </response>\n")
                try w.checkpoint()
            }
            w.raw("</survey>\n")
        }
        written.sums = sums
        return written
    }

    /// Writes a KepmenPAN 25/2004 survey (`skm-2004`, U1–U14, 1–4) of `unit` for a period:
    /// about `count` respondents, no Krejcie–Morgan top-up (a small historical round).
    func writeSKM2004(unit: PlannedUnit, period: String, respondents count: Int, to path: String) throws -> Written {
        var rng = random.derive("skm2004/\(period)/\(unit.seedID)")
        let q = quality.compliance(unit: unit, surveyPeriod: period)
        let level = 2.4 + 0.95 * q + 0.12 * rng.gaussian()
        let span = PeriodSpan(period: period)
        var written = Written(responses: count)
        written.bytes = try XMLFileWriter.write(path) { w in
            start(&w, id: "skm2004-\(period)-\(unit.id)", rubric: "skm-2004", unit: unit, period: period)
            for r in stride(from: 1, through: count, by: 1) {
                let mood = 0.35 * rng.gaussian()
                respondent(number: r, unit: unit, span: span, demographics: true, random: &rng, into: &w)
                for i in 1...14 {
                    let value = QualityModel.likert(mean: min(level, 3.85) + mood, spread: 0.45, random: &rng)
                    w.raw("    <answer indicator=\"U\(i)\" value=\"\(value)\"/>\n")
                }
                w.raw("  </response>\n")
                try w.checkpoint()
            }
            w.raw("</survey>\n")
        }
        return written
    }

    /// Writes the output questionnaire of `unit` for assessment period number `index`.
    func writeOutput(
        unit: PlannedUnit, period: String, index: Int, respondents count: Int, form: AssessmentForm,
        to path: String
    ) throws -> Written {
        var rng = random.derive("opini/\(period)/\(unit.seedID)")
        let q = quality.compliance(unit: unit, period: index)
        // 4 = never experienced this maladministration; delay (OUT-01) is the most common.
        let level = 1.6 + 2.35 * q
        let offsets =
            [-0.25, 0.1, -0.05, 0.0, 0.15, 0.05, 0.1, 0.1]
            + Array(repeating: 0, count: max(0, form.surveyItems.count - 8))
        let span = PeriodSpan(period: period)?.fieldwork
        var written = Written(responses: count)
        written.bytes = try XMLFileWriter.write(path) { w in
            start(&w, id: "opini-\(period)-\(unit.id)", rubric: form.rubric, unit: unit, period: period)
            for r in stride(from: 1, through: count, by: 1) {
                respondent(number: r, unit: unit, span: span, demographics: false, random: &rng, into: &w)
                var worst = 4
                for (i, indicator) in form.surveyItems.enumerated() {
                    let value = QualityModel.likert(mean: min(level + offsets[i], 3.9), spread: 0.6, random: &rng)
                    worst = min(worst, value)
                    w.raw("    <answer indicator=\"\(indicator)\" value=\"\(value)\"/>\n")
                }
                if rng.chance(0.1) {
                    let pool = worst <= 2 ? Phrases.maladministration : Phrases.noMaladministration
                    w.element("comment", text: rng.pick(pool), indent: "    ")
                }
                w.raw("  </response>\n")
                try w.checkpoint()
            }
            w.raw("</survey>\n")
        }
        return written
    }

    /// Opens `<response …>` with the respondent's particulars.
    /// The file's header and the survey's start tag.
    private func start(_ w: inout XMLFileWriter, id: String, rubric: String, unit: PlannedUnit, period: String) {
        w.raw(header)
        w.raw("<survey xmlns=\"urn:patuh:1\"")
        for (name, value) in [("id", id), ("rubric", rubric), ("unit", unit.id), ("period", period)] {
            w.attribute(name, value)
        }
        w.raw(">\n")
    }

    private func respondent(
        number: Int, unit: PlannedUnit, span: PeriodSpan?, demographics: Bool,
        random rng: inout RandomSource, into w: inout XMLFileWriter
    ) {
        w.raw("  <response id=\"r-\(Self.sixDigits(number))\"")
        if let span { w.attribute("date", span.workday(&rng).iso) }
        if !unit.kind.services.isEmpty {
            let services = unit.kind.services
            let weights = services.indices.map { 1 / (1 + 0.6 * Double($0)) }
            w.attribute("service", services[rng.weightedIndex(weights)])
        }
        w.raw(rng.chance(0.48) ? " gender=\"L\"" : " gender=\"P\"")
        w.attribute("age", Self.age(&rng))
        if demographics {
            w.attribute("education", Self.education[rng.weightedIndex(Self.educationWeights)])
            w.attribute("occupation", Self.occupation[rng.weightedIndex(Self.occupationWeights)])
        }
        w.raw(">\n")
    }

    /// Adult service users, most between 25 and 50.
    private static func age(_ rng: inout RandomSource) -> Int {
        let raw = 38 + 11 * rng.gaussian()
        return min(max(Int(raw.rounded(.toNearestOrAwayFromZero)), 17), 75)
    }

    private static func sixDigits(_ n: Int) -> String {
        let digits = String(n)
        return digits.count >= 6 ? digits : String(repeating: "0", count: 6 - digits.count) + digits
    }

    static let education = ["SD", "SMP", "SMA", "D3", "S1", "S2"]
    static let educationWeights = [0.08, 0.14, 0.44, 0.1, 0.21, 0.03]
    static let occupation = ["PNS", "TNI/Polri", "Swasta", "Wiraswasta", "Pelajar/Mahasiswa", "Lainnya"]
    static let occupationWeights = [0.1, 0.03, 0.3, 0.27, 0.12, 0.18]
}
