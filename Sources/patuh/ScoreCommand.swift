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

    @Flag(help: "Missing answers are errors instead of counting as the minimum.")
    var strict = false

    @Option(help: "Output directory.")
    var out: String

    @Option(name: .customLong("csv-dialect"), help: "standard (RFC 4180) or excel-id (';', decimal comma, BOM).")
    var csvDialect: CSVDialect = .standard

    @Argument(help: "Files, or directories searched recursively for *.xml.")
    var paths: [String] = []
}

extension CSVDialect: ExpressibleByArgument {}

/// The work `score` and `report` share: load, pick the round, score, print problems.
struct ScoringRun {
    var inputs: Inputs
    var registry: Registry
    var result: RoundResult
    var assembly: RoundAssembly
    /// Assessments and survey responses counted (the assembly's copies are dropped once scored).
    var assessmentCount: Int
    var respondents: Int

    var diagnostics: [Diagnostic] { inputs.diagnostics + assembly.diagnostics + result.diagnostics }

    /// Loads and scores; `keepsRemarks` keeps assessors' notes and evidence (for the report).
    static func run(_ options: ScoreOptions, common: CommonOptions, keepsRemarks: Bool = false) throws -> ScoringRun {
        var loader = try common.loader()
        loader.keepsRemarks = keepsRemarks
        loader.setsRemarksAside = keepsRemarks  // kept for the last pages, not in memory till then
        let progress = ProgressLine.make(quiet: common.quiet)
        if let progress { loader.progress = { progress.update(done: $0, total: $1, responses: $2) } }
        defer { progress?.finish() }
        // A rubric given as a path is read first, so its id is known and the inputs are read once.
        var rubricID = options.rubric
        var paths = options.paths
        if FileManager.default.fileExists(atPath: options.rubric) {
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
        guard let rubric = inputs.rubrics[rubricID] else {
            Console.print(inputs.diagnostics)
            throw failure("no rubric with id '\(rubricID)' in the inputs or in \(try common.rubricsDirectory())")
        }
        let registry: Registry
        if let path = options.registry {
            guard let r = inputs.registries.first(where: { $0.path.hasSuffix(path) || path.hasSuffix($0.path) })?.registry else {
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
                          assessmentCount: counts.assessments, respondents: counts.respondents)
    }

    private static func failure(_ message: String) -> ExitCode {
        Console.error("patuh: error: \(message)")
        return ExitCode(2)
    }

    /// Writes the three CSV files of the contract, each atomically.
    func writeCSV(to out: OutputDirectory, dialect: CSVDialect) throws {
        let tables = ScoreTables(result)
        try out.prepare()
        var files: [(String, CSVTable)] = [("units.csv", tables.units), ("regions.csv", tables.regions), ("indicators.csv", tables.indicators)]
        // Group breakdowns are SKM's (PermenPANRB 14/2017); a mixed rubric's short output
        // questionnaire gets its comments but no breakdown.
        if result.rubric.isSurveyRubric { files.append(("breakdown.csv", tables.breakdown)) }
        if result.rubric.hasSurveyIndicators { files.append(("comments.csv", tables.comments)) }
        // Each file on its own core: comments.csv of a national SKM round alone is 55 MB.
        let all = files
        try concurrently(all.count) { i in
            try out.write(all[i].0) { file in try all[i].1.write(dialect, bytes: { try file.write(bytes: $0) }) }
        }
    }

    /// Prints the problems and the closing summary; the exit status follows the contract.
    func finish(command: String, quiet: Bool) throws {
        let all = diagnostics
        Console.print(all, quiet: quiet)
        let rejected = Set(all.filter { $0.severity == .error }.map(\.location.file))
        let scored = result.units.count
        var summary = "patuh \(command): \(result.rubric.id): \(Console.count(scored, "unit result")) in "
            + "\(Console.count(result.periods.count, "period")) from \(Console.count(assessmentCount, "assessment"))"
        if respondents > 0 { summary += " and \(Console.count(respondents, "survey response"))" }
        summary += "; \(Console.count(assembly.skippedFiles.count, "file")) for other rubrics skipped"
        summary += "; \(Console.count(rejected.count, "file")) with errors; \(Console.count(all.errorCount, "error")), \(Console.count(all.warningCount, "warning"))"
        Console.error(summary)
        for period in result.periods { Console.error(zoneLine(period)) }
        for file in rejected.sorted() { Console.error("rejected: \(file)") }
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
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score units against a rubric, roll up to regions, rank; write units.csv, regions.csv, indicators.csv.")

    @OptionGroup var options: ScoreOptions
    @OptionGroup var common: CommonOptions
    @OptionGroup var openData: OpenDataOptions

    func run() throws {
        let run = try ScoringRun.run(options, common: common)
        try run.writeCSV(to: OutputDirectory(path: options.out), dialect: options.csvDialect)
        try openData.write(run, to: OutputDirectory(path: options.out), dialect: options.csvDialect)
        PhaseTimer.mark("write CSV")
        defer { PhaseTimer.mark("summary") }
        try run.finish(command: "score", quiet: common.quiet)
    }
}
