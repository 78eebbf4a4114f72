import PatuhCore

extension SiteBuilder {
    func unitContext(_ u: UnitResult) -> [String: Any] {
        let rubric = result.rubric
        var c = base(root: "../", pageTitle: u.unit.name)
        c["name"] = u.unit.name
        c["id"] = u.unit.id
        c["type"] = u.unit.type.rawValue
        c["period"] = u.period
        c["score"] = t.number(u.score)
        c["band"] = bandContext(u)
        c["change"] = u.change.map { "\(t["change"]): \(t.change($0))" } ?? ""
        c["fromChildren"] = u.basis == .children
        c["regionLink"] = "../region/\(u.unit.regionCode).html"
        c["regionName"] = registry.region(u.unit.regionCode)?.name ?? u.unit.regionCode
        if let parent = u.unit.parentID.flatMap(registry.unit) {
            c["parent"] = ["link": "\(parent.id).html", "name": parent.name]
        }
        c["dimensionChart"] = dimensionChart(u.dimensionPoints)

        let answers = answersByIndicator(UnitPeriod(u.unit.id, u.period))
        c["hasIndicators"] = !u.indicators.isEmpty
        c["dimensions"] = rubric.dimensions.indices.map { d -> [String: Any] in
            let dimension = rubric.dimensions[d]
            let rows = u.indicators.filter { rubric.dimensionOfIndicator[$0.indicatorIndex] == d }.map { ir -> [String: Any] in
                let indicator = rubric.indicators[ir.indicatorIndex]
                let found = answers[indicator.id] ?? []
                let level: String
                if let v = ir.value {
                    level = indicator.level(for: v)?.label.text(t.lang) ?? (ir.missingCount > 0 ? t["missing"] : "")
                } else {
                    level = t["na"]
                }
                return ["id": indicator.id, "title": indicator.title.text(t.lang),
                        "value": ir.value.map { t.number($0) } ?? t["na"], "level": level, "ref": indicator.ref ?? "",
                        "notes": found.flatMap(\.notes),
                        "evidence": found.flatMap(\.evidence).map { e -> [String: Any] in
                            ["href": Html.safeHref(e.href) ?? false, "label": e.caption ?? e.href]
                        }]
            }
            return ["title": dimension.title.isEmpty ? dimension.id : dimension.title.text(t.lang), "indicators": rows]
        }
        let fixes = pointsLost(u).prefix(5)
        c["hasFixes"] = !fixes.isEmpty
        c["fixes"] = fixes.map { i, lost -> [String: Any] in
            let indicator = rubric.indicators[i]
            return ["id": indicator.id, "title": indicator.title.text(t.lang), "lost": t.number(lost), "ref": indicator.ref ?? false]
        }

        let survey = result.surveys[UnitPeriod(u.unit.id, u.period)]
        c["hasSurvey"] = rubric.hasSurveyIndicators
        c["respondents"] = u.respondents ?? 0
        if rubric.isSurveyRubric, let population = u.unit.population {
            let required = SampleSize.krejcieMorgan(population: population)
            c["sampleRequired"] = "\(required)"
            c["sampleVerdict"] = (u.respondents ?? 0) >= required ? t["met"] : t["notMet"]
        } else {
            c["sampleRequired"] = false
        }
        let surveyIndicators = rubric.indicators.indices.filter { rubric.indicators[$0].source == .survey }
        c["nrrChart"] = Charts.bars(surveyIndicators.map { i in
            let indicator = rubric.indicators[i]
            let v = u.indicators.isEmpty ? nil : u.indicators[i].value
            return (label: "\(indicator.id) \(indicator.title.text(t.lang))", value: (v ?? indicator.min) - indicator.min,
                    max: indicator.max - indicator.min, color: "#1a73e8", text: t.number(v))
        }, title: t["nrr"])
        let groups = survey?.breakdown.keys.sorted() ?? []
        c["hasBreakdown"] = !groups.isEmpty
        c["breakdown"] = groups.compactMap { key -> [String: Any]? in
            guard let tally = survey?.breakdown[key] else { return nil }
            let score = rubric.isSurveyRubric ? rubric.score(tally.sheet).total : nil
            return ["group": t[key.dimension.rawValue], "value": key.value, "respondents": tally.respondents,
                    "score": t.number(score), "scoreValue": scoreValue(score)]
        }
        c["skm"] = skmSection(u)
        c["followup"] = followupSection(u)
        let comments = result.comments(UnitPeriod(u.unit.id, u.period))
        c["hasComments"] = !comments.isEmpty
        c["comments"] = comments.prefix(50).map { c -> [String: Any] in ["text": c.text, "service": c.service ?? false] }
        c["moreComments"] = comments.count > 50
        return c
    }

    /// Notes and evidence of every assessment of the unit in the period, by indicator id.
    func answersByIndicator(_ key: UnitPeriod) -> [String: [AnswerRemarks]] {
        var byID: [String: [AnswerRemarks]] = [:]
        for a in result.assessments[key] ?? [] {
            for remarks in a.remarks(from: result.remarkSource) {
                byID[remarks.indicatorID, default: []].append(remarks)
            }
        }
        return byID
    }

    /// Points each indicator fell short of its maximum, largest first: what to fix first.
    func pointsLost(_ u: UnitResult) -> [(Int, Double)] {
        let rubric = result.rubric
        guard !u.indicators.isEmpty else { return [] }
        var lost: [(Int, Double)] = []
        switch rubric.model {
        case .linear(let factor), .weightedSum(let factor):
            let weighted = if case .weightedSum = rubric.model { true } else { false }
            for ir in u.indicators {
                guard let v = ir.value else { continue }
                let indicator = rubric.indicators[ir.indicatorIndex]
                let w = weighted ? rubric.dimensions[rubric.dimensionOfIndicator[ir.indicatorIndex]].weight : 1
                lost.append((ir.indicatorIndex, factor * w * indicator.weight * (indicator.max - v)))
            }
        case .normalized(let scale):
            let present = rubric.dimensions.indices.filter { u.dimensionPoints[$0] != nil }
            let totalWeight = present.reduce(0) { $0 + rubric.dimensions[$1].weight }
            guard totalWeight > 0 else { return [] }
            for d in present {
                let members = u.indicators.filter { rubric.dimensionOfIndicator[$0.indicatorIndex] == d && $0.value != nil }
                let weights = members.reduce(0) { $0 + rubric.indicators[$1.indicatorIndex].weight }
                guard weights > 0 else { continue }
                for ir in members {
                    let w = rubric.indicators[ir.indicatorIndex].weight
                    let share = scale * rubric.dimensions[d].weight / totalWeight * w / weights
                    let fraction = ir.value.map { rubric.indicators[ir.indicatorIndex].fraction(of: $0) } ?? 0
                    lost.append((ir.indicatorIndex, share * (1 - fraction)))
                }
            }
        }
        return lost.filter { Rounding.cents($0.1) > 0 }.sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }
    }

    func methodContext() -> [String: Any] {
        let rubric = result.rubric
        var c = base(root: "", pageTitle: t["method"])
        c["version"] = rubric.version ?? ""
        c["basis"] = rubric.basis ?? false
        c["formula"] = formula()
        c["bands"] = rubric.bands.reversed().map { b -> [String: Any] in
            ["id": b.id, "label": b.label.text(t.lang), "min": t.number(b.min), "zone": b.zone.map { t[$0.rawValue] } ?? "–",
             "origins": originsContext(b.origins)]
        }
        c.merge(methodOriginsContext()) { _, new in new }
        c["dimensions"] = rubric.dimensions.map { d -> [String: Any] in
            ["id": d.id, "title": d.title.isEmpty ? d.id : d.title.text(t.lang), "weight": NumberFormat.weight(d.weight),
             "origins": originsContext(d.origins),
             "indicators": d.indicators.map { i -> [String: Any] in
                ["id": i.id, "title": i.title.text(t.lang), "weight": NumberFormat.weight(i.weight), "ref": i.ref ?? "",
                 "origins": originsContext(i.origins),
                 "levels": i.levels.map { ["value": AssessmentChecks.formatValue($0.value), "label": $0.label.text(t.lang)] }]
             }]
        }
        return c
    }

    func formula() -> String {
        let en = t.lang == "en"
        switch result.rubric.model {
        case .normalized(let scale):
            let s = NumberFormat.weight(scale)
            return en
                ? "Each answer v on an indicator scores f = (v − min)/(max − min). A dimension scores D = Σ w·f / Σ w over its applicable indicators (\"na\" drops out; a missing answer counts as min). The total is \(s) · Σ W·D / Σ W over dimensions with at least one applicable indicator, and a dimension's points are \(s) · W·D / Σ W. A unit with several assessments scores their mean; an MPP the mean of its tenants; a region the mean of the units registered directly in it. Scores are rounded to 2 decimals (half away from zero) before the band is read."
                : "Setiap jawaban v pada indikator bernilai f = (v − min)/(max − min). Nilai dimensi D = Σ w·f / Σ w atas indikator yang berlaku (\"na\" tidak dihitung; jawaban kosong dihitung sebagai min). Nilai total = \(s) · Σ W·D / Σ W atas dimensi yang punya indikator berlaku, dan poin dimensi = \(s) · W·D / Σ W. Unit dengan beberapa penilaian bernilai rata-ratanya; MPP bernilai rata-rata tenantnya; pemda bernilai rata-rata unit yang terdaftar langsung di dalamnya. Nilai dibulatkan ke 2 desimal (setengah menjauhi nol) sebelum kategori ditentukan."
        case .linear(let factor):
            let f = NumberFormat.weight(factor)
            return en
                ? "Total = \(f) · Σ w·v, with each item's v the mean of respondents' answers (NRR) and the weights taken literally (shown below). Scores are rounded to 2 decimals (half away from zero) before the grade is read."
                : "Nilai = \(f) · Σ w·v, dengan v rata-rata jawaban responden per unsur (NRR) dan bobot apa adanya (lihat di bawah). Nilai dibulatkan ke 2 desimal (setengah menjauhi nol) sebelum mutu ditentukan."
        case .weightedSum(let factor):
            let f = factor == 1 ? "" : NumberFormat.weight(factor) + " · "
            return en
                ? "Index = \(f)Σ aspects (Σ score × indicator weight) × aspect weight, weights taken literally (shown below). An indicator's value is score × weight; an aspect's points (its index) are the sum of its indicator values times the aspect weight. A unit with several assessments scores their mean. Scores are rounded to 2 decimals (half away from zero) before the category is read."
                : "Indeks = \(f)Σ aspek (Σ skor × bobot indikator) × bobot aspek, dengan bobot apa adanya (lihat di bawah). Nilai indikator = skor × bobot indikator; indeks aspek = jumlah nilai indikatornya × bobot aspek. Unit dengan beberapa penilaian bernilai rata-ratanya. Nilai dibulatkan ke 2 desimal (setengah menjauhi nol) sebelum kategori ditentukan."
        }
    }
}
