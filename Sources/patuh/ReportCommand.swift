import ArgumentParser
import Foundation
import PatuhReport

/// `patuh report`: the CSV files of `score` and a static site that can be published as is.
struct ReportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "report",
            abstract: "Score, then write the CSV files and a self-contained HTML site (index.html, a page per region and unit, metode.html).",
            discussion: HelpText.discussion("", examples: [
                "patuh report --rubric ombudsman-opini-2022 Samples/riau --out out/site",
                "patuh report --rubric skm-2017 --lang en Samples/riau --out out/skm-site",
            ]))
    }

    @OptionGroup var options: ScoreOptions
    @OptionGroup var common: CommonOptions

    @Option(help: "Language of the site: id (Bahasa Indonesia) or en.")
    var lang: String = "id"

    @Option(help: "The site's title (default: the rubric's title).")
    var title: String?

    func validate() throws {
        guard ["id", "en"].contains(lang) else { throw ValidationError("--lang takes id or en") }
        // The site replaces its folder whole: no input may live inside it.
        try UsageChecks.output(options.out, inputs: options.paths + (options.registry.map { [$0] } ?? []), replacesWhole: true)
    }

    func run() throws {
        let run = try ScoringRun.run(options, common: common, keepsRemarks: true)
        let out = OutputDirectory(path: options.out)
        try run.writeCSV(to: out, dialect: options.csvDialect)
        PhaseTimer.mark("write CSV")
        var site = try SiteBuilder(result: run.result, registry: run.registry, lang: lang, title: title)
        site.followups = run.inputs.followups
        try site.writePages { path, contents in try out.write(path, contents) }
        PhaseTimer.mark("write site")
        try run.finish(command: "report", quiet: common.quiet)
    }
}
