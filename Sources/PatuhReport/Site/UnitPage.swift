import PatuhCore

extension SiteBuilder {
    /// A unit in a period. Each section is a partial of `unit.mustache` with its own keys.
    func unitContext(_ u: UnitResult, path: String) -> [String: Any] {
        let rubric = result.rubric
        let root = PagePaths.root(of: path)
        var c = base(path: path, pageTitle: u.unit.name)
        c.reserveCapacity(64)  // its own entries too, without growing twice
        c["name"] = u.unit.name
        c["type"] = t.unitType(u.unit.type)
        c["period"] = u.period
        c["home"] = root + paths.index(u.period)
        c["score"] = t.number(u.score)
        c["band"] = frame.badge(u, rubric: result.rubric)
        c["meaning"] = frame.meaningTerm.flatMap { term in u.band.map { "\(term): \($0.label.text(t.lang))" } } ?? false
        c["change"] = u.change.map { "\(t["change"]): \(t.change($0))" } ?? ""
        c["fromChildren"] = u.basis == .children
        c["regionLink"] = root + paths.region(u.unit.regionCode, u.period)
        c["regionName"] = registry.region(u.unit.regionCode)?.name ?? u.unit.regionCode
        if let parent = u.unit.parentID.flatMap(registry.unit) {
            let link: Any =
                index.unit(parent.id, u.period, in: result) == nil ? false : root + paths.unit(parent.id, u.period)
            c["parent"] = ["link": link, "name": parent.name]
        }
        c["hasDimensions"] = !rubric.hasOnlyImplicitDimension && u.dimensionPoints.contains { $0 != nil }
        c["dimensionChart"] = dimensionChart(u.dimensionPoints)
        let tenantRows = tenants(of: u, root: root)
        c["hasTenants"] = !tenantRows.isEmpty
        c["tenants"] = tenantRows
        let assessments = result.assessments(u.key)  // decoded once for both sections
        c["assessed"] = assessed(assessments)
        c["dimensions"] = indicatorSections(u, assessments, root: root)
        c["hasIndicators"] = !u.indicators.isEmpty
        let fixes = rubric.pointsLost(values: u.indicators.map(\.value)).prefix(5)
        c["hasFixes"] = !fixes.isEmpty
        c["fixes"] = fixes.map { i, lost -> [String: Any] in
            let words = indicatorWords[i]
            return [
                "id": words.id, "title": words.title, "lost": t.number(lost), "ref": words.ref ?? false
            ]
        }
        surveySection(u, into: &c)
        c["history"] = history(
            index.history(ofUnit: u.unit.id, in: result).map { ($0.period, $0.score, $0.band, $0.change) },
            current: u.period, root: root
        ) { paths.unit(u.unit.id, $0) }
        c["skm"] = skmSection(u)
        c["followup"] = followupSection(u)
        return c
    }

    /// An MPP's tenants with their score and category (every tenant registered, scored or not).
    func tenants(of u: UnitResult, root: String) -> [[String: Any]] {
        let children = registry.children(ofUnit: u.unit.id)
        let rows: [(unit: ServiceUnit, result: UnitResult?)] = children.map {
            ($0, index.unit($0.id, u.period, in: result))
        }
        let ranked = rows.sorted { a, b in
            let x = a.result?.score ?? -Double.infinity
            let y = b.result?.score ?? -Double.infinity
            return x != y ? x > y : a.unit.id < b.unit.id
        }
        return ranked.map { unitRow($0.unit, $0.result, period: u.period, root: root) }
    }

    /// Who assessed the unit, when, and how many assessments (`list`) its score averages.
    func assessed(_ list: [Assessment]) -> Any {
        guard !list.isEmpty else { return false }
        return [
            "count": list.count, "averaged": list.count > 1,
            "rows": list.sorted { ($0.date ?? "", $0.id) < ($1.date ?? "", $1.id) }.map { a -> [String: Any] in
                ["assessor": a.assessor ?? "–", "date": a.date.map(t.isoDate) ?? "–", "service": a.service ?? "–"]
            }
        ]
    }

    /// The indicators by dimension, each with its answer, what it means (an averaged answer:
    /// the levels it lies between), the assessors' notes and evidence (of `assessments`).
    func indicatorSections(_ u: UnitResult, _ assessments: [Assessment], root: String) -> [[String: Any]] {
        let rubric = result.rubric
        let answers = answersByIndicator(assessments)
        let showsDimensions = !rubric.hasOnlyImplicitDimension
        return rubric.dimensions.indices.map { d -> [String: Any] in
            let rows = u.indicators.filter { rubric.dimensionOfIndicator[$0.indicatorIndex] == d }.map {
                ir -> [String: Any] in
                let words = indicatorWords[ir.indicatorIndex]
                let found = answers[words.id] ?? []
                let (answered, asked) = result.completeness(of: u, ir)
                return [
                    "id": words.id, "title": words.title,
                    "value": ir.value.map { t.number($0) } ?? t["na"], "level": meaning(ir), "ref": words.ref ?? "",
                    "answered": "\(answered)/\(asked)",
                    "notes": found.flatMap { $0.remarks.notes },
                    "evidence": found.flatMap { f in
                        f.remarks.evidence.map { e -> [String: Any] in
                            let label = e.caption ?? e.href
                            if let copy = evidence.copy(file: f.file, href: e.href) {
                                return ["href": root + copy, "label": label]
                            }
                            let h = e.href.lowercased()
                            let external = h.hasPrefix("http://") || h.hasPrefix("https://")
                            let href: Any = external ? (Html.safeHref(e.href).map { $0 as Any } ?? false) : false
                            return ["href": href, "label": label]
                        }
                    }
                ]
            }
            return ["title": showsDimensions ? frame.dimensionName(rubric.dimensions[d]) : false, "indicators": rows]
        }
    }

    /// What an answer means: its level's text; for a mean between levels, both levels.
    func meaning(_ ir: IndicatorResult) -> String {
        guard let v = ir.value else { return t["na"] }
        let around = result.rubric.levels(around: v, of: ir.indicatorIndex)
        if let below = around.below, let above = around.above {
            let words = levelWords[ir.indicatorIndex]
            func word(_ level: Level) -> (weight: String, label: String) {
                words[level.value] ?? (t.weight(level.value), level.label.text(t.lang))
            }
            if below.value == above.value { return word(below).label }
            let (b, a) = (word(below), word(above))
            return "\(t["between"]) \(b.weight) (\(b.label)) \(t["and"]) \(a.weight) (\(a.label))"
        }
        return ir.missingCount > 0 ? t["missing"] : ""
    }

    /// Notes and evidence of `assessments` (a unit's in a period), by indicator id, with the
    /// assessment file each came from (evidence resolves against its folder).
    func answersByIndicator(_ assessments: [Assessment]) -> [String: [(file: String, remarks: AnswerRemarks)]] {
        var byID: [String: [(file: String, remarks: AnswerRemarks)]] = [:]
        for a in assessments {
            for remarks in a.remarks {
                byID[remarks.indicatorID, default: []].append((a.location.file, remarks))
            }
        }
        return byID
    }

    /// NRR per item, respondents, sample check, breakdown (small groups withheld), comments
    /// (masked, or left out).
    func surveySection(_ u: UnitResult, into c: inout [String: Any]) {
        let rubric = result.rubric
        guard rubric.hasSurveyIndicators else { return }
        let survey = result.surveys[u.key]
        c["respondents"] = t.count(u.respondents ?? 0)
        if let check = u.sampleCheck(under: rubric) {
            c["sampleRequired"] = t.count(check.required)
            c["sampleVerdict"] = check.met ? t["met"] : t["notMet"]
        } else {
            c["sampleRequired"] = false
        }
        let surveyIndicators = rubric.indicators.indices.filter { rubric.indicators[$0].source == .survey }
        let answered = !u.indicators.isEmpty && (u.respondents ?? 0) > 0
        c["hasNRR"] = answered
        c["nrrChart"] = Charts.bars(
            surveyIndicators.map { i in
                let indicator = rubric.indicators[i]
                let v = answered ? u.indicators[i].value : nil
                return Charts.Bar(
                    label: "\(indicatorWords[i].id) \(indicatorWords[i].title)",
                    value: (v ?? indicator.min) - indicator.min,
                    max: indicator.max - indicator.min, color: "#1a73e8",
                    text: "\(t.number(v)) / \(maxWords[i])")
            }, title: t["nrr"])
        let groups = survey?.breakdown.keys.sorted() ?? []
        c["hasBreakdownRows"] = rubric.isSurveyRubric && !groups.isEmpty
        c["minimumGroup"] = options.minimumGroup
        c["breakdown"] = groups.compactMap { key -> [String: Any]? in
            guard let tally = survey?.breakdown[key] else { return nil }
            let small = tally.respondents < options.minimumGroup
            let score = small ? nil : rubric.groupScore(tally)
            let valueKey = "value-" + key.value
            return [
                "group": t["group-" + key.dimension.rawValue],
                "value": key.dimension == .gender && t[valueKey] != valueKey ? t[valueKey] : key.value,
                "respondents": small ? "< \(options.minimumGroup)" : t.count(tally.respondents),
                "score": small ? t["smallGroup"] : t.number(score), "scoreValue": scoreValue(score)
            ]
        }
        guard options.showsComments else { return }
        let comments = result.comments(u.key)
        c["hasUnitComments"] = !comments.isEmpty
        c["comments"] = comments.prefix(50).map { cm -> [String: Any] in
            ["text": Privacy.mask(cm.text, lang: t.lang), "service": cm.service ?? false]
        }
        c["moreComments"] = comments.count > 50
    }
}
