import ArgumentParser
import Foundation
import PatuhCore
import PatuhReport

/// `patuh followup-template`: a draft follow-up plan per unit, its three weakest indicators
/// listed and every action field empty, to be filled in and given back to `patuh report`.
struct FollowupTemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup-template",
        abstract: FollowupHelp.abstract)

    @OptionGroup var options: ScoreOptions
    @OptionGroup var common: CommonOptions

    @Option(help: FollowupHelp.lang)
    var lang: String = "id"

    func validate() throws {
        guard options.period != nil else {
            throw ValidationError(
                Console.say(
                    (
                        "--period wajib: periode yang hasilnya dijawab oleh rencana",
                        "--period is required: the period whose results the plans answer"
                    )))
        }
        try UsageChecks.language(lang)
    }

    func run() throws {
        let run = try options.scoredRound(common: common, use: .scores)
        let out = OutputDirectory(path: options.out)
        try out.prepare()
        let rubric = run.result.rubric
        let scored = run.result.units.filter { !$0.indicators.isEmpty }
        for u in scored {
            let plan = FollowupDraft.plan(for: u, rubric: rubric, lang: lang)
            let comment =
                "Draft made by patuh followup-template: fill in action, timeframe, responsible; set status and date as work proceeds."
            try out.write(
                "\(u.unit.id).xml", ContractXML.followup([plan], rubric: rubric.id, period: u.period, comment: comment))
        }
        if !common.quiet {
            Console.error(
                Console.say(
                    (
                        "patuh followup-template: \(Console.number(scored.count)) rancangan rencana ditulis ke \(options.out)",
                        "patuh followup-template: \(Console.count(scored.count, "draft plan")) written to \(options.out)"
                    )))
        }
        try run.finish(command: "followup-template", quiet: common.quiet)
    }
}
