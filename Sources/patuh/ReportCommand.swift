import ArgumentParser
import Foundation
import PatuhCore
import PatuhFormats
import PatuhReport

/// `patuh report`: the CSV files of `score` and a static site that can be published as is.
struct ReportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "report",
            abstract: ReportHelp.abstract, discussion: ReportHelp.discussion)
    }

    @OptionGroup var options: ScoreOptions
    @OptionGroup var common: CommonOptions
    @OptionGroup var openData: OpenDataOptions
    @OptionGroup var cache: CacheOption

    @Option(help: ReportHelp.lang)
    var lang: String = "id"

    @Option(help: ReportHelp.title)
    var title: String?

    @Flag(help: ReportHelp.noComments)
    var noComments = false

    @Option(help: ReportHelp.dataSource)
    var dataSource: String?

    @Flag(help: ReportHelp.noMaps)
    var noMaps = false

    func validate() throws {
        guard options.minimumGroup >= 1 else {
            throw ValidationError(
                Console.say(
                    (
                        "--min-group berupa bilangan bulat, sedikitnya 1",
                        "--min-group takes a whole number of at least 1"
                    )))
        }
        try UsageChecks.language(lang)
        // The site replaces its folder whole: no input may live inside it.
        try UsageChecks.output(
            options.out, inputs: options.paths + (options.registry.map { [$0] } ?? []), replacesWhole: true)
    }

    func run() throws {
        // Checked before any work, and again just before the new site is put in place.
        do throws(SiteRefusal) { try SiteDirectory.check(options.out) } catch {
            throw PatuhError(id: error.indonesian, en: error.description)
        }
        var run = try options.scoredRound(common: common, use: .pages, cache: cache)
        var warnings: [Diagnostic] = []
        // The site is built beside --out and swapped in whole: no reader ever sees a mix of
        // an old site and a new one, and a failed or killed run leaves the old one as it was.
        let directory = try SiteDirectory(path: options.out)
        do {
            let out = directory.staging
            let files = try run.writeCSV(
                to: out, dialect: options.csvDialect, minimumGroup: options.minimumGroup,
                comments: noComments ? .omitted : .masked)
            PhaseTimer.mark("write CSV")
            var site = SiteOptions()
            site.lang = lang
            site.title = title
            site.minimumGroup = options.minimumGroup
            site.showsComments = !noComments
            site.assessingBody = openData.assessingBody  // the footer and datapackage.json name the same body
            site.dataSource = dataSource
            site.assessmentCount = run.assessmentCount
            site.respondentCount = run.respondentCount
            site.generated = SiteOptions.generationDate()
            try openData.write(run, files: files, to: out, dialect: options.csvDialect)
            var builder = try SiteBuilder(result: run.result, registry: run.registry, options: site)
            builder.followups = run.followups
            builder.drawsMaps = !noMaps
            let written = try builder.write(to: out, carryingOverFrom: directory.previous)
            warnings = written.diagnostics + builder.mapWarnings()
            PhaseTimer.mark("write site")
            SiteFigures.report(written, quiet: common.quiet)
            try directory.commit(pages: written.manifest)
        } catch let refusal as SiteRefusal {
            directory.discard()
            throw PatuhError(id: refusal.indonesian, en: refusal.description)
        } catch {
            directory.discard()
            throw error
        }
        run.result.diagnostics += warnings
        try run.finish(command: "report", quiet: common.quiet)
    }
}
