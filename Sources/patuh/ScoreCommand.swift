import ArgumentParser
import Foundation
import PatuhCore
import PatuhFormats
import PatuhReport

/// Options shared by `score` and `report`.
struct ScoreOptions: ParsableArguments {
    @OptionGroup var choice: RoundRubricOptions

    @Option(help: "Only periods equal to P or starting with P- (2023 pools 2023-S1 and 2023-S2).")
    var period: String?

    @Flag(
        help:
            "Incomplete input is an error: an assessment without an answer to an assessor indicator is rejected (not counted as the minimum), and a survey response that leaves an unsur blank is excluded (not counted for the unsur it answers); each is named with its line."
    )
    var strict = false

    @Option(help: "Output directory.")
    var out: String

    @Option(
        name: .customLong("min-group"),
        help: "Breakdown groups with fewer respondents are shown as \"< N\" with no score (default 5).")
    var minimumGroup: Int = 5

    @Option(name: .customLong("csv-dialect"), help: "standard (RFC 4180) or excel-id (';', decimal comma, BOM).")
    var csvDialect: CSVDialect = .standard

    @Argument(help: "Files, or directories searched recursively for *.xml.")
    var paths: [String] = []

    var rubric: String { choice.rubric }
    var registry: String? { choice.registry }
}

extension CSVDialect: ExpressibleByArgument {}

/// How `score` and the commands built on it run the pipeline.
extension ScoreOptions {
    /// The round these options ask for, read, assembled and scored; `use` says what the
    /// command will use of it. A progress line shows on a terminal while files are read.
    func scoredRound(common: CommonOptions, use: InputUse, cache: CacheOption? = nil) throws -> ScoredRound {
        var options = RoundPipeline.Options(rubric: RubricRequest(argument: rubric), paths: paths)
        options.registry = registry
        options.period = period
        options.strict = strict
        options.excluding = [out]
        options.use = use
        var loader = try common.loader()
        let inputCache = cache?.cache(forOutput: out, period: period)
        loader.cache = inputCache
        defer { CacheOption.noteFigures(inputCache) }
        let progress = ProgressLine.make(quiet: common.quiet)
        if let progress { loader.progress = { progress.update(done: $0, total: $1, responses: $2) } }
        defer { progress?.finish() }
        return try RoundPipeline(loader: loader, options: options).run()
    }
}

/// `patuh score`: the three CSV files of a round.
struct ScoreCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "score",
            abstract:
                "Score units against a rubric, roll up to regions, rank; write units.csv, regions.csv, indicators.csv.",
            discussion: HelpText.discussion(
                "Files for another instrument than the rubric's are skipped and counted.",
                examples: [
                    "patuh score --rubric ombudsman-opini-2022 Samples/riau --out out/riau",
                    "patuh score --rubric skm-2017 --period 2023 --strict Samples/riau --out out/skm"
                ]))
    }

    @OptionGroup var options: ScoreOptions
    @OptionGroup var common: CommonOptions
    @OptionGroup var language: LanguageOption
    @OptionGroup var openData: OpenDataOptions
    @OptionGroup var cache: CacheOption

    func run() throws {
        let run = try options.scoredRound(common: common, use: .scores, cache: cache)
        let files = try run.writeCSV(
            to: OutputDirectory(path: options.out), dialect: options.csvDialect,
            minimumGroup: options.minimumGroup)
        try openData.write(run, files: files, to: OutputDirectory(path: options.out), dialect: options.csvDialect)
        PhaseTimer.mark("write CSV")
        defer { PhaseTimer.mark("summary") }
        try run.finish(command: "score", quiet: common.quiet)
    }
}
