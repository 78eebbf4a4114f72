/// Element names of a field form's instance, as paths below its root (`unit`,
/// `input/IN-01/answer`, `meta/instanceID`): the one place both the XForm writer and the
/// submission reader take them from.
public enum FieldPath {
    // The visit or the response.
    public static let region = "region"
    public static let unit = "unit"
    public static let period = "period"
    public static let assessor = "assessor"
    public static let date = "date"
    public static let service = "service"
    // The respondent of a survey form.
    public static let respondent = "respondent"
    public static let gender = "respondent/gender"
    public static let age = "respondent/age"
    public static let education = "respondent/education"
    public static let occupation = "respondent/occupation"
    public static let comment = "comment"
    // ODK's metadata.
    public static let meta = "meta"
    public static let instanceID = "meta/instanceID"
    public static let deprecatedID = "meta/deprecatedID"
    public static let instanceName = "meta/instanceName"

    /// Children of an assessor form's indicator group.
    public static let answer = "answer"
    public static let note = "note"
    public static let photo = "photo"

    /// Names at the top of an assessor form that a dimension group must not take.
    static let assessmentTopLevel: Set<String> = [region, unit, period, assessor, date, meta]
    /// Names at the top of a survey form that a dimension group must not take.
    static let surveyTopLevel: Set<String> = [region, unit, period, date, service, respondent, comment, meta]

    /// The element name for a rubric id: the id itself, or `_` and the id when it starts
    /// with a digit (not allowed in XML names) or would take a reserved name. Rubric ids
    /// never start with `_`, so a prefixed name cannot meet an unprefixed one.
    public static func elementName(_ id: String, reserved: Set<String>) -> String {
        let startsWithLetter = id.unicodeScalars.first.map { $0.properties.isAlphabetic } ?? false
        return startsWithLetter && !reserved.contains(id) ? id : "_" + id
    }

    /// Where the answer to `question` of `group` sits.
    public static func answerPath(_ group: FieldGroup, _ question: FieldQuestion, kind: FieldForm.Kind) -> String {
        kind == .survey ? "\(group.name)/\(question.name)" : "\(group.name)/\(question.name)/\(answer)"
    }

    /// Where the assessor's note on `question` sits.
    public static func notePath(_ group: FieldGroup, _ question: FieldQuestion) -> String {
        "\(group.name)/\(question.name)/\(note)"
    }

    /// Where the photo taken for `question` sits (its file name).
    public static func photoPath(_ group: FieldGroup, _ question: FieldQuestion) -> String {
        "\(group.name)/\(question.name)/\(photo)"
    }
}
