import Foundation
import PatuhCore

/// The counter questionnaire: one small page per unit, the rubric's question and answer
/// wording for each unsur, the respondent profile, a suggestions box and a privacy notice.
/// A plain HTML form: no script is needed to fill it in or submit it.
struct Questionnaire {
    var config: ServeConfiguration
    var unit: ServiceUnit
    var words: Words

    /// The form, with `token` (one-time, against replays), `filled` values kept after a
    /// refused submission and `problems` to show above it.
    func page(token: String, filled: [String: String] = [:], problems: [String] = []) -> String {
        let w = words
        let lang = w.lang
        let region = config.registry.region(unit.regionCode)?.name ?? unit.regionCode
        var b = w.switchLink(path: "/s/\(unit.id)")
        b += "<h1>\(w("Survei Kepuasan Masyarakat", "Community Satisfaction Survey"))</h1>\n"
        b += "<p><strong>\(HTML.esc(unit.name))</strong><br>\(HTML.esc(region))<br>"
        b += "\(w("Periode", "Period")) \(HTML.esc(config.currentPeriod))</p>\n"
        b +=
            "<p class=\"note\" id=\"privasi\">"
            + w(
                "Survei ini tanpa nama. Jawaban Anda hanya dipakai untuk menghitung Indeks Kepuasan Masyarakat unit ini "
                    + "(PermenPANRB 14/2017) dan disimpan di server pemda. Jangan menulis nama, NIK atau nomor telepon di kotak saran. "
                    + "Data profil boleh dikosongkan.",
                "This survey is anonymous. Your answers are used only to compute this unit's satisfaction index "
                    + "(PermenPANRB 14/2017) and are kept on the local government's server. Do not write your name, ID number "
                    + "or phone number in the suggestions box. The profile questions may be left blank.") + "</p>\n"
        if !problems.isEmpty {
            b += "<div class=\"error\" role=\"alert\"><p>\(w("Mohon lengkapi:", "Please complete:"))</p><ul>"
            for p in problems { b += "<li>\(HTML.esc(p))</li>" }
            b += "</ul></div>\n"
        }
        b += "<form method=\"post\" action=\"/s/\(HTML.esc(unit.id))\" accept-charset=\"utf-8\">\n"
        b += hidden("token", token) + hidden("period", config.currentPeriod) + hidden("lang", lang)
        b += profile(filled)
        for (n, indicator) in config.questions.enumerated() {
            b += question(n + 1, indicator, filled["a_\(indicator.id)"])
        }
        b += "<fieldset><legend>\(w("Saran dan masukan", "Suggestions"))</legend>"
        b +=
            "<label for=\"comment\">\(w("Tulis saran Anda untuk unit ini (boleh kosong)", "Your suggestions for this unit (optional)"))</label>"
        b += "<textarea id=\"comment\" name=\"comment\" rows=\"4\" maxlength=\"\(Submission.maxComment)\">"
        b += HTML.esc(filled["comment"] ?? "") + "</textarea></fieldset>\n"
        b += "<p><button type=\"submit\">\(w("Kirim", "Send"))</button></p>\n</form>\n"
        return HTML.page(
            title: w("Survei Kepuasan Masyarakat", "Community Satisfaction Survey") + ": " + unit.name,
            lang: lang, body: b)
    }

    private func hidden(_ name: String, _ value: String) -> String {
        "<input type=\"hidden\" name=\"\(name)\" value=\"\(HTML.esc(value))\">\n"
    }

    private func profile(_ filled: [String: String]) -> String {
        let w = words
        var b = "<fieldset><legend>\(w("Profil responden", "About you"))</legend>\n"
        b += "<p>\(w("Jenis kelamin", "Gender"))</p>"
        for c in RespondentChoices.gender {
            b += radio("gender", c.value, c.label.text(w.lang), checked: filled["gender"] == c.value, required: false)
        }
        b += "<label for=\"age\">\(w("Umur (tahun)", "Age (years)"))</label>"
        b +=
            "<input id=\"age\" name=\"age\" type=\"number\" inputmode=\"numeric\" min=\"\(Submission.minAge)\" max=\"\(RespondentChoices.ages.upperBound)\" value=\"\(HTML.esc(filled["age"] ?? ""))\">\n"
        b += select(
            "education", w("Pendidikan terakhir", "Education"), RespondentChoices.education, filled["education"])
        b += select(
            "occupation", w("Pekerjaan utama", "Occupation"), RespondentChoices.occupation, filled["occupation"])
        b += "<label for=\"service\">\(w("Jenis layanan yang diterima", "Service received"))</label>"
        b +=
            "<input id=\"service\" name=\"service\" type=\"text\" maxlength=\"\(Submission.maxService)\" value=\"\(HTML.esc(filled["service"] ?? ""))\">\n"
        return b + "</fieldset>\n"
    }

    private func select(_ name: String, _ label: String, _ choices: [RespondentChoices.Choice], _ chosen: String?)
        -> String
    {
        var b =
            "<label for=\"\(name)\">\(label)</label><select id=\"\(name)\" name=\"\(name)\"><option value=\"\">-</option>"
        for c in choices {
            b +=
                "<option value=\"\(HTML.esc(c.value))\"\(chosen == c.value ? " selected" : "")>\(HTML.esc(c.label.text(words.lang)))</option>"
        }
        return b + "</select>\n"
    }

    private func radio(_ name: String, _ value: String, _ label: String, checked: Bool, required: Bool) -> String {
        let id = "\(name)-\(value)"
        return
            "<label for=\"\(HTML.esc(id))\"><input type=\"radio\" id=\"\(HTML.esc(id))\" name=\"\(HTML.esc(name))\" value=\"\(HTML.esc(value))\""
            + (checked ? " checked" : "") + (required ? " required" : "") + ">\(HTML.esc(label))</label>\n"
    }

    private func question(_ number: Int, _ indicator: Indicator, _ chosen: String?) -> String {
        let lang = words.lang
        let title = indicator.title.text(lang)
        var b = "<fieldset id=\"q-\(HTML.esc(indicator.id))\"><legend>\(number). \(HTML.esc(title))</legend>\n"
        let question = indicator.description.text(lang)
        if !question.isEmpty { b += "<p>\(HTML.esc(question))</p>\n" }
        for level in indicator.levels {
            let value = DecimalFormat.plain(level.value)
            b += radio(
                "a_\(indicator.id)", value, "\(value). \(level.label.text(lang))", checked: chosen == value,
                required: true)
        }
        return b + "</fieldset>\n"
    }
}

/// What a respondent must still fill in or correct, in the page's language.
struct Problems: Error {
    var list: [String]
}

/// A questionnaire's form fields checked: a response to store, or what is missing or wrong.
struct Submission {
    static let maxComment = 2000
    static let maxService = 120
    static let minAge = 10

    /// `application/x-www-form-urlencoded` fields; the first of a repeated name wins.
    static func fields(_ body: String) -> [String: String] {
        var out: [String: String] = [:]
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            if out[name] == nil { out[name] = value }
        }
        return out
    }

    private static func decode(_ s: Substring) -> String {
        let plus = s.replacingOccurrences(of: "+", with: " ")
        return plus.removingPercentEncoding ?? plus
    }

    /// Text a respondent typed, without control characters (newlines kept in comments), trimmed,
    /// cut at `limit` characters; nil when empty.
    static func clean(_ text: String?, limit: Int, newlines: Bool = false) -> String? {
        guard let text else { return nil }
        var out = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            if c == "\n" && newlines {
                out.append(c)
                continue
            }
            if c.properties.generalCategory == .control || c.properties.generalCategory == .format
                || c.properties.generalCategory == .surrogate || c.properties.generalCategory == .unassigned
            {
                continue
            }
            out.append(c)
        }
        let trimmed = String(out).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        return String(trimmed.prefix(limit))
    }

    /// The response the fields hold, or the problems to show (in the page's language).
    static func response(
        _ f: [String: String], config: ServeConfiguration, unit: String, id: String, date: String,
        words w: Words
    ) -> Result<StoredResponse, Problems> {
        var problems: [String] = []
        var answers: [String: Double] = [:]
        for indicator in config.questions {
            let title = indicator.title.text(w.lang)
            guard let text = f["a_\(indicator.id)"], !text.isEmpty else {
                problems.append(w("Jawaban untuk \"\(title)\"", "An answer to \"\(title)\""))
                continue
            }
            guard let v = Double(text), indicator.levels.contains(where: { $0.value == v }) else {
                problems.append(
                    w("Jawaban untuk \"\(title)\" tidak dikenal", "The answer to \"\(title)\" is not one offered"))
                continue
            }
            answers[indicator.id] = v
        }
        var gender: String?
        if let g = f["gender"], !g.isEmpty {
            gender = RespondentChoices.recorded(g, in: RespondentChoices.gender)
            if gender == nil { problems.append(w("Jenis kelamin tidak dikenal", "Unknown gender")) }
        }
        var education: String?
        if let e = f["education"], !e.isEmpty {
            education = RespondentChoices.recorded(e, in: RespondentChoices.education)
            if education == nil { problems.append(w("Pendidikan tidak dikenal", "Unknown education")) }
        }
        var occupation: String?
        if let o = f["occupation"], !o.isEmpty {
            occupation = RespondentChoices.recorded(o, in: RespondentChoices.occupation)
            if occupation == nil { problems.append(w("Pekerjaan tidak dikenal", "Unknown occupation")) }
        }
        var age: Int?
        if let a = f["age"]?.trimmingCharacters(in: .whitespaces), !a.isEmpty {
            if let n = Int(a), n >= minAge, RespondentChoices.ages.contains(n) {
                age = n
            } else {
                problems.append(
                    w(
                        "Umur antara \(minAge) dan \(RespondentChoices.ages.upperBound) tahun",
                        "An age between \(minAge) and \(RespondentChoices.ages.upperBound) years"))
            }
        }
        if !problems.isEmpty { return .failure(Problems(list: problems)) }
        return .success(
            StoredResponse(
                id: id, unitID: unit, period: f["period"] ?? config.currentPeriod, date: date,
                respondent: RespondentProfile(
                    service: clean(f["service"], limit: maxService), gender: gender, age: age, education: education,
                    occupation: occupation),
                answers: answers,
                comment: clean(f["comment"], limit: maxComment, newlines: true)))
    }
}
