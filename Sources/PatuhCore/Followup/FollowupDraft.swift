/// Draft follow-up plans: what a unit should plan for first, before anyone has written an action.
public enum FollowupDraft {
    /// The positions of a unit's `count` weakest indicators: the lowest share of each
    /// indicator's range reached (for an SKM, the lowest NRR), shares compared to 1/10,000;
    /// ties in rubric order. Indicators without a value (not applicable) are left out.
    public static func lowestIndicators(_ u: UnitResult, rubric: Rubric, count: Int) -> [Int] {
        let scored = u.indicators.compactMap { ir -> (Int, Int)? in
            guard let v = ir.value else { return nil }
            return (Rounding.cents(rubric.indicators[ir.indicatorIndex].fraction(of: v) * 100), ir.indicatorIndex)
        }
        return scored.sorted { $0 < $1 }.prefix(count).map(\.1)
    }

    /// A draft plan for `u`: an item for each of its three weakest indicators, status
    /// `rencana`, the problem naming the indicator's value, every action field empty.
    public static func plan(for u: UnitResult, rubric: Rubric, lang: String = "id") -> FollowupPlan {
        let lowest = lowestIndicators(u, rubric: rubric, count: 3)
        let items = lowest.enumerated().map { rank, i -> FollowupItem in
            let indicator = rubric.indicators[i]
            let value =
                u.indicators[i].value.map { Rounding.format2($0, decimalSeparator: lang == "id" ? "," : ".") } ?? "–"
            let problem =
                lang == "id"
                ? "\(indicator.id) \(indicator.title.text("id")): \(value), terendah ke-\(rank + 1) pada \(u.period)"
                : "\(indicator.id) \(indicator.title.text("en")): \(value), lowest no. \(rank + 1) in \(u.period)"
            return FollowupItem(indicatorID: indicator.id, problem: problem, status: .rencana)
        }
        return FollowupPlan(rubricID: rubric.id, unitID: u.unit.id, period: u.period, items: items)
    }
}
