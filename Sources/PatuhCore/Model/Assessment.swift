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
    /// The service product assessed, if the file names it.
    public var service: String?
    public var location: SourceLocation

    /// Each answer's indicator id, in document order. Assessments answering the same ids in
    /// the same order can share one array.
    public private(set) var indicatorIDs: [String] = []
    /// Each answer's value; NaN is `na` (no decimal in an input is NaN).
    private var values: [Double] = []
    /// Each answer's line and column, packed (line << 32 | column).
    private var positions: [UInt64] = []
    /// Notes and evidence of the answers that have any, packed into one buffer (see
    /// `RemarkBytes`): a report of a national round keeps 170,000 notes, and a `String` and
    /// an array for each cost three times their text.
    private var packedRemarks: [UInt8] = []
    /// Where `packedRemarks` went when they were set aside (`setRemarksAside(in:)`).
    public private(set) var remarksAside: RemarkBlock?

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
                       location: answerLocation(at: i))
            }
            RemarkBytes.forEach(in: packedRemarks) { i, notes, evidence in
                guard result.indices.contains(i) else { return }
                result[i].notes = notes
                result[i].evidence = evidence
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
            var packed: [UInt8] = []
            // Sized first: grown by appending, the buffer would end up to twice its bytes.
            packed.reserveCapacity(newValue.reduce(0) { $0 + RemarkBytes.size(notes: $1.notes, evidence: $1.evidence) })
            for (i, a) in newValue.enumerated() where !a.notes.isEmpty || !a.evidence.isEmpty {
                RemarkBytes.append(answer: i, notes: a.notes, evidence: a.evidence, to: &packed)
            }
            packedRemarks = packed
            remarksAside = nil
        }
    }

    /// Answer count, without rebuilding the answers.
    public var answerCount: Int { values.count }

    /// The answer's value and indicator id at position `i`, without rebuilding the answers.
    public func answer(at i: Int) -> (indicatorID: String, value: AnswerValue) {
        (indicatorIDs[i], values[i].isNaN ? .notApplicable : .number(values[i]))
    }

    /// Where the answer at position `i` was (the assessment's place once positions are dropped).
    public func answerLocation(at i: Int) -> SourceLocation {
        positions.indices.contains(i)
            ? SourceLocation(file: location.file, line: Int(positions[i] >> 32), column: Int(positions[i] & 0xFFFF_FFFF))
            : location
    }

    /// Uses `ids` for the indicator ids when they are the same as this assessment's, so
    /// that assessments of one form share one array.
    public mutating func shareIndicatorIDs(_ ids: [String]) {
        if ids == indicatorIDs { indicatorIDs = ids }
    }

    /// Forgets where each answer was (answers then point at the assessment): once checked,
    /// scoring needs no answer's line, and a national round has millions of answers.
    public mutating func dropAnswerPositions() { positions = [] }

    /// Whether any answer has notes or evidence (in memory or set aside).
    public var hasRemarks: Bool { !packedRemarks.isEmpty || remarksAside != nil }

    /// Moves the notes and evidence into `archive`, keeping only where they went: a report
    /// of a national round would otherwise hold every assessor's notes until its last page.
    /// `answers` then has none; `remarks(from:)` reads them back.
    public mutating func setRemarksAside(in archive: some RemarkArchive) {
        guard !packedRemarks.isEmpty, let block = archive.store(packedRemarks) else { return }
        packedRemarks = []
        remarksAside = block
    }

    /// This assessment reduced to what `remarks(from:)` needs (its notes and
    /// evidence, set aside or not, and the indicator ids they refer to), or `nil` when it has
    /// none: what a report keeps of an assessment once it is scored.
    public func keepingOnlyRemarks() -> Assessment? {
        guard hasRemarks else { return nil }
        return reducedForReport()
    }

    /// This assessment without its answer values and positions: who assessed, when, and
    /// the notes and evidence if any. What a report keeps of every assessment once scored.
    public func reducedForReport() -> Assessment {
        var kept = self
        kept.values = []
        kept.positions = []
        if !hasRemarks { kept.indicatorIDs = [] }
        return kept
    }

    /// The notes and evidence of each answer that has any, in document order, read back
    /// from `archive` when they were set aside there.
    public func remarks(from archive: (any RemarkArchive)?) -> [AnswerRemarks] {
        let bytes = remarksAside.map { archive?.load($0) ?? [] } ?? packedRemarks
        var result: [AnswerRemarks] = []
        RemarkBytes.forEach(in: bytes) { i, notes, evidence in
            guard indicatorIDs.indices.contains(i) else { return }
            result.append(AnswerRemarks(indicatorID: indicatorIDs[i], notes: notes, evidence: evidence))
        }
        return result
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

/// Where an assessment's notes and evidence were set aside.
public struct RemarkBlock: Hashable, Sendable {
    /// Byte offset and length in the archive that stored them.
    public var offset: Int
    public var length: Int

    public init(offset: Int, length: Int) {
        self.offset = offset
        self.length = length
    }
}

/// Keeps assessments' packed notes and evidence out of memory (implemented outside the core,
/// which does no I/O).
public protocol RemarkArchive: Sendable {
    func store(_ bytes: [UInt8]) -> RemarkBlock?
    func load(_ block: RemarkBlock) -> [UInt8]
}
