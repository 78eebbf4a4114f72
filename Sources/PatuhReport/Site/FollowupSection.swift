import PatuhCore

/// Follow-up plans on the site: the unit's plan for the period (partial `followup`), what
/// came of the previous period's plan (indicator before → after), and on the region page
/// the plans made, done and overdue, and the units whose lowest indicator has no plan
/// (partial `followupregion`).
extension SiteBuilder {
    static let followupTemplates = ["followup", "followupregion"]

    /// The plans of the scored rubric.
    var rubricPlans: [FollowupPlan] { followups.filter { $0.rubricID == result.rubric.id } }

    /// The day overdue items are judged on: the last day of the latest period in the data
    /// (never the clock, so the same inputs give the same pages).
    var followupDay: String? { result.periods.last.flatMap(PeriodCalendar.endDay) }

    func statusText(_ s: FollowupStatus) -> String { self.s["status-" + s.rawValue] }

    /// An indicator's value for a unit in a period, as shown (2 decimals), or `nil`.
    func indicatorValue(_ unitID: String, _ period: String, _ indicatorID: String) -> Double? {
        guard let i = result.rubric.indicatorIndex[indicatorID],
            let u = result.units.first(where: { $0.unit.id == unitID && $0.period == period }),
            i < u.indicators.count
        else { return nil }
        return u.indicators[i].value
    }

    func itemContext(_ item: FollowupItem, unitID: String, period: String) -> [String: Any] {
        let rubric = result.rubric
        let title = rubric.indicatorIndex[item.indicatorID].map { rubric.indicators[$0].title.text(t.lang) } ?? ""
        let overdue = followupDay.map { item.isOverdue(on: $0) } ?? false
        return [
            "indicator": item.indicatorID, "title": title,
            "value": decimal(indicatorValue(unitID, period, item.indicatorID), 2),
            "problem": item.problem, "action": item.action.isEmpty ? "–" : item.action,
            "timeframe": [item.start, item.end].compactMap { $0 }.joined(separator: " – "),
            "responsible": item.responsible, "status": statusText(item.status), "statusClass": item.status.rawValue,
            "date": item.statusDate ?? false, "overdue": overdue,
            "evidence": item.evidence.map { e -> [String: Any] in
                // Only web addresses are links: a relative path of a plan's evidence is not
                // copied into the site, so it is shown as text, never as a dead link.
                [
                    "href": e.href.flatMap(Html.safeHref).flatMap { $0.lowercased().hasPrefix("http") ? $0 : nil }
                        ?? false,
                    "label": e.text.isEmpty ? (e.href ?? "") : e.text
                ]
            }
        ]
    }

    /// The unit's plan for its period, and the previous plan's before → after; `false` when
    /// there is neither.
    func followupSection(_ u: UnitResult) -> Any {
        let mine = rubricPlans.filter { $0.unitID == u.unit.id }
        let current = mine.filter { $0.period == u.period }
        let earlierPeriod = mine.map(\.period).filter { $0 < u.period }.max()
        let earlier = mine.filter { $0.period == earlierPeriod }
        guard !current.isEmpty || !earlier.isEmpty else { return false }
        var c: [String: Any] = ["s": s.all, "period": u.period]
        let items = current.flatMap(\.items)
        c["plan"] =
            items.isEmpty
            ? false : ["items": items.map { itemContext($0, unitID: u.unit.id, period: u.period) }] as [String: Any]
        if let before = earlierPeriod {
            c["previous"] =
                [
                    "from": before, "to": u.period,
                    "items": earlier.flatMap(\.items).map { item -> [String: Any] in
                        var x = itemContext(item, unitID: u.unit.id, period: u.period)
                        let a = indicatorValue(u.unit.id, before, item.indicatorID)
                        let b = indicatorValue(u.unit.id, u.period, item.indicatorID)
                        x["before"] = decimal(a, 2)
                        x["after"] = decimal(b, 2)
                        let delta = a.flatMap { a in b.map { Rounding.cents($0) - Rounding.cents(a) } }
                        x["trend"] = delta.map { $0 > 0 ? "up" : ($0 < 0 ? "down" : "same") } ?? "same"
                        return x
                    }
                ] as [String: Any]
        } else {
            c["previous"] = false
        }
        return c
    }

    /// The indicator a unit did worst on in a period (for an SKM, the lowest NRR).
    func lowestIndicator(_ u: UnitResult) -> Int? {
        FollowupDraft.lowestIndicators(u, rubric: result.rubric, count: 1).first
    }

    /// Plans made, done and overdue among the region's own units, and the units whose lowest
    /// indicator has no plan, period by period; `false` when the round has no plan at all
    /// and nothing to list.
    func followupRegionSection(_ region: Region) -> Any {
        let allPlans = rubricPlans
        guard !allPlans.isEmpty else { return false }
        let unitIDs = Set(registry.units.filter { $0.regionCode == region.code }.map(\.id))
        let plans = allPlans.filter { unitIDs.contains($0.unitID) }
        let items = plans.flatMap(\.items)
        let day = followupDay
        let overdue = items.filter { item in day.map { item.isOverdue(on: $0) } ?? false }
        var c: [String: Any] = [
            "s": s.all, "plans": plans.count, "items": items.count,
            "done": items.filter { $0.status == .selesai }.count,
            "inProgress": items.filter { $0.status == .proses }.count,
            "overdue": overdue.count, "day": day ?? ""
        ]
        c["overdueItems"] = plans.flatMap { p in
            p.items.filter { item in day.map { item.isOverdue(on: $0) } ?? false }.map { item -> [String: Any] in
                [
                    "unit": registry.unit(p.unitID)?.name ?? p.unitID, "link": paths.unit(p.unitID, p.period),
                    "period": p.period,
                    "indicator": item.indicatorID, "end": item.end ?? "", "status": statusText(item.status)
                ]
            }
        }
        c["hasOverdue"] = !overdue.isEmpty
        let unplanned = result.periods.compactMap { period -> [String: Any]? in
            let missing = result.units.filter {
                $0.period == period && unitIDs.contains($0.unit.id) && $0.basis != .children
            }
            .sorted { $0.unit.id < $1.unit.id }
            .compactMap { u -> [String: Any]? in
                guard let i = lowestIndicator(u) else { return nil }
                let id = result.rubric.indicators[i].id
                let planned = plans.contains {
                    $0.unitID == u.unit.id && $0.period == period && $0.items.contains { $0.indicatorID == id }
                }
                guard !planned else { return nil }
                return [
                    "unit": u.unit.name, "link": paths.unit(u.unit.id, period), "indicator": id,
                    "title": result.rubric.indicators[i].title.text(t.lang), "value": decimal(u.indicators[i].value, 2)
                ]
            }
            return missing.isEmpty ? nil : ["period": period, "units": missing]
        }
        c["unplanned"] = unplanned
        c["hasUnplanned"] = !unplanned.isEmpty
        return c
    }
}
