import PatuhCore

/// A unit's figures for a period, computed as `patuh score` computes them: NRR per unsur
/// (the mean answer), IKM from the rubric's own model (SKM: 25 · Σ NRR/9), its band.
struct LiveFigures {
    var config: ServeConfiguration
    var tally: SurveyTally
    var comments: [(date: String, service: String?, text: String)] = []

    init(config: ServeConfiguration, responses: [StoredResponse]) {
        self.config = config
        let rubric = config.rubric
        tally = SurveyTally(indicatorCount: rubric.indicators.count, window: rubric.surveyWindow)
        for r in responses {
            tally.add(rubric.indicators.map { r.answers[$0.id] })
            if let c = r.comment { comments.append((r.date, r.service, c)) }
        }
    }

    var respondents: Int { tally.respondents }

    /// The IKM (score) rounded as the CSV files round it, or nil with no respondent.
    var ikm: Double? {
        guard respondents > 0, let total = config.rubric.score(tally.sheet).total else { return nil }
        return Rounding.round2(total)
    }

    func summary(unit: ServiceUnit, words w: Words) -> String {
        let rubric = config.rubric
        var b = "<p>\(w("Responden", "Respondents")): <strong id=\"respondents\">\(respondents)</strong>"
        if let population = unit.population {
            let sample = SampleSize.krejcieMorgan(population: population)
            b +=
                " \(w("dari sampel minimal", "of a minimum sample of")) \(sample) (Krejcie–Morgan, \(w("populasi", "population")) \(population))"
        }
        b += "</p>\n"
        if let ikm {
            let band = rubric.band(for: ikm)
            b += "<p>IKM: <strong id=\"ikm\">\(HTML.number(ikm, w.lang))</strong>"
            if let band { b += " (\(HTML.esc(band.id)) \(HTML.esc(band.label.text(w.lang))))" }
            b += "</p>\n"
        }
        b +=
            "<table><thead><tr><th>\(w("Unsur", "Element"))</th><th class=\"n\">NRR</th><th class=\"n\">\(w("Menjawab", "Answered"))</th></tr></thead><tbody>\n"
        let means = tally.means
        for i in rubric.surveyWindow {
            let indicator = rubric.indicators[i]
            b += "<tr><td>\(HTML.esc(indicator.id)) \(HTML.esc(indicator.title.text(w.lang)))</td>"
            b +=
                "<td class=\"n\">\(means[i].map { HTML.number($0, w.lang) } ?? "-")</td><td class=\"n\">\(tally.answered(at: i))</td></tr>\n"
        }
        b +=
            "</tbody></table>\n<h2>\(w("Saran dan masukan", "Suggestions")) (\(comments.count))</h2>\n<ul id=\"comments\">\n"
        for c in comments {
            b += "<li>\(HTML.esc(c.date))\(c.service.map { " · " + HTML.esc($0) } ?? ""): \(HTML.esc(c.text))</li>\n"
        }
        return b + "</ul>\n"
    }
}
