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

    public init(
        indicatorID: String, value: AnswerValue, notes: [String] = [], evidence: [Evidence] = [],
        location: SourceLocation = SourceLocation(file: "")
    ) {
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
    /// The service product assessed, if the file names it.
    public var service: String?
    public var location: SourceLocation
    /// The answers, in document order.
    public var answers: [Answer]

    public init(
        id: String, rubricID: String, unitID: String, period: String, assessor: String? = nil,
        date: String? = nil, answers: [Answer] = [], location: SourceLocation = SourceLocation(file: "")
    ) {
        self.id = id
        self.rubricID = rubricID
        self.unitID = unitID
        self.period = period
        self.assessor = assessor
        self.date = date
        self.location = location
        self.answers = answers
    }

    /// Whether any answer has notes or evidence.
    public var hasRemarks: Bool { answers.contains { !$0.notes.isEmpty || !$0.evidence.isEmpty } }

    /// The notes and evidence of each answer that has any, in document order.
    public var remarks: [AnswerRemarks] {
        answers.filter { !$0.notes.isEmpty || !$0.evidence.isEmpty }.map {
            AnswerRemarks(indicatorID: $0.indicatorID, notes: $0.notes, evidence: $0.evidence)
        }
    }
}

/// What an assessor noted on one answer.
public struct AnswerRemarks: Hashable, Sendable {
    public var indicatorID: String
    public var notes: [String]
    public var evidence: [Evidence]

    public init(indicatorID: String, notes: [String], evidence: [Evidence]) {
        self.indicatorID = indicatorID
        self.notes = notes
        self.evidence = evidence
    }
}
