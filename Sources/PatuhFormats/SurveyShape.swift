import PatuhCore
import PatuhXML

/// Patuh's own check that a survey file has the form `survey.xsd` gives it, for the fast path.
///
/// libxml2's XSD validator costs more than the parse itself, even with a schema that checks
/// only element structure (README, Performance, "Validation", has the figures). Most survey files are plain machine output, so they are read
/// once without the validator while this check follows along. The check is deliberately
/// stricter than the schema: it accepts only the plain spelling of each value (no blanks
/// around an id, no attribute in another namespace). Whenever it is unsure, it says
/// so, and the file is read again with libxml2's validator, which then gives the
/// authoritative verdict and messages. A file it passes is therefore one the schema passes
/// too, and every result is what the validating read would give.
///
/// The check is written for one version of the survey schema: `fingerprint` holds that of
/// `survey.xsd` and `common.xsd` as shipped, and any other schema files turn the fast path
/// off (a test fails when the shipped files change, so this check is revisited with them).
struct SurveyShape: ShapeCheck {
    /// FNV-1a of `survey.xsd` followed by `common.xsd`, as shipped in `Rubrics/schema`.
    static let fingerprint: UInt64 = 0x6759_d45a_0ccf_2777

    // CDATA sections arrive as text: the parse options merge them (XML_PARSE_NOCDATA), for
    // the validator as for this check.

    // What `ShapeCheck` follows for every form.
    var plain = true
    var textCharacters = 0

    private enum Place { case outside, survey, response, answer, comment, done }
    private var place = Place.outside
    private var answers = 0
    private var inComments = false

    mutating func element(_ name: XMLBytes, _ tag: XMLStartTag) {
        switch place {
        case .outside where name.equals("survey"):
            place = .survey
            check(surveyAttributes(tag))
        case .survey where name.equals("response"):
            place = .response
            answers = 0
            inComments = false
            check(responseAttributes(tag))
        case .response where name.equals("answer") && !inComments:
            place = .answer
            answers += 1
            check(Self.answerAttributes(tag))
        case .response where name.equals("comment") && answers > 0:
            place = .comment
            inComments = true
            textCharacters = 0
            check(tag.attributeCount == 0)
        default:
            fail()
        }
    }

    mutating func close() {
        switch place {
        case .survey: place = .done
        case .response:
            place = .survey
            check(answers > 0)
        case .answer: place = .response
        case .comment:
            place = .response
            check(textCharacters <= 20000)
        case .outside, .done: fail()
        }
    }

    var textHere: ShapeText {
        switch place {
        case .comment: .counted
        case .survey, .response: .blank
        case .outside, .answer, .done: .none
        }
    }

    // MARK: Attributes

    private func surveyAttributes(_ tag: XMLStartTag) -> Bool {
        ShapeAttribute.check(tag, required: 3) { name, value in
            if name.equals("rubric") || name.equals("unit") {
                .required(Self.isId(value))
            } else if name.equals("period") {
                .required(Self.isPeriod(value))
            } else if name.equals("id") {
                .optional(Self.isId(value))
            } else {
                .unknown
            }
        }
    }

    private func responseAttributes(_ tag: XMLStartTag) -> Bool {
        ShapeAttribute.check(tag, required: 1) { name, value in
            switch name.count {
            case 2 where name.equals("id"): .required(Self.isId(value))
            case 4 where name.equals("date"): .optional(Self.isDate(value))
            case 3 where name.equals("age"): .optional(Self.isAge(value))
            case 6 where name.equals("gender"): .optional(value.equals("L") || value.equals("P"))
            case 7 where name.equals("service"), 9 where name.equals("education"), 10 where name.equals("occupation"):
                .optional(Self.isName(value))
            default: .unknown
            }
        }
    }

    /// An `answer`'s attributes (survey and assessment answers have the same two): `indicator`
    /// an `Id`, `value` a plain decimal or `na`, nothing else.
    static func answerAttributes(_ tag: XMLStartTag) -> Bool {
        ShapeAttribute.check(tag, required: 2) { name, value in
            if name.equals("indicator") {
                .required(Self.isId(value))
            } else if name.equals("value") {
                .required(value.equals("na") || Self.isDecimal(value))
            } else {
                .unknown
            }
        }
    }

    // MARK: Values, in their plain spelling only (the contract's rules, `ContractText`)

    static func isId(_ v: XMLBytes) -> Bool { ContractText.isID(utf8: v.buffer) }

    static func isPeriod(_ v: XMLBytes) -> Bool { ContractText.isPeriod(utf8: v.buffer) }

    static func isName(_ v: XMLBytes) -> Bool { ContractText.isName(utf8: v.buffer) }

    static func isDate(_ v: XMLBytes) -> Bool { ContractText.isDay(utf8: v.buffer) }

    /// The response's `age`: a non-negative integer up to 130, digits only.
    static func isAge(_ v: XMLBytes) -> Bool {
        let b = v.buffer
        guard (1...3).contains(b.count), b.allSatisfy(ContractText.isDigit) else { return false }
        return b.reduce(0) { $0 * 10 + Int($1 - 0x30) } <= 130
    }

    /// `xs:decimal` of at most 18 digits (libxml2 refuses more than 24 significant ones).
    static func isDecimal(_ v: XMLBytes) -> Bool {
        ContractText.decimal(utf8: v.buffer).map { $0.digits <= 18 } ?? false
    }
}
