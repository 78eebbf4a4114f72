import ArgumentParser
import Foundation
import PatuhReport

/// `patuh report`: the CSV files of `score` and a static site that can be published as is.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Score, then write the CSV files and a self-contained HTML site (index.html, a page per region and unit, metode.html).")

    @OptionGroup var options: ScoreOptions
    @OptionGroup var common: CommonOptions
    @OptionGroup var openData: OpenDataOptions

    @Option(help: "Language of the site: id (Bahasa Indonesia) or en.")
    var lang: String = "id"

    @Option(help: "The site's title (default: the rubric's title).")
    var title: String?

    @Flag(name: .customLong("no-maps"), help: "Leave the maps out (patuh bench measures what they cost).")
    var noMaps = false

    func validate() throws {
        guard ["id", "en"].contains(lang) else { throw ValidationError("--lang takes id or en") }
    }

    func run() throws {
        var run = try ScoringRun.run(options, common: common, keepsRemarks: true)
        let out = OutputDirectory(path: options.out)
        try run.writeCSV(to: out, dialect: options.csvDialect)
        try openData.write(run, to: out, dialect: options.csvDialect)
        PhaseTimer.mark("write CSV")
        var site = try SiteBuilder(result: run.result, registry: run.registry, lang: lang, title: title)
        site.drawsMaps = !noMaps
        run.inputs.diagnostics += site.mapWarnings()
        try site.writePages { path, contents in try out.write(path, contents) }
        PhaseTimer.mark("write site")
        try run.finish(command: "report", quiet: common.quiet)
    }
}
