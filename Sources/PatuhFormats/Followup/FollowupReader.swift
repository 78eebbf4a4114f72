import PatuhCore
import PatuhXML

/// Turns a schema-valid `followup` document into plans, one per `plan` element.
public enum FollowupReader {
    public static func read(_ document: XMLDocument) throws(Rejection) -> [FollowupPlan] {
        let root = try document.rootElement(
            named: "followup", kind: Wording(id: "berkas tindak lanjut", en: "followup file"))
        let rubric = root.attribute("rubric") ?? ""
        let period = root.attribute("period") ?? ""
        return root.children(named: "plan").map { p in
            FollowupPlan(
                rubricID: rubric, unitID: p.attribute("unit") ?? "", period: period, date: day(p.attribute("date")),
                items: p.children(named: "item").map(item), location: p.location)
        }
    }

    static func item(_ e: XMLElement) -> FollowupItem {
        let timeframe = e.children(named: "timeframe").first
        return FollowupItem(
            indicatorID: e.attribute("indicator") ?? "",
            problem: text(e, "problem"), action: text(e, "action"),
            start: day(timeframe?.attribute("start")), end: day(timeframe?.attribute("end")),
            responsible: text(e, "responsible"),
            status: FollowupStatus(rawValue: (e.attribute("status") ?? "").trimmingCharacters(in: .whitespaces))
                ?? .rencana,
            statusDate: day(e.attribute("date")),
            evidence: e.children(named: "evidence").map {
                FollowupEvidence(
                    href: $0.attribute("href"), text: $0.text.trimmingCharacters(in: .whitespacesAndNewlines))
            },
            location: e.location)
    }

    static func text(_ e: XMLElement, _ name: String) -> String {
        e.children(named: name).first?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    /// An `xs:date` as `YYYY-MM-DD` (a time zone suffix dropped).
    static func day(_ s: String?) -> String? {
        guard let s = s?.trimmingCharacters(in: .whitespaces), s.count >= 10 else { return nil }
        return String(s.prefix(10))
    }
}

extension InputLoader {
    /// Reads the follow-up files among `paths` (schema, then references: the unit against
    /// `registry`, each item's indicator against its rubric, from the inputs or `Rubrics/`).
    /// With `only`, plans for another rubric are left out unchecked.
    func readFollowups(
        _ paths: [String], only: String?, rubrics: inout [String: Rubric], registry: Registry?,
        diagnostics: inout [Diagnostic]
    ) -> [FollowupPlan] {
        var plans: [FollowupPlan] = []
        for path in paths {
            do throws(Rejection) {
                let document = try XMLDocument.parse(file: path)
                try validate(document, kind: .followup)
                for plan in try FollowupReader.read(document) {
                    if let only, plan.rubricID != only { continue }
                    if rubrics[plan.rubricID] == nil, let rubric = catalogRubric(plan.rubricID, into: &diagnostics) {
                        rubrics[plan.rubricID] = rubric
                    }
                    let problems = FollowupChecks.check(plan, rubric: rubrics[plan.rubricID], registry: registry)
                    diagnostics += problems
                    // An unknown unit or rubric drops the plan; an unknown indicator its item.
                    if problems.contains(where: { $0.severity == .error && $0.location == plan.location }) { continue }
                    var kept = plan
                    let bad = Set(problems.filter { $0.severity == .error }.map(\.location))
                    kept.items.removeAll { bad.contains($0.location) }
                    plans.append(kept)
                }
            } catch {
                diagnostics += error.diagnostics
            }
        }
        return plans
    }
}
