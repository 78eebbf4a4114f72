/// Finds repeated ids, one error at each repeat naming where the id was first seen.
enum Duplicates {
    /// `what` names the id in the message ("id indikator", "indicator id"); `sameFile` drops
    /// the file name from "first at" when every item comes from one file.
    static func find<T>(
        _ items: [T], what: Wording, id: (T) -> String, location: (T) -> SourceLocation,
        sameFile: Bool = true
    ) -> [Diagnostic] {
        var first: [String: SourceLocation] = [:]
        var problems: [Diagnostic] = []
        for item in items {
            let key = id(item)
            if let seen = first[key] {
                let at =
                    sameFile
                    ? Wording(id: "baris \(seen.line)", en: "line \(seen.line)")
                    : Wording(id: "\(seen.file):\(seen.line)", en: "\(seen.file):\(seen.line)")
                problems.append(
                    .error(
                        location(item), id: "\(what.id) '\(key)' berulang (pertama di \(at.id))",
                        en: "duplicate \(what.en) '\(key)' (first at \(at.en))"))
            } else {
                first[key] = location(item)
            }
        }
        return problems
    }
}
