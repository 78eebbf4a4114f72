import Foundation
import PatuhCore

/// Imported submissions set aside on disk as they are converted, with an index of a few
/// dozen bytes each in memory: an import of 200,000 phone submissions must not hold them
/// all as model values (several strings and an answer list each). What resolving resubmissions, ordering and
/// writing need is in the index; the rest is read back one submission at a time.
public final class SubmissionSpool: @unchecked Sendable {
    // Used by one import at a time, from one thread (`ODKImporter.run` reads files in order).
    private let store: CommentStore?
    private var entries: [Entry] = []
    private var names: [String] = []
    private var nameIndex: [String: UInt32] = [:]

    /// One submission in the index: hashes of its id and of the id it replaces, its unit and
    /// period (interned), its date, the first bytes of its id (for ordering) and where its
    /// content lies on disk.
    struct Entry {
        var idHash: UInt64
        var replacesHash: UInt64
        var idPrefix: UInt64
        var offset: Int
        var length: UInt32
        var unit: UInt32
        var period: UInt32
        var date: UInt32
    }

    /// A spool in the system's temporary folder (unlinked at once, so nothing is left behind).
    public init() { store = CommentStore() }

    /// How many submissions were set aside.
    public var count: Int { entries.count }

    /// Sets `submission` aside; its position in the spool, or `nil` when the temporary file
    /// cannot be written.
    func append(_ submission: ImportedSubmission) -> Int? {
        let bytes = SubmissionCoding.encode(submission)
        guard let store, let block = store.store(bytes) else { return nil }
        let (unit, period, date) = submission.placement
        entries.append(
            Entry(
                idHash: Self.hash(submission.id), replacesHash: submission.replaces.map(Self.hash) ?? 0,
                idPrefix: Self.prefix(submission.id), offset: block.offset, length: UInt32(block.length),
                unit: intern(unit), period: intern(period), date: Self.dateKey(date)))
        return entries.count - 1
    }

    /// Forgets the submissions from position `start` on (a file that did not read to its end).
    func truncate(to start: Int) { entries.removeSubrange(start...) }

    /// The submission at `position`, read back from disk.
    public func submission(_ position: Int, form: FieldForm) -> ImportedSubmission? {
        guard let store, entries.indices.contains(position) else { return nil }
        let e = entries[position]
        return SubmissionCoding.decode(store.load(SpillBlock(offset: e.offset, length: Int(e.length))), form: form)
    }

    /// The id of the submission at `position`.
    public func id(_ position: Int, form: FieldForm) -> String { submission(position, form: form)?.id ?? "" }

    func entry(_ position: Int) -> Entry { entries[position] }

    func name(_ index: UInt32) -> String { names[Int(index)] }

    /// The hash of an id or of a `deprecatedID` (never 0, which means "none").
    static func hash(_ id: String) -> UInt64 {
        let h = FNV1a.hash(id)
        return h == 0 ? 1 : h
    }

    /// The first 8 bytes of `id`, big-endian: comparing two prefixes orders as the ids do
    /// whenever they differ.
    static func prefix(_ id: String) -> UInt64 {
        var p: UInt64 = 0
        var n = 0
        for byte in id.utf8.prefix(8) {
            p = p << 8 | UInt64(byte)
            n += 1
        }
        return p << (8 * UInt64(8 - n))
    }

    /// `2023-07-14` as 20230714; 0 when there is no date.
    static func dateKey(_ date: String?) -> UInt32 {
        guard let date else { return 0 }
        return UInt32(date.replacingOccurrences(of: "-", with: "").prefix(8)) ?? 0
    }

    private func intern(_ name: String) -> UInt32 {
        if let i = nameIndex[name] { return i }
        let i = UInt32(names.count)
        names.append(name)
        nameIndex[name] = i
        return i
    }
}

extension ImportedSubmission {
    /// Unit, period and date: what places a submission in the files written.
    var placement: (unit: String, period: String, date: String?) {
        switch content {
        case .assessment(let a): return (a.unitID, a.period, a.date)
        case .response(let r): return (r.unitID, r.period, r.date)
        }
    }
}

/// A submission as bytes (`PackedBytes`) and back.
enum SubmissionCoding {
    private static let none = "\u{0}"

    static func encode(_ s: ImportedSubmission) -> [UInt8] {
        var b: [UInt8] = []
        func put(_ text: String?) { PackedBytes.put(text ?? none, into: &b) }
        func put(_ n: Int) { PackedBytes.put(UInt32(truncatingIfNeeded: n), into: &b) }
        put(s.id)
        put(s.replaces)
        put(s.location.file)
        put(s.location.line)
        put(s.location.column)
        put(s.photos.count)
        for photo in s.photos {
            put(photo.file)
            put(photo.href)
        }
        func answers(_ list: [Answer]) {
            put(list.count)
            for a in list {
                put(a.indicatorID)
                switch a.value {
                case .notApplicable: put(FieldChoice.notApplicable)
                case .number(let v): put(String(v.bitPattern))
                }
                put(a.location.line)
                put(a.location.column)
                put(a.notes.count)
                for note in a.notes { put(note) }
                put(a.evidence.count)
                for e in a.evidence {
                    put(e.href)
                    put(e.caption)
                }
            }
        }
        switch s.content {
        case .assessment(let a):
            put(0)
            for text in [a.rubricID, a.unitID, a.period, a.assessor, a.date] { put(text) }
            answers(a.answers)
        case .response(let r):
            put(1)
            for text in [
                r.rubricID, r.unitID, r.period, r.date, r.service, r.gender, r.age.map(String.init),
                r.education, r.occupation
            ] { put(text) }
            answers(r.answers)
            put(r.comments.count)
            for c in r.comments { put(c) }
        }
        return b
    }

    static func decode(_ bytes: [UInt8], form: FieldForm) -> ImportedSubmission? {
        var r = PackedBytes.Reader(bytes)
        func text() -> String?? {
            guard let s = r.string() else { return nil }
            return .some(s == none ? nil : s)
        }
        func int() -> Int? { r.number().map(Int.init) }
        guard let id = text() ?? nil, let replaces = text(), let file = text() ?? nil, let line = int(),
            let column = int(), let photoCount = int()
        else { return nil }
        let location = SourceLocation(file: file, line: line, column: column)
        var photos: [(file: String, href: String)] = []
        for _ in 0..<photoCount {
            guard let f = text() ?? nil, let h = text() ?? nil else { return nil }
            photos.append((f, h))
        }
        func answers() -> [Answer]? {
            guard let n = int() else { return nil }
            var list: [Answer] = []
            for _ in 0..<n {
                guard let indicator = text() ?? nil, let raw = text() ?? nil, let l = int(), let c = int(),
                    let noteCount = int()
                else { return nil }
                let value: AnswerValue
                if raw == FieldChoice.notApplicable {
                    value = .notApplicable
                } else {
                    guard let bits = UInt64(raw) else { return nil }
                    value = .number(Double(bitPattern: bits))
                }
                var notes: [String] = []
                for _ in 0..<noteCount {
                    guard let note = text() ?? nil else { return nil }
                    notes.append(note)
                }
                guard let evidenceCount = int() else { return nil }
                var evidence: [Evidence] = []
                for _ in 0..<evidenceCount {
                    guard let href = text() ?? nil, let caption = text() else { return nil }
                    evidence.append(Evidence(href: href, caption: caption))
                }
                list.append(
                    Answer(
                        indicatorID: indicator, value: value, notes: notes, evidence: evidence,
                        location: SourceLocation(file: file, line: l, column: c)))
            }
            return list
        }
        guard let kind = int() else { return nil }
        let content: ImportedSubmission.Content
        if kind == 0 {
            guard let rubric = text() ?? nil, let unit = text() ?? nil, let period = text() ?? nil,
                let assessor = text(), let date = text(), let list = answers()
            else { return nil }
            content = .assessment(
                Assessment(
                    id: id, rubricID: rubric, unitID: unit, period: period, assessor: assessor,
                    date: date, answers: list, location: location))
        } else {
            guard let rubric = text() ?? nil, let unit = text() ?? nil, let period = text() ?? nil, let date = text(),
                let service = text(), let gender = text(), let age = text(), let education = text(),
                let occupation = text(), let list = answers(), let commentCount = int()
            else { return nil }
            var comments: [String] = []
            for _ in 0..<commentCount {
                guard let c = text() ?? nil else { return nil }
                comments.append(c)
            }
            content = .response(
                SurveyResponse(
                    id: id, rubricID: rubric, unitID: unit, period: period, date: date,
                    service: service, gender: gender, age: age.flatMap { Int($0) },
                    education: education, occupation: occupation, answers: list,
                    comments: comments, location: location))
        }
        return ImportedSubmission(
            form: form, id: id, replaces: replaces, content: content, photos: photos,
            location: location)
    }
}

extension SubmissionSpool {
    /// The files a form's kept submissions make: assessments by period, survey responses by
    /// period and unit; inside each, assessments ordered by unit, date and id, responses by
    /// date and id. Groups come sorted by period, then unit.
    public func files(of positions: [Int], form: FieldForm) -> [(period: String, unit: String?, positions: [Int])] {
        let byUnit = form.kind == .survey
        var groups: [[UInt32]: [Int]] = [:]
        for p in positions {
            let e = entry(p)
            groups[byUnit ? [e.period, e.unit] : [e.period], default: []].append(p)
        }
        func before(_ a: Int, _ b: Int) -> Bool {
            let (x, y) = (entry(a), entry(b))
            if !byUnit, x.unit != y.unit { return name(x.unit) < name(y.unit) }
            if x.date != y.date { return x.date < y.date }
            if x.idPrefix != y.idPrefix { return x.idPrefix < y.idPrefix }
            return id(a, form: form) < id(b, form: form)  // read back: ids alike in their first 8 bytes
        }
        return groups.map { key, list in
            (period: name(key[0]), unit: key.count > 1 ? name(key[1]) : nil, positions: list.sorted(by: before))
        }.sorted { ($0.period, $0.unit ?? "") < ($1.period, $1.unit ?? "") }
    }
}
