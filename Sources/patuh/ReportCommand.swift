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

    @Option(help: "Language of the site: id (Bahasa Indonesia) or en.")
    var lang: String = "id"

    @Option(help: "The site's title (default: the rubric's title).")
    var title: String?

    func validate() throws {
        guard ["id", "en"].contains(lang) else { throw ValidationError("--lang takes id or en") }
    }

    func run() throws {
        // Checked before any work, and again just before the new site is put in place.
        do throws(SiteRefusal) { try SiteDirectory.check(options.out) } catch {
            Console.error("patuh: error: \(error)")
            throw ExitCode(2)
        }
        let run = try ScoringRun.run(options, common: common, keepsRemarks: true)
        // The site is built beside --out and swapped in whole: no reader ever sees a mix of
        // an old site and a new one, and a failed or killed run leaves the old one as it was.
        let directory = try SiteDirectory(path: options.out)
        do {
            let out = directory.staging
            try run.writeCSV(to: out, dialect: options.csvDialect)
            PhaseTimer.mark("write CSV")
            let site = try SiteBuilder(result: run.result, registry: run.registry, lang: lang, title: title)
            try site.writePages { path, contents in try out.write(path, contents) }
            PhaseTimer.mark("write site")
            try directory.commit()
        } catch let refusal as SiteRefusal {
            directory.discard()
            Console.error("patuh: error: \(refusal)")
            throw ExitCode(2)
        } catch {
            directory.discard()
            throw error
        }
        try run.finish(command: "report", quiet: common.quiet)
    }
}
