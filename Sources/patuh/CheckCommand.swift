import ArgumentParser
import Foundation
import PatuhCore
import PatuhFormats
import PatuhReport

/// `patuh check`: a data-quality report for the assessing body, never published.
struct CheckCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "check",
            abstract: CheckHelp.abstract, discussion: CheckHelp.discussion)
    }

    @OptionGroup var choice: RoundRubricOptions

    @Option(help: CheckHelp.out)
    var out: String

    @Option(help: CheckHelp.naShare)
    var naShare = QualityThresholds().naShare

    @Option(help: CheckHelp.scoreChange)
    var scoreChange = QualityThresholds().scoreChange

    @Option(help: CheckHelp.straightLining)
    var straightLining = QualityThresholds().straightLiningMinimum

    @OptionGroup var common: CommonOptions
    @OptionGroup var language: LanguageOption

    @Argument(help: OptionsHelp.paths)
    var paths: [String] = []

    func validate() throws {
        try UsageChecks.atLeastOne(
            paths, id: "sebutkan sedikitnya satu berkas atau folder untuk diperiksa",
            en: "name at least one file or directory to check")
        guard (0...1).contains(naShare) else {
            throw ValidationError(
                Console.say(("--na-share berupa bagian dari 0 sampai 1", "--na-share takes a share from 0 to 1")))
        }
    }

    func run() throws {
        var thresholds = QualityThresholds()
        thresholds.naShare = naShare
        thresholds.scoreChange = scoreChange
        thresholds.straightLiningMinimum = straightLining
        var options = RoundPipeline.Options(rubric: RubricRequest(argument: choice.rubric), paths: paths)
        options.registry = choice.registry
        options.excluding = [out]
        options.use = .records  // every assessment read, notes and all
        let run = try RoundPipeline(loader: try common.loader(), options: options).run()
        let rubric = run.result.rubric
        let scan = ResponseScan(thresholds: thresholds)
        var findings =
            QualityChecks.assessments(run.records, thresholds: thresholds)
            + QualityChecks.results(run.result, thresholds: thresholds)
        for path in run.surveyFiles { findings += scan.findings(file: path) }

        let report = QualityReport(
            findings: findings, rubricID: rubric.id, thresholds: thresholds, lang: Console.language.rawValue)
        let output = OutputDirectory(path: out)
        try output.prepare()
        try output.write("qa.csv") { file in try report.csv.write(.standard, bytes: { try file.write(bytes: $0) }) }
        try output.write("qa.html", report.html)

        Console.print(run.diagnostics, quiet: true)
        var counts: [QualityFindingKind: Int] = [:]
        for f in findings { counts[f.kind, default: 0] += 1 }
        let list = QualityFindingKind.allCases.map { "\($0.rawValue) \(Console.number(counts[$0] ?? 0))" }.joined(
            separator: ", ")
        Console.error(
            Console.say(
                (
                    "patuh check: \(rubric.id): \(Console.number(findings.count)) temuan (\(list)); qa.csv dan qa.html di \(out)",
                    "patuh check: \(rubric.id): \(Console.count(findings.count, "finding")) (\(list)); qa.csv and qa.html in \(out)"
                )))
        if run.result.units.isEmpty {
            throw NothingScored(rubric: rubric, period: nil, held: run.held).failure
        }
        if run.diagnostics.hasErrors { throw ExitCode(1) }
    }
}
