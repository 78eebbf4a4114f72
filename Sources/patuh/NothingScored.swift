import PatuhCore

/// The message of a run that scored nothing: which rubric (and instrument, and period) was
/// asked, and which instruments and periods the inputs hold instead.
struct NothingScored {
    var rubric: Rubric
    var period: String?
    var held: [String: Set<String>]

    var message: String {
        let asked = rubric.instrument == rubric.id
            ? ("'\(rubric.id)'", "'\(rubric.id)'")
            : ("'\(rubric.id)' (instrumen '\(rubric.instrument)')", "'\(rubric.id)' (instrument '\(rubric.instrument)')")
        var text = "patuh: error: " + Console.say(("tidak ada masukan untuk rubrik \(asked.0)", "nothing in the inputs is for rubric \(asked.1)"))
        if let period { text += Console.say((" pada periode \(period)", " in period \(period)")) }
        if held.isEmpty { return text + Console.say(("; masukan tidak memuat penilaian atau survei", "; the inputs hold no assessments or surveys")) }
        text += Console.say(("; isi masukan:", "; the inputs hold:"))
        for id in held.keys.sorted() {
            text += "\n  \(id): " + (held[id] ?? []).sorted().joined(separator: ", ")
        }
        return text
    }
}
