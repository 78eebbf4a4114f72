import PatuhCore

extension SiteBuilder {
    /// `metode.html`, in the site's language only: what the rubric measures (its reader
    /// notes), its status, the formula in words with one unit worked through, the
    /// categories with their ranges, every indicator with its weight, levels and article.
    func methodContext() -> [String: Any] {
        let rubric = result.rubric
        var c = base(path: "metode.html", pageTitle: t["method"])
        c["version"] = rubric.version ?? ""
        c["description"] = rubric.description.isEmpty ? false : rubric.description.text(t.lang)
        c["status"] = t["status-" + rubric.status.rawValue]
        c["statusNote"] = rubric.statusNote.isEmpty ? false : rubric.statusNote.text(t.lang)
        c["formula"] = formula()
        c["example"] = workedExample() ?? false
        c["legend"] = frame.legend()
        let showsDimensions = !rubric.hasOnlyImplicitDimension
        c["dimensions"] = rubric.dimensions.map { d -> [String: Any] in
            [
                "title": frame.dimensionName(d), "showsHeading": showsDimensions, "weight": t.weight(d.weight),
                "origins": originsContext(d.origins),
                "indicators": d.indicators.map { i -> [String: Any] in
                    [
                        "id": i.id, "title": i.title.text(t.lang), "weight": t.weight(i.weight), "ref": i.ref ?? "",
                        "levels": i.levels.map { ["value": t.weight($0.value), "label": $0.label.text(t.lang)] },
                        "origins": originsContext(i.origins)
                    ]
                }
            ]
        }
        // Where each band's range comes from (source and status of every part).
        c["bandOrigins"] = rubric.bands.filter { !$0.origins.isEmpty }.map { b -> [String: Any] in
            ["id": b.id, "label": b.label.text(t.lang), "origins": originsContext(b.origins)]
        }
        c.merge(methodOriginsContext()) { _, new in new }
        return c
    }

    func formula() -> String {
        let en = t.lang == "en"
        switch result.rubric.model {
        case .normalized(let scale):
            let s = t.weight(scale)
            return en
                ? "Each answer is turned into the share of its indicator's range it reaches (0 for the lowest level, 1 for the highest). Inside a dimension these shares are averaged, each indicator counting by its weight; \"not applicable\" answers are left out and a missing answer counts as the lowest level. The dimensions are then averaged by their weights and multiplied by \(s): a dimension can give at most its weight's share of \(s) points. A unit with several assessments scores their mean; an MPP the mean of its tenants; a local government the mean of the units registered directly in it. Scores are rounded to 2 decimals before the category is read."
                : "Setiap jawaban diubah menjadi capaian dari rentang indikatornya (0 untuk tingkat terendah, 1 untuk tertinggi). Di dalam satu dimensi, capaian dirata-ratakan menurut bobot indikator; jawaban \"tidak berlaku\" tidak dihitung dan jawaban kosong dihitung sebagai tingkat terendah. Lalu dimensi dirata-ratakan menurut bobotnya dan dikalikan \(s): satu dimensi paling banyak memberi bagian bobotnya dari \(s) poin. Unit dengan beberapa penilaian bernilai rata-ratanya; MPP bernilai rata-rata tenantnya; pemda bernilai rata-rata unit yang terdaftar langsung di dalamnya. Nilai dibulatkan ke 2 desimal sebelum kategori ditentukan."
        case .linear(let factor):
            let f = t.weight(factor)
            return en
                ? "For each item, the respondents' answers are averaged (the NRR). Each NRR is multiplied by the item's weight, the products are added up and the sum is multiplied by \(f). Scores are rounded to 2 decimals before the category is read."
                : "Untuk setiap unsur, jawaban responden dirata-ratakan (NRR). Setiap NRR dikalikan bobot unsurnya, hasilnya dijumlahkan, lalu jumlah itu dikalikan \(f). Nilai dibulatkan ke 2 desimal sebelum kategori ditentukan."
        case .weightedSum(let factor):
            let f = factor == 1 ? "" : t.weight(factor) + " × "
            return en
                ? "Each indicator's score is multiplied by the indicator's weight inside its aspect; an aspect's sum is multiplied by the aspect's weight, and the aspects are added up\(f.isEmpty ? "" : " and multiplied by \(t.weight(factor))"): Index = \(f)Σ aspects (Σ score × indicator weight) × aspect weight, with the weights as written. A unit with several assessments scores their mean. Scores are rounded to 2 decimals before the category is read."
                : "Skor setiap indikator dikalikan bobot indikator di dalam aspeknya; jumlah per aspek dikalikan bobot aspek, lalu semua aspek dijumlahkan\(f.isEmpty ? "" : " dan dikalikan \(t.weight(factor))"): Indeks = \(f)Σ aspek (Σ skor × bobot indikator) × bobot aspek, dengan bobot apa adanya. Unit dengan beberapa penilaian bernilai rata-ratanya. Nilai dibulatkan ke 2 desimal sebelum kategori ditentukan."
        }
    }

    /// One unit's score worked through: the median unit of the latest period that has
    /// indicator values.
    func workedExample() -> [String: Any]? {
        let rubric = result.rubric
        // Positions, not the results themselves: a copy of a national period's 24,847 results
        // was 15.7 MB, the largest allocation at the site phase's peak (heaptrack).
        let units = result.units
        let candidates = (index.unitsOfPeriod[paths.latest] ?? []).filter { !units[$0].indicators.isEmpty }
            .sorted { (units[$0].score, units[$0].unit.id) < (units[$1].score, units[$1].unit.id) }
        guard !candidates.isEmpty else { return nil }
        let u = units[candidates[candidates.count / 2]]
        var rows: [[String: Any]] = []
        switch rubric.model {
        case .normalized:
            let maxima = rubric.dimensionMaxima(present: rubric.dimensions.indices.map { u.dimensionPoints[$0] != nil })
            for d in rubric.dimensions.indices {
                guard let maxPoints = maxima[d], let points = u.dimensionPoints[d] else { continue }
                rows.append([
                    "label": frame.dimensionName(rubric.dimensions[d]),
                    "detail":
                        "\(t["fraction"]) \(t.number(maxPoints > 0 ? points / maxPoints * 100 : 0))% × \(t.number(maxPoints))",
                    "points": t.number(points)
                ])
            }
        case .linear(let factor):
            for i in rubric.indicators.indices {
                guard let v = u.indicators[i].value else { continue }
                let indicator = rubric.indicators[i]
                rows.append([
                    "label": "\(indicator.id) \(indicator.title.text(t.lang))",
                    "detail": "\(t.weight(factor)) × \(t.weight(indicator.weight)) × \(t.number(v))",
                    "points": t.number(factor * indicator.weight * v)
                ])
            }
        case .weightedSum(let factor):
            for i in rubric.indicators.indices {
                guard let v = u.indicators[i].value else { continue }
                let indicator = rubric.indicators[i]
                let aspect = rubric.dimensions[rubric.dimensionOfIndicator[i]].weight
                let scaled = factor == 1 ? "" : "\(t.weight(factor)) × "
                rows.append([
                    "label": "\(indicator.id) \(indicator.title.text(t.lang))",
                    "detail": "\(scaled)\(t.weight(aspect)) × \(t.weight(indicator.weight)) × \(t.number(v))",
                    "points": t.number(factor * aspect * indicator.weight * v)
                ])
            }
        }
        return [
            "unit": u.unit.name, "period": u.period, "rows": rows, "total": t.number(u.score),
            "band": frame.badge(u.band)
        ]
    }
}
