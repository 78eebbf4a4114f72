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
///
/// A national round holds tens of thousands of these with some thirty answers each, so the
/// answers are kept in parallel arrays of plain numbers (about 16 bytes an answer) rather
/// than as `Answer` values (about 80): `answers` puts them back together when asked.
public struct Assessment: Hashable, Sendable {
    public var id: String
    public var rubricID: String
    public var unitID: String
    public var period: String
    public var assessor: String?
    public var date: String?
    public var location: SourceLocation

    /// Each answer's indicator id, in document order. Assessments answering the same ids in
    /// the same order can share one array.
    public private(set) var indicatorIDs: [String] = []
    /// Each answer's value; NaN is `na` (no decimal in an input is NaN).
    private var values: [Double] = []
    /// Each answer's line and column, packed (line << 32 | column).
    private var positions: [UInt64] = []
    /// Notes and evidence, for the answers that have any.
    private var remarks: [Remark] = []

    private struct Remark: Hashable, Sendable {
        var answer: Int
        var notes: [String]
        var evidence: [Evidence]
    }

    public init(id: String, rubricID: String, unitID: String, period: String, assessor: String? = nil,
                date: String? = nil, answers: [Answer] = [], location: SourceLocation = SourceLocation(file: "")) {
        self.id = id
        self.rubricID = rubricID
        self.unitID = unitID
        self.period = period
        self.assessor = assessor
        self.date = date
        self.location = location
        self.answers = answers
    }

    /// The answers, in document order.
    public var answers: [Answer] {
        get {
            var result = (0..<values.count).map { i in
                Answer(indicatorID: indicatorIDs[i], value: values[i].isNaN ? .notApplicable : .number(values[i]),
                       location: positions.isEmpty ? location
                           : SourceLocation(file: location.file, line: Int(positions[i] >> 32),
                                            column: Int(positions[i] & 0xFFFF_FFFF)))
            }
            for r in remarks {
                result[r.answer].notes = r.notes
                result[r.answer].evidence = r.evidence
            }
            return result
        }
        set {
            indicatorIDs = newValue.map(\.indicatorID)
            values = newValue.map {
                switch $0.value {
                case .number(let v): return v
                case .notApplicable: return .nan
                }
            }
            positions = newValue.map { UInt64(clamping: max(0, $0.location.line)) << 32 | UInt64(clamping: max(0, $0.location.column)) & 0xFFFF_FFFF }
            remarks = newValue.indices.compactMap { i in
                let a = newValue[i]
                return a.notes.isEmpty && a.evidence.isEmpty ? nil : Remark(answer: i, notes: a.notes, evidence: a.evidence)
            }
        }
    }

    /// Answer count, without rebuilding the answers.
    public var answerCount: Int { values.count }

    /// The answer's value and indicator id at position `i`, without rebuilding the answers.
    public func answer(at i: Int) -> (indicatorID: String, value: AnswerValue) {
        (indicatorIDs[i], values[i].isNaN ? .notApplicable : .number(values[i]))
    }

    /// Uses `ids` for the indicator ids when they are the same as this assessment's, so
    /// that assessments of one form share one array.
    public mutating func shareIndicatorIDs(_ ids: [String]) {
        if ids == indicatorIDs { indicatorIDs = ids }
    }

    /// Forgets where each answer was (answers then point at the assessment): once checked,
    /// scoring needs no answer's line, and a national round has millions of answers.
    public mutating func dropAnswerPositions() { positions = [] }
}
