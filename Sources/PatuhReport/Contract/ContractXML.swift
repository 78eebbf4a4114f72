import Foundation
import PatuhCore

/// Writes assessments and survey responses as the contract's XML files (docs/FORMATS.md,
/// "Assessment" and "Survey"), every text escaped. The result is a whole document, to be written
/// atomically with `OutputDirectory`.
public enum ContractXML {
    static let namespace = "urn:patuh:1"

    /// An `assessments` document holding `assessments` in the order given.
    public static func assessments(_ assessments: [Assessment], comment: String? = nil) -> String {
        var out = assessmentsStart(comment: comment)
        for a in assessments { out += element(a) }
        return out + assessmentsEnd
    }

    /// The start of an `assessments` document, up to its first `assessment`.
    public static func assessmentsStart(comment: String? = nil) -> String {
        header(comment) + "<assessments xmlns=\"\(namespace)\">\n"
    }

    public static let assessmentsEnd = "</assessments>\n"

    /// One `assessment` element, indented for an `assessments` document.
    public static func element(_ a: Assessment) -> String {
        var out =
            "  <assessment" + attribute("id", a.id) + attribute("rubric", a.rubricID) + attribute("unit", a.unitID)
            + attribute("period", a.period) + attribute("assessor", a.assessor) + attribute("date", a.date)
            + attribute("service", a.service) + ">\n"
        for answer in a.answers {
            out += "    <answer" + attribute("indicator", answer.indicatorID) + attribute("value", value(answer.value))
            guard !answer.notes.isEmpty || !answer.evidence.isEmpty else {
                out += "/>\n"
                continue
            }
            out += ">\n"
            for note in answer.notes { out += "      <note>\(XMLText.escaped(note))</note>\n" }
            for evidence in answer.evidence {
                out += "      <evidence" + attribute("href", evidence.href)
                out += evidence.caption.map { ">\(XMLText.escaped($0))</evidence>\n" } ?? "/>\n"
            }
            out += "    </answer>\n"
        }
        return out + "  </assessment>\n"
    }

    /// A `survey` document of one unit and period.
    public static func survey(
        id: String?, rubric: String, unit: String, period: String,
        responses: [SurveyResponse], comment: String? = nil
    ) -> String {
        var out = surveyStart(id: id, rubric: rubric, unit: unit, period: period, comment: comment)
        for r in responses { out += element(r) }
        return out + surveyEnd
    }

    /// The start of a `survey` document, up to its first `response`.
    public static func surveyStart(id: String?, rubric: String, unit: String, period: String, comment: String? = nil)
        -> String
    {
        header(comment) + "<survey xmlns=\"\(namespace)\"" + attribute("id", id) + attribute("rubric", rubric)
            + attribute("unit", unit) + attribute("period", period) + ">\n"
    }

    public static let surveyEnd = "</survey>\n"

    /// One `response` element, indented for a `survey` document.
    public static func element(_ r: SurveyResponse) -> String {
        var out =
            "  <response" + attribute("id", r.id) + attribute("date", r.date) + attribute("service", r.service)
            + attribute("gender", r.gender) + attribute("age", r.age.map(String.init))
            + attribute("education", r.education) + attribute("occupation", r.occupation) + ">\n"
        for answer in r.answers {
            out +=
                "    <answer" + attribute("indicator", answer.indicatorID) + attribute("value", value(answer.value))
                + "/>\n"
        }
        for comment in r.comments { out += "    <comment>\(XMLText.escaped(comment))</comment>\n" }
        return out + "  </response>\n"
    }

    private static func header(_ comment: String?) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + (comment.map { "<!-- \(XMLText.comment($0)) -->\n" } ?? "")
    }

    /// ` name="value"`, escaped; nothing when there is no value.
    private static func attribute(_ name: String, _ value: String?) -> String {
        guard let value else { return "" }
        return " \(name)=\"\(XMLText.escaped(value, in: .attribute))\""
    }

    private static func value(_ v: AnswerValue) -> String {
        switch v {
        case .notApplicable: return FieldChoice.notApplicable
        case .number(let x): return decimal(x)
        }
    }

    /// A number as `xs:decimal` allows: `3`, `2.5`, never an exponent (`1e-05`).
    static func decimal(_ x: Double) -> String {
        let text = DecimalFormat.plain(x)
        guard text.contains("e") || text.contains("E") else { return text }
        var fixed = String(format: "%.17f", x)
        while fixed.hasSuffix("0") { fixed.removeLast() }
        if fixed.hasSuffix(".") { fixed.removeLast() }
        return fixed
    }
}
