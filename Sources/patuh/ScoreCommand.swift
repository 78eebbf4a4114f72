import ArgumentParser
import Foundation
import PatuhCore
import PatuhFormats
import PatuhReport

/// Options shared by `score` and `report`.
struct ScoreOptions: ParsableArguments {
    @OptionGroup var choice: RoundRubricOptions

    @Option(help: OptionsHelp.period)
    var period: String?

    @Flag(help: OptionsHelp.strict)
    var strict = false

    @Option(help: OptionsHelp.out)
    var out: String

    @Option(
        name: .customLong("min-group"),
        help: OptionsHelp.minGroup)
    var minimumGroup: Int = 5

    @Option(name: .customLong("csv-dialect"), help: OptionsHelp.csvDialect)
    var csvDialect: CSVDialect = .standard

    @Argument(help: OptionsHelp.paths)
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
            abstract: ScoreHelp.abstract, discussion: ScoreHelp.discussion)
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
