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
        let all = tables.files
        // Each file on its own core: comments.csv of a national SKM round alone is 55 MB.
        try concurrently(all.count) { i in
            try out.write(all[i].name) { file in try all[i].table.write(dialect, bytes: { try file.write(bytes: $0) }) }
        }
        return tables.packageFiles
    }
}
