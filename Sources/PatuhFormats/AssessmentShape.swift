import PatuhCore
import PatuhXML

/// Patuh's own check that an assessment file has the form `assessment.xsd` gives it, for the
/// fast path: `SurveyShape`'s counterpart for `assessment` and `assessments` files.
///
/// libxml2's XSD validator costs about twice the parse itself on assessment files (a third of
/// a national round's reading went to it), so plain files are read once without the
/// validator while this check follows along. Like `SurveyShape` it is stricter than the
/// schema (only the plain spelling of each value, no attribute in another namespace, no
/// empty or unusual `href`) and says so whenever it is unsure: the file is then read again
/// with libxml2's validator, which gives the authoritative verdict and messages. A file it
/// passes is one the schema passes too, so every result is what the validating read gives.
///
/// Written for one version of the schema: `fingerprint` holds that of `assessment.xsd` and
/// `common.xsd` as shipped; other schema files turn the fast path off.
struct AssessmentShape: ShapeCheck {
    /// FNV-1a of `assessment.xsd` followed by `common.xsd`, as shipped in `Rubrics/schema`.
    static let fingerprint: UInt64 = 0x1bbb_a3ad_076f_2093

    // What `ShapeCheck` follows for every form.
    var plain = true
    var textCharacters = 0

    private enum Place { case outside, assessments, assessment, answer, note, evidence, done }
    private var place = Place.outside
    /// Whether the root is `assessments` (an `assessment` closing returns there).
    private var many = false
    /// Whether the answer being read has had an `evidence` (a `note` may not follow one).
    private var hadEvidence = false

    mutating func element(_ name: XMLBytes, _ tag: XMLStartTag) {
        switch place {
        case .outside where name.equals("assessments"):
            place = .assessments
            many = true
            check(tag.attributeCount == 0)
        case .outside where name.equals("assessment"), .assessments where name.equals("assessment"):
            place = .assessment
            check(assessmentAttributes(tag))
        case .assessment where name.equals("answer"):
            place = .answer
            hadEvidence = false
            check(SurveyShape.answerAttributes(tag))
        case .answer where name.equals("note") && !hadEvidence:
            place = .note
            textCharacters = 0
            check(tag.attributeCount == 0)
        case .answer where name.equals("evidence"):
            place = .evidence
            hadEvidence = true
            textCharacters = 0
            check(evidenceAttributes(tag))
        default:
            fail()
        }
    }

    mutating func close() {
        switch place {
        case .assessments: place = .done
        case .assessment: place = many ? .assessments : .done
        case .answer: place = .assessment
        case .note, .evidence:
            place = .answer
            check(textCharacters <= 20000)
        case .outside, .done: fail()
        }
    }

    var textHere: ShapeText {
        switch place {
        case .note, .evidence: .counted
        case .assessments, .assessment, .answer: .blank
        case .outside, .done: .none
        }
    }

    // MARK: Attributes

    private func assessmentAttributes(_ tag: XMLStartTag) -> Bool {
        ShapeAttribute.check(tag, required: 4) { name, value in
            switch name.count {
            case 2 where name.equals("id"), 4 where name.equals("unit"), 6 where name.equals("rubric"):
                .required(SurveyShape.isId(value))
            case 6 where name.equals("period"): .required(SurveyShape.isPeriod(value))
            case 4 where name.equals("date"): .optional(SurveyShape.isDate(value))
            case 7 where name.equals("service"), 8 where name.equals("assessor"): .optional(SurveyShape.isName(value))
            default: .unknown
            }
        }
    }

    private func evidenceAttributes(_ tag: XMLStartTag) -> Bool {
        ShapeAttribute.check(tag, required: 1) { name, value in
            name.equals("href") ? .required(Self.isPlainReference(value)) : .unknown
        }
    }

    /// An `xs:anyURI` in the plainest spelling only: a relative path or URL of letters,
    /// digits and `- . _ ~ / :`, 1 to 2,048 bytes (`foto/in-01.png`). Anything else (blanks,
    /// `%`, `?`, `#`, non-ASCII) goes to the validator.
    static func isPlainReference(_ v: XMLBytes) -> Bool {
        let b = v.buffer
        guard (1...2048).contains(b.count) else { return false }
        return b.allSatisfy {
            ContractText.isAlphanumeric($0) || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F || $0 == 0x7E || $0 == 0x2F
                || $0 == 0x3A
        }
    }
}
