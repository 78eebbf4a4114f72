import Foundation
import PatuhCore
import PatuhFormats
import PatuhReport

extension ScoredRound {
    /// Writes every CSV file of the round, each atomically; returns what the data package lists.
    @discardableResult
    func writeCSV(
        to out: OutputDirectory, dialect: CSVDialect, minimumGroup: Int = 5, comments: CommentsOutput = .plain
    ) throws -> [String] {
        try out.prepare()
        let tables = RoundTables(result, followups: followups, minimumGroup: minimumGroup, comments: comments)
        // On every core: small files each whole on one, big tables (indicators.csv, comments.csv of
        // a national SKM round: 72 and 55 MB) in parts encoded side by side and written in order.
        try out.write(tables: tables.files, dialect: dialect)
        return tables.packageFiles
    }
}
