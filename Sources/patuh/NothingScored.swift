import PatuhCore
import PatuhFormats

/// The failure of a run that scored nothing: which rubric (and instrument, and period) was
/// asked, and which instruments and periods the inputs hold instead (exit status 1).
struct NothingScored {
    var rubric: Rubric
    var period: String?
    var held: [String: Set<String>]

    var failure: PatuhError {
        let asked =
            rubric.instrument == rubric.id
            ? ("'\(rubric.id)'", "'\(rubric.id)'")
            : (
                "'\(rubric.id)' (instrumen '\(rubric.instrument)')",
                "'\(rubric.id)' (instrument '\(rubric.instrument)')"
            )
        var id = "tidak ada masukan untuk rubrik \(asked.0)"
        var en = "nothing in the inputs is for rubric \(asked.1)"
        if let period {
            id += " pada periode \(period)"
            en += " in period \(period)"
        }
        if held.isEmpty {
            return PatuhError(
                id: id + "; masukan tidak memuat penilaian atau survei",
                en: en + "; the inputs hold no assessments or surveys",
                status: 1)
        }
        var list = ""
        for instrument in held.keys.sorted() {
            list += "\n  \(instrument): " + (held[instrument] ?? []).sorted().joined(separator: ", ")
        }
        return PatuhError(id: id + "; isi masukan:" + list, en: en + "; the inputs hold:" + list, status: 1)
    }
}
