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

    /// Whether the file stayed within the form checked here; once false, it stays false.
    private(set) var plain = true

    private enum Place { case outside, survey, response, answer, comment, done }
    private var place = Place.outside
    private var answers = 0
    private var inComments = false
    private var commentCharacters = 0

    mutating func start(_ tag: XMLStartTag) {
        guard plain else { return }
        guard let ns = tag.namespace, ns.equals("urn:patuh:1"), !tag.hasQualifiedAttribute else { return fail() }
        let name = tag.localName
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
            commentCharacters = 0
            check(tag.attributeCount == 0)
        default:
            fail()
        }
    }

    mutating func end() {
        guard plain else { return }
        switch place {
        case .survey: place = .done
        case .response:
            place = .survey
            check(answers > 0)
        case .answer: place = .response
        case .comment:
            place = .response
            check(commentCharacters <= 20000)
        case .outside, .done: fail()
        }
    }

    mutating func text(_ bytes: XMLBytes) {
        guard plain else { return }
        switch place {
        case .comment: commentCharacters += Self.characters(bytes)
        case .survey, .response: check(bytes.buffer.allSatisfy(ContractText.isBlank))
        case .outside, .answer, .done: fail()
        }
    }

    private mutating func fail() { plain = false }

    private mutating func check(_ ok: Bool) { if !ok { plain = false } }

    // MARK: Attributes

    private func surveyAttributes(_ tag: XMLStartTag) -> Bool {
        var ok = true
        var required = 0
        tag.forEachAttribute { name, value in
            if name.equals("rubric") || name.equals("unit") {
                required += 1
                ok = ok && Self.isId(value)
            } else if name.equals("period") {
                required += 1
                ok = ok && Self.isPeriod(value)
            } else if name.equals("id") {
                ok = ok && Self.isId(value)
            } else {
                ok = false
            }
        }
        return ok && required == 3
    }

    private func responseAttributes(_ tag: XMLStartTag) -> Bool {
        var ok = true
        var hasID = false
        tag.forEachAttribute { name, value in
            switch name.count {
            case 2 where name.equals("id"):
                hasID = true
                ok = ok && Self.isId(value)
            case 4 where name.equals("date"): ok = ok && Self.isDate(value)
            case 3 where name.equals("age"): ok = ok && Self.isAge(value)
            case 6 where name.equals("gender"): ok = ok && (value.equals("L") || value.equals("P"))
            case 7 where name.equals("service"), 9 where name.equals("education"), 10 where name.equals("occupation"):
                ok = ok && Self.isName(value)
            default: ok = false
            }
        }
        return ok && hasID
    }

    /// An `answer`'s attributes (survey and assessment answers have the same two): `indicator`
    /// an `Id`, `value` a plain decimal or `na`, nothing else.
    static func answerAttributes(_ tag: XMLStartTag) -> Bool {
        var ok = true
        var required = 0
        tag.forEachAttribute { name, value in
            if name.equals("indicator") {
                required += 1
                ok = ok && Self.isId(value)
            } else if name.equals("value") {
                required += 1
                ok = ok && (value.equals("na") || Self.isDecimal(value))
            } else {
                ok = false
            }
        }
        return ok && required == 2
    }

    // MARK: Values, in their plain spelling only (the contract's rules, `ContractText`)

    /// UTF-8 characters in `bytes` (libxml2 hands over UTF-8 whatever the file's encoding).
    static func characters(_ bytes: XMLBytes) -> Int { ContractText.characters(utf8: bytes.buffer) }

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
