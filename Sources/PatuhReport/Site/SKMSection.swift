import PatuhCore

/// The SKM sections of the site: a unit's complete result (partial `skm`) and a pemda's
/// recap (partial `skmregion`).
extension SiteBuilder {
    /// Templates this file's sections need, registered beside the site's own.
    static let skmTemplates = ["skm", "skmregion"]

    var s: SKMStrings { SKMStrings(lang: t.lang) }

    /// A number with `decimals` decimals in the page's language (87,28 / 87.28).
    func decimal(_ x: Double?, _ decimals: Int) -> String {
        guard let x else { return "–" }
        return DecimalFormat.fixed(x, decimals: decimals, decimalSeparator: t.lang == "id" ? "," : ".")
    }

    /// A bobot as the rubric means it: `1/9` for an exact ninth, else as written (0,111).
    func weightText(_ w: Double) -> String {
        let n = (1 / w).rounded()
        if n > 1, n < 100, (w - 1 / n).magnitude < 1e-12, DecimalFormat.weight(w).count > 6 { return "1/\(Int(n))" }
        return DecimalFormat.weight(w, decimalSeparator: t.lang == "id" ? "," : ".")
    }

    /// The unit's SKM result as the regulation's report shows it, or `false` (no section).
    func skmSection(_ u: UnitResult) -> Any {
        guard let skm = result.skm(u) else { return false }
        let rubric = result.rubric
        func title(_ x: SKMUnsur) -> String { rubric.indicators[x.indicatorIndex].title.text(t.lang) }
        func brief(_ k: Int) -> [String: Any] {
            let x = skm.unsur[k]
            return ["id": x.id, "title": title(x), "nrr": decimal(x.nrr, 2), "ikm": decimal(x.ikm, 2)]
        }
        var c: [String: Any] = [
            "s": s.all, "respondents": skm.respondents, "ikm": decimal(skm.ikm, 2),
            "mutu": skm.band?.id ?? "–", "kinerja": skm.band?.label.text(t.lang) ?? "–",
            "sumWeighted": decimal(skm.weightedSum, 4), "factor": DecimalFormat.weight(skm.factor),
            "printLink": "print/unit/\(u.unit.id).html"
        ]
        c["unsur"] = skm.unsur.map { x -> [String: Any] in
            [
                "id": x.id, "title": title(x), "nrr": decimal(x.nrr, 2),
                "weight": weightText(x.weight),
                "weighted": decimal(x.weighted, 4), "ikm": decimal(x.ikm, 2)
            ]
        }
        c["lowest"] = skm.lowest.map(brief)
        c["highest"] = skm.highest.map(brief) ?? false
        c["profile"] = SKMResult.profileDimensions.map { d -> [String: Any] in
            [
                "name": s[d.rawValue],
                "lines": skm.profile.filter { $0.dimension == d }.map { line -> [String: Any] in
                    ["group": line.value ?? s["notStated"], "count": line.count, "percent": decimal(line.percent, 2)]
                }
            ]
        }
        c["trend"] = skm.trend.map { p -> [String: Any] in
            [
                "period": p.period, "respondents": p.respondents, "ikm": decimal(p.ikm, 2), "mutu": p.band?.id ?? "–",
                "kinerja": p.band?.label.text(t.lang) ?? "", "current": p.period == u.period
            ]
        }
        if let sample = skm.sample {
            c["sample"] = [
                "population": sample.population, "required": sample.required, "respondents": sample.respondents,
                "verdict": sample.met ? s["met"] : s["notMet"]
            ]
        } else {
            c["sample"] = false
        }
        return c
    }

    /// The pemda's SKM recap in `period`, or `false` (not an SKM rubric, or no surveyed unit).
    func skmRecapSection(_ region: Region, period: String) -> Any {
        guard let recap = SKMRecap.make(rubric: result.rubric, region: region, period: period, units: result.units),
            !recap.rows.isEmpty
        else { return false }
        let band = recap.meanIKM.flatMap { result.rubric.band(for: $0) }
        return [
            "s": s.all, "period": period, "units": recap.rows.count, "respondents": recap.respondents,
            "ikm": decimal(recap.meanIKM, 2), "mutu": band?.id ?? "–", "kinerja": band?.label.text(t.lang) ?? "–",
            "weightedIKM": decimal(recap.respondentWeightedIKM, 2), "printLink": "print/region/\(region.code).html",
            "rows": recap.rows.map { x -> [String: Any] in
                [
                    "link": paths.unit(x.unit.id, period), "name": x.unit.name, "respondents": x.respondents,
                    "ikm": decimal(x.ikm, 2), "ikmValue": DecimalFormat.fixed(x.ikm, decimals: 2),
                    "mutu": x.band?.id ?? "–", "kinerja": x.band?.label.text(t.lang) ?? "",
                    "lowest": x.lowest.map { l -> [String: Any] in
                        [
                            "id": l.id, "title": result.rubric.indicators[l.indicatorIndex].title.text(t.lang),
                            "nrr": decimal(l.nrr, 2)
                        ]
                    } ?? false
                ]
            }
        ] as [String: Any]
    }
}
