import ArgumentParser
import Foundation
import PatuhCore
import PatuhFormats

extension ScoredRound {
    /// Prints the problems and the closing summary; the exit status follows the contract.
    func finish(command: String, quiet: Bool) throws {
        let all = diagnostics
        Figures.note("responses", respondentCount)
        // With nothing scored, "never assessed" for every unit is noise: the message below says why.
        Console.print(all, quiet: quiet || result.units.isEmpty)
        let rejected = Set(all.filter { $0.severity == .error }.map(\.location.file))
        let scored = result.units.count
        var summary: String
        if Console.language == .id {
            // Indonesian nouns take no plural ending.
            // Indonesian number forms: 18.723, not 18723.
            let n = DecimalFormat.indonesian
            summary =
                "patuh \(command): \(result.rubric.id): \(n(scored)) hasil unit dalam \(n(result.periods.count)) periode "
                + "dari \(n(assessmentCount)) penilaian"
            if respondentCount > 0 { summary += " dan \(n(respondentCount)) respons survei" }
            summary += "; \(n(skippedFiles.count)) berkas untuk rubrik lain dilewati"
            summary +=
                "; \(n(rejected.count)) berkas bermasalah; \(n(all.errorCount)) galat, \(n(all.warningCount)) peringatan"
        } else {
            summary =
                "patuh \(command): \(result.rubric.id): \(Console.count(scored, "unit result")) in "
                + "\(Console.count(result.periods.count, "period")) from \(Console.count(assessmentCount, "assessment"))"
            if respondentCount > 0 { summary += " and \(Console.count(respondentCount, "survey response"))" }
            summary += "; \(Console.count(skippedFiles.count, "file")) for other rubrics skipped"
            summary +=
                "; \(Console.count(rejected.count, "file")) with errors; \(Console.count(all.errorCount, "error")), \(Console.count(all.warningCount, "warning"))"
        }
        Console.error(summary)
        for period in result.periods { Console.error(zoneLine(period)) }
        for file in rejected.sorted() { Console.error(Console.say(("ditolak: \(file)", "rejected: \(file)"))) }
        if result.units.isEmpty {
            // Nothing scored is not success: say what the inputs do hold.
            throw NothingScored(rubric: result.rubric, period: period, held: held).failure
        }
        if all.hasErrors { throw ExitCode(1) }
    }
}

extension ScoredRound {
    /// "2023: units hijau 64, kuning 34, merah 16; regions hijau 3, kuning 10": the headline.
    func zoneLine(_ period: String) -> String {
        // Counted as they go by: a national round has 48,000 unit results, not to be copied.
        func counts(_ bands: some Sequence<Band?>) -> String {
            var tally: [String: Int] = [:]
            for band in bands { tally[band?.zone?.rawValue ?? band?.id ?? "-", default: 0] += 1 }
            var order: [String] = Zone.allCases.map(\.rawValue).filter { tally[$0] != nil }
            order += tally.keys.filter { !order.contains($0) }.sorted()
            return order.map { "\($0) \(Console.number(tally[$0] ?? 0))" }.joined(separator: ", ")
        }
        let units = result.units.lazy.filter { $0.period == period }.map(\.band)
        let regions = result.regions.lazy.filter { $0.period == period && $0.score != nil }.map(\.band)
        return Console.say(
            (
                "  \(period): unit \(counts(units)); wilayah \(counts(regions))",
                "  \(period): units \(counts(units)); regions \(counts(regions))"
            ))
    }
}
