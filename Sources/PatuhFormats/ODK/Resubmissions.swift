import PatuhCore

/// Keeps one version of each submission: an edited submission (ODK writes the id of the
/// one it replaces as `meta/deprecatedID`) replaces its earlier version, through any chain
/// of edits, and the same submission read twice counts once.
///
/// It works on the spool's index (hashes of the ids): a submission is read back from disk
/// only to word a message about it, or to make sure two equal hashes are equal ids.
public enum Resubmissions {
    /// What was kept, and why the rest was not.
    public struct Outcome: Sendable {
        /// Positions in the spool of the submissions kept, in the order read.
        public var kept: [Int] = []
        /// Submissions replaced by a later version.
        public var replaced = 0
        /// Submissions read more than once (the same instance id), counted once.
        public var duplicates = 0
        public var diagnostics: [Diagnostic] = []
    }

    /// Resolves the submissions at `positions` of `spool` (in the order read: files sorted by path).
    public static func resolve(_ positions: [Int], in spool: SubmissionSpool, form: FieldForm) -> Outcome {
        var outcome = Outcome()
        func read(_ p: Int) -> ImportedSubmission? { spool.submission(p, form: form) }
        func id(_ p: Int) -> String { read(p)?.id ?? "" }
        func location(_ p: Int) -> SourceLocation { read(p)?.location ?? SourceLocation(file: "") }

        var first: [UInt64: Int] = [:]
        var unique: [Int] = []
        unique.reserveCapacity(positions.count)
        for p in positions {
            let hash = spool.entry(p).idHash
            if let earlier = first[hash] {
                if id(earlier) == id(p) {
                    outcome.duplicates += 1
                    outcome.diagnostics.append(
                        .warning(
                            location(p),
                            id: "kiriman uuid:\(id(p)) sudah dibaca di \(location(earlier)); dihitung sekali",
                            en: "submission uuid:\(id(p)) was already read at \(location(earlier)); counted once"))
                    continue
                }
            } else {
                first[hash] = p
            }
            unique.append(p)
        }
        // Each earlier version may be replaced once; a second edit of the same version is a fork.
        var replacedBy: [UInt64: Int] = [:]
        var rejected = Set<Int>()
        for p in unique {
            let e = spool.entry(p)
            guard e.replacesHash != 0 else { continue }
            if e.replacesHash == e.idHash {
                outcome.diagnostics.append(
                    .error(
                        location(p),
                        id:
                            "kiriman uuid:\(id(p)) menyebut dirinya sendiri sebagai versi yang digantinya; tidak diimpor",
                        en: "submission uuid:\(id(p)) names itself as the version it replaces; not imported"))
                rejected.insert(p)
            } else if let other = replacedBy[e.replacesHash] {
                let old = read(p)?.replaces ?? ""
                outcome.diagnostics.append(
                    .error(
                        location(p),
                        id:
                            "kiriman uuid:\(id(p)) mengganti uuid:\(old), yang sudah diganti uuid:\(id(other)) (\(location(other))); tidak diimpor",
                        en:
                            "submission uuid:\(id(p)) replaces uuid:\(old), which uuid:\(id(other)) (\(location(other))) already replaces; not imported"
                    ))
                rejected.insert(p)
            } else {
                replacedBy[e.replacesHash] = p
            }
        }
        // Edits that lead back to themselves (a names b, b names a) say nothing of which is
        // the latest: every submission of such a loop is rejected, none silently dropped.
        for p in unique where !rejected.contains(p) {
            var seen = [p]
            var current = spool.entry(p).idHash
            while let next = replacedBy[current], !rejected.contains(next) {
                if next == p {
                    // Every member of the loop, each named where it is.
                    for member in seen {
                        let others = seen.filter { $0 != member }.map { "uuid:\(id($0))" }.joined(separator: ", ")
                        outcome.diagnostics.append(
                            .error(
                                location(member),
                                id:
                                    "kiriman uuid:\(id(member)) dan \(others) saling mengganti (deprecatedID-nya membentuk lingkaran), sehingga tidak diketahui mana yang terbaru; tidak diimpor",
                                en:
                                    "submission uuid:\(id(member)) and \(others) replace each other (their deprecatedIDs form a loop), so none is known to be the latest; not imported"
                            ))
                        rejected.insert(member)
                    }
                    break
                }
                if seen.contains(next) || seen.count > unique.count { break }  // a loop not through p
                seen.append(next)
                current = spool.entry(next).idHash
            }
        }
        for p in unique where !rejected.contains(p) {
            if let newer = replacedBy[spool.entry(p).idHash], !rejected.contains(newer) {
                outcome.replaced += 1
            } else {
                outcome.kept.append(p)
            }
        }
        return outcome
    }
}
