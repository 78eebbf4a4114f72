import PatuhCore

/// Keeps one version of each submission: an edited submission (ODK writes the id of the
/// one it replaces as `meta/deprecatedID`) replaces its earlier version, through any chain
/// of edits, and the same submission read twice counts once.
public enum Resubmissions {
    /// What was kept, and why the rest was not.
    public struct Outcome: Sendable {
        public var kept: [ImportedSubmission] = []
        /// Submissions replaced by a later version.
        public var replaced = 0
        /// Submissions read more than once (the same instance id), counted once.
        public var duplicates = 0
        public var diagnostics: [Diagnostic] = []
    }

    /// Resolves `submissions`, given in the order read (files sorted by path).
    public static func resolve(_ submissions: [ImportedSubmission]) -> Outcome {
        var outcome = Outcome()
        var first: [String: SourceLocation] = [:]
        var unique: [ImportedSubmission] = []
        for s in submissions {
            if let earlier = first[s.id] {
                outcome.duplicates += 1
                outcome.diagnostics.append(.warning(s.location, "submission uuid:\(s.id) was already read at \(earlier); counted once"))
                continue
            }
            first[s.id] = s.location
            unique.append(s)
        }
        // Each earlier version may be replaced once; a second edit of the same version is a fork.
        var replacedBy: [String: ImportedSubmission] = [:]
        var forks = Set<String>()
        for s in unique {
            guard let old = s.replaces else { continue }
            if old == s.id {
                outcome.diagnostics.append(.error(s.location, "submission uuid:\(s.id) names itself as the version it replaces; not imported"))
                forks.insert(s.id)
            } else if let other = replacedBy[old] {
                outcome.diagnostics.append(.error(s.location,
                    "submission uuid:\(s.id) replaces uuid:\(old), which uuid:\(other.id) (\(other.location)) already replaces; not imported"))
                forks.insert(s.id)
            } else {
                replacedBy[old] = s
            }
        }
        // Edits that lead back to themselves (a names b, b names a) say nothing of which is
        // the latest: every submission of such a loop is rejected, none silently dropped.
        for s in unique where !forks.contains(s.id) {
            var seen: [String] = [s.id]
            var current = s.id
            while let next = replacedBy[current], !forks.contains(next.id) {
                if next.id == s.id {
                    let others = seen.dropFirst().map { "uuid:\($0)" }.joined(separator: ", ")
                    outcome.diagnostics.append(.error(s.location,
                        "submission uuid:\(s.id) and \(others) replace each other (their deprecatedIDs form a loop), so none is known to be the latest; not imported"))
                    forks.insert(s.id)
                    break
                }
                if seen.contains(next.id) || seen.count > unique.count { break }  // a loop not through s
                seen.append(next.id)
                current = next.id
            }
        }
        for s in unique where !forks.contains(s.id) {
            if let newer = replacedBy[s.id], !forks.contains(newer.id) {
                outcome.replaced += 1
            } else {
                outcome.kept.append(s)
            }
        }
        return outcome
    }
}
