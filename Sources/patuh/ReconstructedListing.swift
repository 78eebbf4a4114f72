import PatuhCore

/// The lines `patuh validate --reconstructed` prints for one rubric.
enum ReconstructedListing {
    /// `file:line:col: reconstructed: <element> (<part>): <source>`, one per part, then a count.
    static func lines(_ rubric: Rubric) -> String {
        let parts = rubric.reconstructedParts
        var text = ""
        for p in parts {
            let part = p.part == .item ? "" : " (\(p.part.rawValue))"
            text += "\(p.location): reconstructed: \(p.element)\(part): \(p.source)\n"
        }
        text +=
            "\(rubric.location.file): \(rubric.id): \(parts.count) bagian direkonstruksi / reconstructed part\(parts.count == 1 ? "" : "s")\n"
        return text
    }
}
