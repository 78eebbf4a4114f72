import Foundation
import PatuhCore

/// What `patuh generate` makes: how many provinces, regions, units, periods and respondents.
public struct SampleOptions: Sendable, Hashable {
    /// Every draw derives from this seed; the same options give byte-identical files.
    public var seed: UInt64
    /// Provinces: 1 is Riau alone; more add the other provinces (real codes, names and
    /// kabupaten/kota), then "Provinsi Sintetis NN" beyond the 38.
    public var provinces: Int
    /// Kabupaten/kota per province; `nil`: Riau's real twelve, 8–20 for synthetic provinces.
    public var regions: Int?
    /// Service units per kabupaten/kota (besides the MPP); `nil`: 6–10, varying by region.
    public var units: Int?
    /// Mean SKM respondents per surveyed unit and survey period. A unit collects at least
    /// its Krejcie–Morgan sample (one unit in Riau deliberately falls short).
    public var respondents: Int
    /// Assessment periods (Ombudsman rounds), oldest first. Each round answers the
    /// instrument of its year: before 2022 the 2018–2021 method (`ombudsman-kepatuhan-2019`),
    /// 2022–2024 that year's `ombudsman-opini-YYYY`, from 2025 `ombudsman-opini-2025`.
    public var periods: [String]
    /// Periods of a KemenPANRB PEKPPP evaluation round (`panrb-pekppp-2022`), one per unit.
    public var pekpppPeriods: [String]
    /// Periods of a small KepmenPAN 25/2004 survey round (`skm-2004`) of a few surveyed units.
    public var skm2004Periods: [String]
    /// SKM survey periods.
    public var surveyPeriods: [String]
    /// Respondents per assessed unit and period to the Ombudsman output questionnaire.
    public var opiniRespondents: Int

    /// The defaults are those of `patuh generate` and of `Samples/riau`.
    public init(
        seed: UInt64 = 7, provinces: Int = 1, regions: Int? = nil, units: Int? = nil,
        respondents: Int = 150, periods: [String] = ["2019", "2022", "2023", "2024", "2025"],
        surveyPeriods: [String] = ["2023-S1", "2023-S2"], opiniRespondents: Int = 30,
        pekpppPeriods: [String] = ["2023"], skm2004Periods: [String] = ["2013"]
    ) {
        self.seed = seed
        self.provinces = provinces
        self.regions = regions
        self.units = units
        self.respondents = respondents
        self.periods = periods
        self.surveyPeriods = surveyPeriods
        self.opiniRespondents = opiniRespondents
        self.pekpppPeriods = pekpppPeriods
        self.skm2004Periods = skm2004Periods
    }

    /// Surveyed units a `skm-2004` round covers, and its respondents per unit.
    static let skm2004Units = 6
    static let skm2004Respondents = 40

    /// Throws `SampleError.invalidOption` for a value out of range or a malformed period.
    public func validate() throws {
        func check(_ ok: Bool, _ id: String, _ en: String) throws {
            if !ok { throw SampleError.invalidOption(id: id, en: en) }
        }
        let most = Places.maxProvinces
        try check(
            (1...most).contains(provinces), "--provinces harus 1 sampai \(most)", "--provinces must be 1...\(most)")
        try check(
            regions.map { (1...Places.maxRegions).contains($0) } ?? true,
            "--regions harus 1 sampai \(Places.maxRegions)",
            "--regions must be 1...\(Places.maxRegions)")
        try check(units.map { (1...200).contains($0) } ?? true, "--units harus 1 sampai 200", "--units must be 1...200")
        try check(
            (1...1_000_000).contains(respondents), "--respondents harus 1 sampai 1.000.000",
            "--respondents must be 1...1000000")
        try check(
            (0...1_000_000).contains(opiniRespondents), "--opini-respondents harus 0 sampai 1.000.000",
            "--opini-respondents must be 0...1000000")
        try check(
            !periods.isEmpty, "--periods memerlukan sedikitnya satu periode", "--periods needs at least one period")
        for period in periods + surveyPeriods + pekpppPeriods + skm2004Periods {
            try check(
                PeriodSpan(period: period) != nil && Self.isPeriod(period),
                "'\(period)' bukan periode seperti 2023, 2023-S1, 2023-Q2 atau 2023-07",
                "'\(period)' is not a period like 2023, 2023-S1, 2023-Q2 or 2023-07")
        }
        try check(
            Set(periods).count == periods.count, "--periods menyebut satu periode dua kali",
            "--periods lists a period twice")
        try check(
            Set(surveyPeriods).count == surveyPeriods.count, "--survey-periods menyebut satu periode dua kali",
            "--survey-periods lists a period twice")
    }

    /// The schema's period pattern: four digits, then `-` and letters or digits, repeated.
    static func isPeriod(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let year = parts.first, year.count == 4, year.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}

/// What a run wrote.
public struct SampleSummary: Sendable, Hashable {
    /// Files written (registry, assessment and survey files).
    public var files = 0
    /// Regions in the registry (provinces and kabupaten/kota).
    public var regions = 0
    /// Units in the registry, MPP tenants included.
    public var units = 0
    /// `<assessment>` elements written.
    public var assessments = 0
    /// Survey `<response>` elements written (SKM and output questionnaire).
    public var responses = 0
    /// Bytes written.
    public var bytes = 0

    /// Nothing written yet.
    public init() {}
}

/// The deterministic synthetic dataset behind `patuh generate` and `Samples/riau`: a registry,
/// Ombudsman assessments per region and period, and survey files per unit and period.
public struct SampleGenerator: Sendable {
    /// What to generate.
    public var options: SampleOptions

    /// A generator for `options` (checked when generating).
    public init(options: SampleOptions) { self.options = options }

    /// Writes the dataset into `directory` (created if needed; files already there with the
    /// same names are replaced, others are left alone).
    public func generate(into directory: String) throws -> SampleSummary {
        try options.validate()
        let root = RandomSource(seed: options.seed)
        let plan = SamplePlan(options: options, random: root)
        let quality = QualityModel(random: root.derive("quality"), periods: options.periods)
        let notice =
            "SYNTHETIC DATA made by patuh generate (seed \(options.seed)): the places and "
            + "Kemendagri codes are real; every unit's population, answer and score is invented."
        let header = "<!-- \(XMLText.comment(notice)) -->\n"
        let base = URL(fileURLWithPath: directory)
        func path(_ parts: String...) -> String {
            parts.reduce(base) { $0.appendingPathComponent($1) }.path
        }

        var summary = SampleSummary()
        summary.regions = plan.regions.count
        summary.units = plan.units.count
        summary.bytes += try RegistryWriter.write(plan, to: path("registry.xml"), header: header)
        summary.files += 1

        let assessments = AssessmentWriter(random: root.derive("assessments"), quality: quality, header: header)
        let surveys = SurveyWriter(random: root.derive("surveys"), quality: quality, header: header)
        for (index, period) in options.periods.enumerated() {
            let form = AssessmentForm.ombudsman(period: period)
            var photos: Set<String> = []
            for region in plan.regions {
                let written = try assessments.write(
                    region: region, period: period, index: index, form: form,
                    to: path("assessments", period, "\(region.fileStem).xml"))
                photos.formUnion(written.photos)
                summary.files += 1
                summary.assessments += written.assessments
                summary.bytes += written.bytes
            }
            for photo in photos.sorted() {
                let target = path("assessments", period, photo)
                try FileManager.default.createDirectory(
                    atPath: (target as NSString).deletingLastPathComponent,
                    withIntermediateDirectories: true)
                try Data(AssessmentWriter.placeholderPhoto).write(to: URL(fileURLWithPath: target))
                summary.files += 1
                summary.bytes += AssessmentWriter.placeholderPhoto.count
            }
            guard options.opiniRespondents > 0, !form.surveyItems.isEmpty else { continue }
            for unit in plan.units where unit.assessed {
                let written = try surveys.writeOutput(
                    unit: unit, period: period, index: index,
                    respondents: options.opiniRespondents, form: form,
                    to: path("surveys", period, "opini-\(unit.id).xml"))
                summary.files += 1
                summary.responses += written.responses
                summary.bytes += written.bytes
            }
        }
        for period in options.pekpppPeriods {
            let index = options.periods.firstIndex { $0.prefix(4) == period.prefix(4) } ?? 0
            for region in plan.regions {
                let written = try assessments.write(
                    region: region, period: period, index: index, form: .pekppp,
                    to: path("assessments", "pekppp-\(period)", "\(region.fileStem).xml"))
                summary.files += 1
                summary.assessments += written.assessments
                summary.bytes += written.bytes
            }
        }
        for period in options.skm2004Periods {
            for unit in plan.units.filter(\.surveyed).prefix(SampleOptions.skm2004Units) {
                let written = try surveys.writeSKM2004(
                    unit: unit, period: period, respondents: SampleOptions.skm2004Respondents,
                    to: path("surveys", "skm2004-\(period)", "\(unit.id).xml"))
                summary.files += 1
                summary.responses += written.responses
                summary.bytes += written.bytes
            }
        }
        var firstTallies: [FollowupWriter.Tally] = []
        for period in options.surveyPeriods {
            for unit in plan.units where unit.surveyed {
                let written = try surveys.writeSKM(
                    unit: unit, period: period, respondents: options.respondents,
                    to: path("surveys", period, "\(unit.id).xml"))
                summary.files += 1
                summary.responses += written.responses
                summary.bytes += written.bytes
                if period == options.surveyPeriods.first {
                    firstTallies.append(
                        FollowupWriter.Tally(unit: unit, sums: written.sums, respondents: written.responses))
                }
            }
        }
        // Follow-up plans for a few units' results of the first survey period, acted on in the next.
        if let first = options.surveyPeriods.first, let span = PeriodSpan(period: first), !firstTallies.isEmpty {
            let next =
                options.surveyPeriods.dropFirst().first.flatMap { PeriodSpan(period: $0) }
                ?? PeriodSpan(
                    first: CalendarDay(number: span.last.number + 1), last: CalendarDay(number: span.last.number + 183))
            let writer = FollowupWriter(random: root.derive("followup"), header: header)
            summary.bytes += try writer.write(
                period: first, next: next, tallies: firstTallies,
                to: path("followup", "\(first).xml"))
            summary.files += 1
        }
        return summary
    }
}
