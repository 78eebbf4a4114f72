import PatuhCore

/// How `comments.csv` is written: as given (`score`), masked (a published report), or not at all.
public enum CommentsOutput: Sendable {
    case plain, masked, omitted
}

/// Every CSV file a round publishes, by name, in the order written: the one list that the
/// writer and the data package (`datapackage.json`) both read, so that the package describes
/// exactly the files beside it.
public struct RoundTables: Sendable {
    public var files: [(name: String, table: CSVTable)]

    public init(
        _ result: RoundResult, followups: [FollowupPlan], minimumGroup: Int = 5, comments: CommentsOutput = .plain
    ) {
        var tables = ScoreTables(result)
        tables.minimumGroup = minimumGroup
        tables.masksComments = comments == .masked
        var files: [(name: String, table: CSVTable)] = [
            ("units.csv", tables.units), ("regions.csv", tables.regions),
            ("indicators.csv", tables.indicators)
        ]
        // Group breakdowns are SKM's (PermenPANRB 14/2017); a mixed rubric's short output
        // questionnaire gets its comments but no breakdown.
        if result.rubric.isSurveyRubric { files.append(("breakdown.csv", tables.breakdown)) }
        if result.rubric.hasSurveyIndicators && comments != .omitted { files.append(("comments.csv", tables.comments)) }
        if result.rubric.isSurveyRubric {
            let skm = SKMTables(result)
            files += [("skm.csv", skm.units), ("skm-regions.csv", skm.regions)]
        }
        let followup = FollowupTable(result, plans: followups)
        if !followup.isEmpty { files.append(("followup.csv", followup.table)) }
        if tables.hasKLUnits { files.append(("kl-units.csv", tables.klUnits)) }
        self.files = files
    }

    /// The names, then the indicator metadata the data package adds: what `DataPackage` lists.
    public var packageFiles: [String] { files.map(\.name) + [DataPackage.indicatorMetadataFile] }
}
