/// The phone form made from a rubric, as both sides of the field loop see it: the XForm
/// writer lays its questions out from this value, and the submission importer reads the
/// answers back by the same element names. Neither keeps its own copy of the layout.
///
/// An assessor form asks, per dimension, one group per assessor-sourced indicator (the
/// answer, a note, a photo); a survey form (the SKM questionnaire, or the survey part of a
/// rubric that mixes both sources) asks each survey indicator once, plus the respondent.
public struct FieldForm: Hashable, Sendable {
    /// Who fills the form in.
    public enum Kind: String, Hashable, Sendable {
        /// An assessor on a visit: one submission is one assessment.
        case assessment
        /// A service user: one submission is one survey response.
        case survey
    }

    /// The primary instance's root element.
    public static let rootName = "data"

    /// The rubric the form asks.
    public var rubric: Rubric
    /// Who fills it in.
    public var kind: Kind
    /// The XForm's `id`: `patuh-<rubric id>`, with `-survey` for the questionnaire of a
    /// rubric that also has assessor indicators.
    public var id: String
    /// The version every submission must carry: the rubric's version and a hash of what
    /// the answers mean (see `FormIdentity`).
    public var version: String
    /// One group per dimension that has indicators of this form's kind, in rubric order.
    public var groups: [FieldGroup]

    /// The form of `kind` for `rubric`, or `nil` when no indicator of the rubric is filled
    /// in by that kind of person.
    public init?(rubric: Rubric, kind: Kind) {
        let source: IndicatorSource = kind == .survey ? .survey : .assessor
        var groups: [FieldGroup] = []
        for dimension in rubric.dimensions {
            let questions = dimension.indicators.filter { $0.source == source }.map(FieldQuestion.init)
            guard !questions.isEmpty else { continue }
            let reserved = kind == .survey ? FieldPath.surveyTopLevel : FieldPath.assessmentTopLevel
            groups.append(
                FieldGroup(
                    dimension: dimension, name: FieldPath.elementName(dimension.id, reserved: reserved),
                    questions: questions))
        }
        guard !groups.isEmpty else { return nil }
        self.rubric = rubric
        self.kind = kind
        self.groups = groups
        let mixed = rubric.hasSurveyIndicators && !rubric.isSurveyRubric
        id = "patuh-\(rubric.id)" + (kind == .survey && mixed ? "-survey" : "")
        version = FormIdentity.version(rubric: rubric, kind: kind, groups: groups)
    }

    /// The forms a rubric gives: its main form first (the questionnaire for an SKM rubric,
    /// else the assessor form), then the questionnaire of its survey indicators, if any.
    public static func forms(for rubric: Rubric) -> [FieldForm] {
        [FieldForm(rubric: rubric, kind: .assessment), FieldForm(rubric: rubric, kind: .survey)].compactMap { $0 }
    }

    /// Whether a submission's `version` is this form's: equal to it, or this version with a
    /// suffix after a separator (a registry hash, or the suffix a server adds when a form
    /// is republished), so that the meaning of the answers is the same.
    public func accepts(version other: String) -> Bool {
        guard other.hasPrefix(version) else { return false }
        guard let next = other.dropFirst(version.count).unicodeScalars.first else { return true }
        return !(next.properties.isAlphabetic || ("0"..."9").contains(next))
    }

    /// Every question, with its group, in form order.
    public var questions: [(group: FieldGroup, question: FieldQuestion)] {
        groups.flatMap { g in g.questions.map { (g, $0) } }
    }
}

/// One dimension's questions.
public struct FieldGroup: Hashable, Sendable {
    /// The dimension the group asks.
    public var dimension: Dimension
    /// The group's element name in the instance.
    public var name: String
    /// Its indicators of the form's kind, in rubric order.
    public var questions: [FieldQuestion]
}

/// One indicator asked on the phone.
public struct FieldQuestion: Hashable, Sendable {
    /// The indicator asked.
    public var indicator: Indicator
    /// The element name in the instance (the indicator id, `_`-prefixed if it starts with a digit).
    public var name: String
    /// What can be chosen: the rubric's levels (or whole numbers of the range when it
    /// describes none), then `na` where the rubric allows it. Empty when the range has no
    /// listable values: the answer is then typed as a number.
    public var choices: [FieldChoice]

    /// The question for `indicator`, with its choices.
    public init(_ indicator: Indicator) {
        self.indicator = indicator
        name = FieldPath.elementName(indicator.id, reserved: [])
        var choices: [FieldChoice] = indicator.levels.map {
            FieldChoice(value: DecimalFormat.plain($0.value), label: $0.label)
        }
        if choices.isEmpty, indicator.min == indicator.min.rounded(), indicator.max == indicator.max.rounded(),
            indicator.max >= indicator.min, indicator.max - indicator.min <= 20
        {
            choices = stride(from: indicator.min, through: indicator.max, by: 1).map {
                FieldChoice(value: DecimalFormat.plain($0), label: LocalizedText(["id": DecimalFormat.plain($0)]))
            }
        }
        if indicator.allowsNA, !choices.isEmpty {
            choices.append(FieldChoice(value: FieldChoice.notApplicable, label: FieldChoice.notApplicableLabel))
        }
        self.choices = choices
    }
}

/// One answer a question offers.
public struct FieldChoice: Hashable, Sendable {
    /// The value stored in the submission: a number as the contract writes it, or `na`.
    public var value: String
    public var label: LocalizedText

    public init(value: String, label: LocalizedText) {
        self.value = value
        self.label = label
    }

    /// The value of "not applicable", the same in the form and in assessment files.
    public static let notApplicable = "na"
    static let notApplicableLabel = LocalizedText(["id": "Tidak berlaku (na)", "en": "Not applicable (na)"])
}
