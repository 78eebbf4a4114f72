/// An assessor's answer: a number, or not applicable.
public enum AnswerValue: Hashable, Sendable {
    case number(Double)
    case notApplicable
}

/// A link to what the assessor saw (a photo, a document).
public struct Evidence: Hashable, Sendable {
    public var href: String
    public var caption: String?

    public init(href: String, caption: String? = nil) {
        self.href = href
        self.caption = caption
    }
}

/// One indicator's answer in an assessment.
public struct Answer: Hashable, Sendable {
    public var indicatorID: String
    public var value: AnswerValue
    public var notes: [String]
    public var evidence: [Evidence]
    public var location: SourceLocation

    public init(indicatorID: String, value: AnswerValue, notes: [String] = [], evidence: [Evidence] = [],
                location: SourceLocation = SourceLocation(file: "")) {
        self.indicatorID = indicatorID
        self.value = value
        self.notes = notes
        self.evidence = evidence
        self.location = location
    }
}

/// One assessor's visit to one unit (one service product) in one period.
public struct Assessment: Hashable, Sendable {
    public var id: String
    public var rubricID: String
    public var unitID: String
    public var period: String
    public var assessor: String?
    public var date: String?
    public var answers: [Answer]
    public var location: SourceLocation

    public init(id: String, rubricID: String, unitID: String, period: String, assessor: String? = nil,
                date: String? = nil, answers: [Answer] = [], location: SourceLocation = SourceLocation(file: "")) {
        self.id = id
        self.rubricID = rubricID
        self.unitID = unitID
        self.period = period
        self.assessor = assessor
        self.date = date
        self.answers = answers
        self.location = location
    }
}
