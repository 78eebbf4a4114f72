import PatuhCore

/// `followup.csv`: every item of the follow-up plans of the scored rubric, with its
/// indicator in the plan's period and in the unit's next scored period, and whether it is
/// overdue (not done, due before the end of the data's latest period). See docs/followup.md.
public struct FollowupTable: Sendable {
    public var result: RoundResult
    public var plans: [FollowupPlan]

    public init(_ result: RoundResult, plans: [FollowupPlan]) {
        self.result = result
        self.plans = plans
    }

    /// Whether there is anything to write.
    public var isEmpty: Bool { !plans.contains { $0.rubricID == result.rubric.id } }

    public var table: CSVTable {
        let outcomes = FollowupOutcome.outcomes(
            plans, rubric: result.rubric, units: result.units,
            latestPeriod: result.periods.last)
        return CSVTable(
            header: [
                "period", "unit_id", "indicator_id", "status", "status_date", "start", "end", "overdue",
                "value_before", "next_period", "value_after", "problem", "action", "responsible", "evidence"
            ],
            rows: outcomes.map { o -> [CSVCell] in
                [
                    .text(o.plan.period), .text(o.plan.unitID), .text(o.item.indicatorID),
                    .text(o.item.status.rawValue),
                    .text(o.item.statusDate), .text(o.item.start), .text(o.item.end), .text(o.overdue ? "yes" : "no"),
                    .score(o.before), .text(o.nextPeriod), .score(o.after), .text(o.item.problem), .text(o.item.action),
                    .text(o.item.responsible),
                    .text(o.item.evidence.map { $0.href ?? $0.text }.joined(separator: " "))
                ]
            })
    }
}
