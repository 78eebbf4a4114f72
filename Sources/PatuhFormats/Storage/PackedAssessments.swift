import PatuhCore

/// Assessments kept compactly, handed out whole as plain `Assessment` values.
///
/// A national round holds tens of thousands of assessments with some fifty answers each. As
/// `Answer` values they would take about 80 bytes an answer; here an answer is a number (NaN
/// for `na`) and, until the assessment is checked, its line and column packed in one word (an
/// answer is in its assessment's file).
/// Assessments answering the same indicator ids in the same order share one list of ids (a
/// form), and the notes and evidence are packed into bytes (`RemarkBytes`), in memory or set
/// aside in a `CommentStore` on disk, which the collection keeps a reference to: whoever
/// holds the assessments can read them back whole.
public struct PackedAssessments: RandomAccessCollection, AssessmentStore, ExpressibleByArrayLiteral, Equatable,
    Sendable
{
    /// Where an assessment's notes and evidence are.
    enum Remarks: Sendable {
        case none
        case inMemory([UInt8])
        case aside(CommentStore, SpillBlock)
        /// The answers' values (8 bytes each) and then the notes and evidence, on disk
        /// (`append(from:at:keepingPositions:settingAnswersAsideIn:)`); `firstValue` is -1.
        case answersAside(CommentStore, SpillBlock)
    }

    /// One assessment without its answers (`head.answers` is empty), and where they are.
    struct Entry: Sendable {
        var head: Assessment
        var form: Int
        /// Into `values`; -1 when the values are set aside with the notes (`answersAside`).
        var firstValue: Int
        /// Into `positions`; -1 once the answers' lines are dropped.
        var firstPosition: Int
        var remarks: Remarks
    }

    private(set) var entries: [Entry] = []
    /// The indicator ids of each form, in answer order.
    private(set) var forms: [[String]] = []
    /// A form's position in `forms` (bounded: a hostile batch of all-different forms gets no index).
    private var formIndex: [[String]: Int] = [:]
    private(set) var values: [Double] = []
    /// Line << 32 | column of each answer that still has its place.
    private(set) var positions: [UInt64] = []

    public init() {}

    public init(arrayLiteral elements: Assessment...) { self.init(elements) }

    public init(_ assessments: some Sequence<Assessment>) {
        for a in assessments { append(a) }
    }

    /// Assessments from their columns, as another collection held them (the read cache's
    /// records); `nil` when an entry points outside them.
    init?(entries: [Entry], forms: [[String]], values: [Double], positions: [UInt64]) {
        for e in entries {
            if case .answersAside = e.remarks { return nil }
            guard forms.indices.contains(e.form), e.firstValue >= 0, e.firstValue + forms[e.form].count <= values.count,
                e.firstPosition < 0 || e.firstPosition + forms[e.form].count <= positions.count
            else { return nil }
        }
        (self.entries, self.forms, self.values, self.positions) = (entries, forms, values, positions)
        for (i, ids) in forms.enumerated() where formIndex.count < 256 && formIndex[ids] == nil { formIndex[ids] = i }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { entries.count }

    /// The assessment at `index`, whole (notes and evidence read back from disk if set aside).
    public subscript(index: Int) -> Assessment { assessment(at: index, withRemarks: true) }

    public func assessment(at index: Int) -> Assessment { self[index] }

    /// The assessment at `index`, without its notes and evidence unless `withRemarks`: what
    /// checking and scoring read, which need not fetch them from disk.
    public func assessment(at index: Int, withRemarks: Bool) -> Assessment {
        let e = entries[index]
        let ids = forms[e.form]
        var answers: [Answer]
        var remarks: [UInt8] = []
        if case .answersAside(let store, let block) = e.remarks {
            // Values and notes come back from disk in one read.
            var reader = PackedBytes.Reader(store.load(block))
            answers = ids.map { id in
                let v = reader.wide().map { Double(bitPattern: $0) } ?? .nan
                return Answer(
                    indicatorID: id, value: v.isNaN ? .notApplicable : .number(v), location: e.head.location)
            }
            if withRemarks { remarks = Array(reader.bytes(block.length - 8 * ids.count) ?? []) }
        } else {
            answers = ids.indices.map { k in
                let v = values[e.firstValue + k]
                return Answer(
                    indicatorID: ids[k], value: v.isNaN ? .notApplicable : .number(v),
                    location: location(of: e, answer: k))
            }
            if withRemarks { remarks = remarkBytes(of: e) }
        }
        RemarkBytes.forEach(in: remarks) { k, notes, evidence in
            guard answers.indices.contains(k) else { return }
            answers[k].notes = notes
            answers[k].evidence = evidence
        }
        var a = e.head
        a.answers = answers
        return a
    }

    /// The assessment at `index` without its answers: who assessed what, when and where.
    public func head(at index: Int) -> Assessment { entries[index].head }

    /// Every assessment without its answers, in order.
    public var heads: LazyMapSequence<Range<Int>, Assessment> { indices.lazy.map { entries[$0].head } }

    /// How many distinct lists of indicator ids the assessments answer.
    public var formCount: Int { forms.count }

    /// Whether the answers' own lines are still kept (`dropAnswerPositions`).
    public var keepsAnswerPositions: Bool { entries.allSatisfy { $0.firstPosition >= 0 } }

    /// Answers in all the assessments.
    public var answerCount: Int { values.count }

    /// Makes room for `assessments` more assessments with `answers` answers in all, so that
    /// the columns are not grown (to twice what they need) as they are appended.
    public mutating func reserveCapacity(assessments: Int, answers: Int) {
        entries.reserveCapacity(entries.count + assessments)
        values.reserveCapacity(values.count + answers)
    }

    /// Adds `assessment` (its answers' lines kept until `dropAnswerPositions`).
    public mutating func append(_ assessment: Assessment) {
        var head = assessment
        head.answers = []
        let answers = assessment.answers
        let form = formNumber(answers.map(\.indicatorID))
        let firstValue = values.count
        let firstPosition = positions.count
        for answer in answers {
            switch answer.value {
            case .number(let v): values.append(v)
            case .notApplicable: values.append(.nan)
            }
            let line = UInt64(clamping: Swift.max(0, answer.location.line))
            let column = UInt64(clamping: Swift.max(0, answer.location.column))
            positions.append(line << 32 | column & 0xFFFF_FFFF)
        }
        var bytes: [UInt8] = []
        // Sized first: grown by appending, the buffer would end up to twice its bytes.
        bytes.reserveCapacity(answers.reduce(0) { $0 + RemarkBytes.size(notes: $1.notes, evidence: $1.evidence) })
        for (k, a) in answers.enumerated() where !a.notes.isEmpty || !a.evidence.isEmpty {
            RemarkBytes.append(answer: k, notes: a.notes, evidence: a.evidence, to: &bytes)
        }
        entries.append(
            Entry(
                head: head, form: form, firstValue: firstValue, firstPosition: firstPosition,
                remarks: bytes.isEmpty ? .none : .inMemory(bytes)))
    }

    /// Adds the assessment at `index` of `other` as it is stored there (notes set aside stay
    /// where they are), without its answers' lines when `keepingPositions` is false.
    ///
    /// With `store`, its answers' values go to disk with its notes and evidence, in one block
    /// read back whole when the assessment is asked for: a report holds its round's
    /// assessments until its last page, and a national round's values are megabytes.
    public mutating func append(
        from other: PackedAssessments, at index: Int, keepingPositions: Bool = true,
        settingAnswersAsideIn store: CommentStore? = nil
    ) {
        var e = other.entries[index]
        let ids = other.forms[e.form]
        e.form = formNumber(ids)
        if case .answersAside = e.remarks {
            entries.append(e)
            return
        }
        if let store {
            var bytes: [UInt8] = []
            let remarks = other.remarkBytes(of: e)
            bytes.reserveCapacity(8 * ids.count + remarks.count)
            for v in other.values[e.firstValue..<e.firstValue + ids.count] {
                PackedBytes.put(v.bitPattern, into: &bytes)
            }
            bytes += remarks
            if let block = store.store(bytes) {
                (e.firstValue, e.firstPosition, e.remarks) = (-1, -1, .answersAside(store, block))
                entries.append(e)
                return
            }
        }
        let firstValue = values.count
        values += other.values[e.firstValue..<e.firstValue + ids.count]
        e.firstValue = firstValue
        if keepingPositions && e.firstPosition >= 0 {
            let firstPosition = positions.count
            positions += other.positions[e.firstPosition..<e.firstPosition + ids.count]
            e.firstPosition = firstPosition
        } else {
            e.firstPosition = -1
        }
        entries.append(e)
    }

    /// Forgets where each answer was (answers then point at their assessment): once checked,
    /// scoring needs no answer's line, and a national round has millions of answers.
    public mutating func dropAnswerPositions() {
        positions = []
        for i in entries.indices { entries[i].firstPosition = -1 }
    }

    /// Moves the notes and evidence held in memory into `store`, on disk: a report of a
    /// national round would otherwise hold every assessor's notes until its last page. They
    /// stay in memory when the store cannot write them.
    public mutating func setRemarksAside(in store: CommentStore) {
        for i in entries.indices {
            guard case .inMemory(let bytes) = entries[i].remarks, let block = store.store(bytes) else { continue }
            entries[i].remarks = .aside(store, block)
        }
    }

    /// How many assessments have their notes and evidence set aside on disk.
    public var remarksSetAside: Int {
        entries.count { if case .aside = $0.remarks { true } else { false } }
    }

    /// How many assessments have their answers set aside on disk with their notes.
    public var answersSetAside: Int {
        entries.count { if case .answersAside = $0.remarks { true } else { false } }
    }

    public static func == (a: Self, b: Self) -> Bool { a.elementsEqual(b) }

    private mutating func formNumber(_ ids: [String]) -> Int {
        if let known = formIndex[ids] { return known }
        forms.append(ids)
        if formIndex.count < 256 { formIndex[ids] = forms.count - 1 }
        return forms.count - 1
    }

    private func location(of e: Entry, answer k: Int) -> SourceLocation {
        guard e.firstPosition >= 0 else { return e.head.location }
        let p = positions[e.firstPosition + k]
        return SourceLocation(file: e.head.location.file, line: Int(p >> 32), column: Int(p & 0xFFFF_FFFF))
    }

    func remarkBytes(of e: Entry) -> [UInt8] {
        switch e.remarks {
        case .none: return []
        case .inMemory(let bytes): return bytes
        case .aside(let store, let block): return store.load(block)
        case .answersAside(let store, let block):
            return Array(store.load(block).dropFirst(8 * forms[e.form].count))
        }
    }
}
