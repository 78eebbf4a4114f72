import Foundation
import PatuhCore
import PatuhFormats
import PatuhReport

/// How comments.csv is written: as given (score), masked (a published report), or not at all.
enum CommentsOutput { case plain, masked, omitted }

extension ScoredRound {
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
        if !FollowupTable(result, plans: followups).isEmpty { files.append(("followup.csv", FollowupTable(result, plans: followups).table)) }
        if tables.hasKLUnits { files.append(("kl-units.csv", tables.klUnits)) }
        // Each file on its own core: comments.csv of a national SKM round alone is 55 MB.
        let all = files
        try concurrently(all.count) { i in
            try out.write(all[i].0) { file in try all[i].1.write(dialect, bytes: { try file.write(bytes: $0) }) }
        }
    }
}
