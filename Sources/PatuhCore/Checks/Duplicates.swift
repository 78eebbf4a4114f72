/// Finds repeated ids, one error at each repeat naming where the id was first seen.
enum Duplicates {
    /// `what` names the id in the message ("indicator id"); `sameFile` drops the file name
    /// from "first at" when every item comes from one file.
    static func find<T>(_ items: [T], what: String, id: (T) -> String, location: (T) -> SourceLocation,
                        sameFile: Bool = true) -> [Diagnostic] {
        var first: [String: SourceLocation] = [:]
        var problems: [Diagnostic] = []
        for item in items {
            let key = id(item)
            if let seen = first[key] {
                let at = sameFile ? "line \(seen.line)" : "\(seen.file):\(seen.line)"
                problems.append(.error(location(item), "duplicate \(what) '\(key)' (first at \(at))"))
            } else {
                first[key] = location(item)
            }
        }
        return problems
    }
}
