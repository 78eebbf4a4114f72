import ArgumentParser
import Foundation
import PatuhCore
import PatuhFormats
import PatuhReport

/// Options shared by `score` and `report`.
struct ScoreOptions: ParsableArguments {
    @Option(help: "The rubric: a path, or the id of a rubric in Rubrics/.")
    var rubric: String

    @Option(help: "The registry file (optional when the inputs hold exactly one).")
    var registry: String?

    @Option(help: "Only periods equal to P or starting with P- (2023 pools 2023-S1 and 2023-S2).")
    var period: String?

    @Flag(help: "Incomplete input is an error: an assessment without an answer to an assessor indicator is rejected (not counted as the minimum), and a survey response that leaves an unsur blank is excluded (not counted for the unsur it answers); each is named with its line.")
    var strict = false

    @Option(help: "Output directory.")
    var out: String

    @Option(name: .customLong("min-group"), help: "Breakdown groups with fewer respondents are shown as \"< N\" with no score (default 5).")
    var minimumGroup: Int = 5

    @Option(name: .customLong("csv-dialect"), help: "standard (RFC 4180) or excel-id (';', decimal comma, BOM).")
    var csvDialect: CSVDialect = .standard

    @Argument(help: "Files, or directories searched recursively for *.xml.")
    var paths: [String] = []

}

extension CSVDialect: ExpressibleByArgument {}

/// How comments.csv is written: as given (score), masked (a published report), or not at all.
enum CommentsOutput { case plain, masked, omitted }

/// The work `score` and `report` share: load, pick the round, score, print problems.
struct ScoringRun {
    var inputs: Inputs
    var registry: Registry
    var result: RoundResult
    var assembly: RoundAssembly
    /// Assessments and survey responses counted (the assembly's copies are dropped once scored).
    var assessmentCount: Int
    var respondents: Int
    /// The instruments and periods the inputs hold, and the period asked for.
    var held: [String: Set<String>] = [:]
    var period: String?

    var diagnostics: [Diagnostic] { inputs.diagnostics + assembly.diagnostics + result.diagnostics }

    /// Loads and scores; `keepsRemarks` keeps assessors' notes and evidence (for the report).
    static func run(_ options: ScoreOptions, common: CommonOptions, keepsRemarks: Bool = false) throws -> ScoringRun {
        var loader = try common.loader()
        loader.keepsRemarks = keepsRemarks
        loader.strict = options.strict
        loader.setsRemarksAside = keepsRemarks  // kept for the last pages, not in memory till then
        let progress = ProgressLine.make(quiet: common.quiet)
        if let progress { loader.progress = { progress.update(done: $0, total: $1, responses: $2) } }
        defer { progress?.finish() }
        // A rubric given as a path is read first, so its id is known and the inputs are read once.
        var rubricID = options.rubric
        var paths = options.paths
        if RubricArgument.isPath(options.rubric) {
            do throws(Rejection) {
                rubricID = try loader.readRubric(file: options.rubric).id
            } catch {
                Console.print(error.diagnostics)
                throw failure("the rubric \(options.rubric) could not be read")
            }
            paths.append(options.rubric)
        }
        PhaseTimer.mark("start")
        var inputs = loader.load(paths, excluding: [options.out], only: rubricID, registryPath: options.registry)
        PhaseTimer.mark("read")
        guard var rubric = inputs.rubrics[rubricID] else {
            Console.print(inputs.diagnostics)
            var message = "no rubric with id '\(rubricID)' in the inputs or in \(try common.rubricsDirectory())"
            if FileManager.default.fileExists(atPath: options.rubric) { message += " (to use the file \(options.rubric), write ./\(options.rubric))" }
            throw failure(message)
        }
        if !RubricArgument.isPath(options.rubric), let shipped = loader.shippedRubric(replacedBy: rubric) {
            // Asked for by id: the shipped rubric, not a file among the inputs that took its id.
            inputs.diagnostics.append(.error(rubric.location,
                id: "rubrik '\(rubricID)' berbeda dari rubrik ber-id sama di \(shipped.location.file) dan tidak dipakai; untuk menilai dengan berkas ini, sebutkan dengan --rubric \(rubric.location.file)",
                en: "rubric '\(rubricID)' differs from the rubric of that id in \(shipped.location.file) and is not used; to score with this file, name it with --rubric \(rubric.location.file)"))
            inputs.rubrics[rubricID] = shipped
            rubric = shipped
        }
        let registry: Registry
        if let path = options.registry {
            // The very file named (same device and inode), never one whose path merely ends alike.
            let named = InputFiles.identity(of: path)
            guard named != nil, let r = inputs.registries.first(where: { InputFiles.identity(of: $0.path) == named })?.registry else {
                Console.print(inputs.diagnostics)
                throw failure("the registry \(path) could not be read")
            }
            registry = r
        } else if inputs.registries.count == 1, let r = inputs.registry {
            registry = r
        } else {
            Console.print(inputs.diagnostics)
            throw failure(inputs.registries.isEmpty
                ? "no registry among the inputs: name one with --registry"
                : "the inputs hold \(inputs.registries.count) registries: name one with --registry")
        }
        // What was read moves into the assembly: the per-file lists are emptied, and the list
        // of files (50,000 paths in a national round) is not needed past reading.
        var assembly = RoundAssembly(taking: &inputs, rubric: rubric, registry: registry)
        inputs.files = []
        inputs.kinds = [:]
        PhaseTimer.mark("assemble")
        var scorer = RoundScorer(rubric: rubric, registry: registry, periodFilter: options.period, strict: options.strict)
        scorer.keepsAssessments = keepsRemarks  // the report shows their notes; the CSV files do not
        let assessments = assembly.assessments
        let surveys = assembly.surveys
        let counts = (assessments: assessments.count, respondents: surveys.values.reduce(0) { $0 + $1.tally.respondents })
        assembly.assessments = []
        assembly.surveys = [:]
        var result = scorer.score(assessments: consume assessments, surveys: surveys)
        PhaseTimer.mark("score")
        result.commentSource = inputs.comments
        result.remarkSource = inputs.comments
        return ScoringRun(inputs: inputs, registry: registry, result: result, assembly: assembly,
                          assessmentCount: counts.assessments, respondents: counts.respondents,
                          held: inputs.held, period: options.period)
    }

    private static func failure(_ message: String) -> ExitCode {
        Console.error("patuh: error: \(message)")
        return ExitCode(2)
    }

    /// Writes the three CSV files of the contract, each atomically.
    func writeCSV(to out: OutputDirectory, dialect: CSVDialect, minimumGroup: Int = 5, comments: CommentsOutput = .plain) throws {
        var tables = ScoreTables(result)
        tables.minimumGroup = minimumGroup
        tables.masksComments = comments == .masked
        try out.prepare()
        var files: [(String, CSVTable)] = [("units.csv", tables.units), ("regions.csv", tables.regions), ("indicators.csv", tables.indicators)]
        // Group breakdowns are SKM's (PermenPANRB 14/2017); a mixed rubric's short output
        // questionnaire gets its comments but no breakdown.
        if result.rubric.isSurveyRubric { files.append(("breakdown.csv", tables.breakdown)) }
        if result.rubric.hasSurveyIndicators && comments != .omitted { files.append(("comments.csv", tables.comments)) }
        if result.rubric.isSurveyRubric { files += [("skm.csv", SKMTables(result).units), ("skm-regions.csv", SKMTables(result).regions)] }
        if !FollowupTable(result, plans: inputs.followups).isEmpty { files.append(("followup.csv", FollowupTable(result, plans: inputs.followups).table)) }
        if tables.hasKLUnits { files.append(("kl-units.csv", tables.klUnits)) }
        // Each file on its own core: comments.csv of a national SKM round alone is 55 MB.
        let all = files
        try concurrently(all.count) { i in
            try out.write(all[i].0) { file in try all[i].1.write(dialect, bytes: { try file.write(bytes: $0) }) }
        }
    }

    /// Prints the problems and the closing summary; the exit status follows the contract.
    func finish(command: String, quiet: Bool) throws {
        let all = diagnostics
        Figures.note("responses", respondents)
        // With nothing scored, "never assessed" for every unit is noise: the message below says why.
        Console.print(all, quiet: quiet || result.units.isEmpty)
        let rejected = Set(all.filter { $0.severity == .error }.map(\.location.file))
        let scored = result.units.count
        var summary: String
        if Console.language == .id {
            // Indonesian nouns take no plural ending.
            summary = "patuh \(command): \(result.rubric.id): \(scored) hasil unit dalam \(result.periods.count) periode "
                + "dari \(assessmentCount) penilaian"
            if respondents > 0 { summary += " dan \(respondents) respons survei" }
            summary += "; \(assembly.skippedFiles.count) berkas untuk rubrik lain dilewati"
            summary += "; \(rejected.count) berkas bermasalah; \(all.errorCount) galat, \(all.warningCount) peringatan"
        } else {
            summary = "patuh \(command): \(result.rubric.id): \(Console.count(scored, "unit result")) in "
                + "\(Console.count(result.periods.count, "period")) from \(Console.count(assessmentCount, "assessment"))"
            if respondents > 0 { summary += " and \(Console.count(respondents, "survey response"))" }
            summary += "; \(Console.count(assembly.skippedFiles.count, "file")) for other rubrics skipped"
            summary += "; \(Console.count(rejected.count, "file")) with errors; \(Console.count(all.errorCount, "error")), \(Console.count(all.warningCount, "warning"))"
        }
        Console.error(summary)
        for period in result.periods { Console.error(zoneLine(period)) }
        for file in rejected.sorted() { Console.error(Console.say(("ditolak: \(file)", "rejected: \(file)"))) }
        if result.units.isEmpty {
            // Nothing scored is not success: say what the inputs do hold.
            Console.error(NothingScored(rubric: result.rubric, period: period, held: held).message)
            throw ExitCode(1)
        }
        if all.hasErrors { throw ExitCode(1) }
    }
}

extension ScoringRun {
    /// "2023: units hijau 64, kuning 34, merah 16; regions hijau 3, kuning 10": the headline.
    func zoneLine(_ period: String) -> String {
        // Counted as they go by: a national round has 48,000 unit results, not to be copied.
        func counts(_ bands: some Sequence<Band?>) -> String {
            var tally: [String: Int] = [:]
            for band in bands { tally[band?.zone?.rawValue ?? band?.id ?? "-", default: 0] += 1 }
            var order: [String] = Zone.allCases.map(\.rawValue).filter { tally[$0] != nil }
            order += tally.keys.filter { !order.contains($0) }.sorted()
            return order.map { "\($0) \(tally[$0] ?? 0)" }.joined(separator: ", ")
        }
        let units = result.units.lazy.filter { $0.period == period }.map(\.band)
        let regions = result.regions.lazy.filter { $0.period == period && $0.score != nil }.map(\.band)
        return "  \(period): units \(counts(units)); regions \(counts(regions))"
    }
}

/// `patuh score`: the three CSV files of a round.
struct ScoreCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "score",
            abstract: "Score units against a rubric, roll up to regions, rank; write units.csv, regions.csv, indicators.csv.",
            discussion: HelpText.discussion("Files for another instrument than the rubric's are skipped and counted.", examples: [
                "patuh score --rubric ombudsman-opini-2022 Samples/riau --out out/riau",
                "patuh score --rubric skm-2017 --period 2023 --strict Samples/riau --out out/skm",
            ]))
    }

    @OptionGroup var options: ScoreOptions
    @OptionGroup var common: CommonOptions
    @OptionGroup var language: LanguageOption
    @OptionGroup var openData: OpenDataOptions

    func run() throws {
        let run = try ScoringRun.run(options, common: common)
        try run.writeCSV(to: OutputDirectory(path: options.out), dialect: options.csvDialect, minimumGroup: options.minimumGroup)
        try openData.write(run, to: OutputDirectory(path: options.out), dialect: options.csvDialect)
        PhaseTimer.mark("write CSV")
        defer { PhaseTimer.mark("summary") }
        try run.finish(command: "score", quiet: common.quiet)
    }
}
