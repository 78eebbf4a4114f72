import PatuhCore

/// The printable SKM report of each unit and each pemda (`print/unit/<id>.html`,
/// `print/region/<code>.html`), laid out after the data chapters of an SKM report under
/// PermenPANRB 14/2017: how the survey was done, the respondents, the results per unsur, the
/// analysis of the lowest unsur, the follow-up plan. A4 through the site's print stylesheet
/// (`style.css`) and `report.css`; `scripts/print-pdf.sh` turns them into PDFs.
extension SiteBuilder {
    static let printTemplates = ["print-unit", "print-region"]

    /// Writes the printable reports (SKM rubrics only): each unit's latest period, and each
    /// region with surveyed units of its own in the latest period.
    func writePrintPages(_ out: PageOutput) throws {
        guard result.rubric.isSurveyRubric, case .linear = result.rubric.model else { return }
        try out.file("report.css", Array(try Self.resource("report.css").utf8))
        var latestOf: [String: Int] = [:]
        for (i, u) in result.units.enumerated() where u.basis == .survey { latestOf[u.unit.id] = i }
        let positions = latestOf.keys.sorted().compactMap { latestOf[$0] }
        let units = result.units
        try concurrently(positions.count) { i in
            let u = units[positions[i]]
            try out.page("print/unit/\(u.unit.id).html", "print-unit", printUnitContext(u))
        }
        guard let latest = result.periods.last else { return }
        let regions = registry.regions
        try concurrently(regions.count) { i in
            if let c = printRegionContext(regions[i], period: latest) {
                try out.page("print/region/\(regions[i].code).html", "print-region", c)
            }
        }
    }

    /// The method in words, for chapter 1.
    func methodText(unsurCount: Int, weight: String) -> String {
        let rubric = result.rubric
        return t.lang == "en"
            ? "The survey follows PermenPANRB 14/2017 with the questionnaire \(rubric.title.text("en")) (\(rubric.id)): \(unsurCount) service items (unsur), each answered on a scale of 1 to 4 by service users. For each item the NRR is the sum of the answers divided by the respondents who answered; the weighted NRR is NRR × weight (\(weight)); the IKM is the sum of weighted NRR × 25, from 25 to 100, and gives the service quality (mutu A–D) and unit performance. The sample is checked against the Krejcie–Morgan table."
            : "Survei mengikuti PermenPANRB 14/2017 dengan kuesioner \(rubric.title.text("id")) (\(rubric.id)): \(unsurCount) unsur pelayanan, masing-masing dijawab pengguna layanan dengan skala 1 sampai 4. NRR per unsur = jumlah nilai jawaban dibagi jumlah responden yang menjawab; NRR tertimbang = NRR × bobot (\(weight)); IKM = jumlah NRR tertimbang × 25, bernilai 25 sampai 100, yang menentukan mutu pelayanan (A–D) dan kinerja unit. Kecukupan sampel diperiksa dengan tabel Krejcie–Morgan."
    }

    func printUnitContext(_ u: UnitResult) -> [String: Any] {
        var c = base(path: "print/unit/\(u.unit.id).html", pageTitle: u.unit.name)
        c["p"] = s.all
        c["name"] = u.unit.name
        c["id"] = u.unit.id
        c["period"] = u.period
        c["regionName"] = registry.region(u.unit.regionCode)?.name ?? u.unit.regionCode
        c["skm"] = skmSection(u)
        c["followup"] = followupSection(u)
        let weight = result.rubric.indicators.first.map { weightText($0.weight) } ?? ""
        c["method"] = methodText(unsurCount: result.rubric.indicators.count, weight: weight)
        if let skm = result.skm(u) {
            let answered = skm.unsur.compactMap(\.nrr)
            let average = answered.isEmpty ? nil : answered.reduce(0, +) / Double(answered.count)
            let top = skm.highest.flatMap { skm.unsur[$0].nrr }
            c["analysis"] = skm.lowest.map { k -> [String: Any] in
                let x = skm.unsur[k]
                let title = result.rubric.indicators[x.indicatorIndex].title.text(t.lang)
                let gap = x.nrr.flatMap { n in average.map { $0 - n } }
                let toTop = x.nrr.flatMap { n in top.map { $0 - n } }
                let text =
                    t.lang == "en"
                    ? "\(x.id) \(title): NRR \(decimal(x.nrr, 2)) (item IKM \(decimal(x.ikm, 2))), \(decimal(gap, 2)) below the mean of all items (\(decimal(average, 2))) and \(decimal(toTop, 2)) below the highest."
                    : "\(x.id) \(title): NRR \(decimal(x.nrr, 2)) (IKM unsur \(decimal(x.ikm, 2))), \(decimal(gap, 2)) di bawah rata-rata semua unsur (\(decimal(average, 2))) dan \(decimal(toTop, 2)) di bawah unsur tertinggi."
                return ["text": text]
            }
        }
        c["noPlan"] = !rubricPlans.contains { $0.unitID == u.unit.id && $0.period == u.period }
        return c
    }

    func printRegionContext(_ region: Region, period: String) -> [String: Any]? {
        guard let recap = SKMRecap.make(rubric: result.rubric, region: region, period: period, units: result.units),
            !recap.rows.isEmpty
        else { return nil }
        var c = base(path: "print/region/\(region.code).html", pageTitle: region.name)
        c["p"] = s.all
        c["name"] = region.name
        c["levelName"] = t[region.level.rawValue]
        c["period"] = period
        c["recap"] = skmRecapSection(region, period: period)
        let rubric = result.rubric
        let weight = rubric.indicators.first.map { weightText($0.weight) } ?? ""
        c["method"] = methodText(unsurCount: rubric.indicators.count, weight: weight)
        c["samples"] = recap.rows.map { x -> [String: Any] in
            let check = x.unit.population.map { SampleCheck(population: $0, respondents: x.respondents) }
            return [
                "name": x.unit.name, "respondents": x.respondents,
                "population": x.unit.population.map(String.init) ?? "–",
                "required": check.map { String($0.required) } ?? "–",
                "verdict": check.map { $0.met ? s["met"] : s["notMet"] } ?? "–"
            ]
        }
        let means = rubric.indicators.indices.map { recap.meanNRR($0) }
        c["unsur"] = rubric.indicators.indices.map { k -> [String: Any] in
            let factor: Double = {
                if case .linear(let f) = rubric.model { return f }
                return 25
            }()
            return [
                "id": rubric.indicators[k].id, "title": rubric.indicators[k].title.text(t.lang),
                "nrr": decimal(means[k], 2),
                "ikm": decimal(means[k].map { $0 * factor }, 2), "lowestIn": recap.lowestCount(k)
            ]
        }
        let order = rubric.indicators.indices.filter { means[$0] != nil }.sorted {
            (means[$0] ?? 0, $0) < (means[$1] ?? 0, $1)
        }
        c["analysis"] = order.prefix(3).map { k -> [String: Any] in
            let text =
                t.lang == "en"
                ? "\(rubric.indicators[k].id) \(rubric.indicators[k].title.text("en")): mean NRR \(decimal(means[k], 2)) over \(recap.rows.count) units; the lowest item of \(recap.lowestCount(k)) of them."
                : "\(rubric.indicators[k].id) \(rubric.indicators[k].title.text("id")): rata-rata NRR \(decimal(means[k], 2)) dari \(recap.rows.count) unit; unsur terendah di \(recap.lowestCount(k)) unit."
            return ["text": text]
        }
        c["followupRegion"] = followupRegionSection(region)
        let unitIDs = Set(recap.rows.map(\.unit.id))
        c["planItems"] = rubricPlans.filter { unitIDs.contains($0.unitID) }.flatMap { plan in
            plan.items.map { item -> [String: Any] in
                var x = itemContext(item, unitID: plan.unitID, period: plan.period)
                x["unit"] = registry.unit(plan.unitID)?.name ?? plan.unitID
                x["planPeriod"] = plan.period
                return x
            }
        }
        return c
    }
}
