/// What came of one item of a follow-up plan: its indicator in the plan's period and in the
/// unit's next scored period, and whether it is overdue.
public struct FollowupOutcome: Hashable, Sendable {
    public var plan: FollowupPlan
    public var item: FollowupItem
    /// The indicator's value in the plan's period (what the plan answers).
    public var before: Double?
    /// The unit's first scored period after the plan's, and the indicator's value there.
    public var nextPeriod: String?
    public var after: Double?
    /// Not done and due before `day` (the end of the data's latest period).
    public var overdue: Bool

    /// The outcome of every item of `plans` that name an indicator of `rubric`, against a
    /// round's unit results; overdue is judged on the last day of `latestPeriod`.
    public static func outcomes(
        _ plans: [FollowupPlan], rubric: Rubric, units: [UnitResult],
        latestPeriod: String?
    ) -> [FollowupOutcome] {
        let day = latestPeriod.flatMap(PeriodCalendar.endDay)
        var byUnit: [String: [UnitResult]] = [:]
        let wanted = Set(plans.map(\.unitID))
        for u in units where wanted.contains(u.unit.id) { byUnit[u.unit.id, default: []].append(u) }
        func value(_ u: UnitResult?, _ id: String) -> Double? {
            guard let u, let i = rubric.indicatorIndex[id], i < u.indicators.count else { return nil }
            return u.indicators[i].value
        }
        return plans.filter { $0.rubricID == rubric.id }.flatMap { plan -> [FollowupOutcome] in
            let results = (byUnit[plan.unitID] ?? []).sorted { $0.period < $1.period }
            let now = results.first { $0.period == plan.period }
            let next = results.first { $0.period > plan.period }
            return plan.items.map { item in
                FollowupOutcome(
                    plan: plan, item: item, before: value(now, item.indicatorID), nextPeriod: next?.period,
                    after: value(next, item.indicatorID),
                    overdue: day.map { item.isOverdue(on: $0) } ?? false)
            }
        }
    }
}
