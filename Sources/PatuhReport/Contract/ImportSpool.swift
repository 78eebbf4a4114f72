import Foundation
import PatuhCore

/// Writes imported survey responses and assessments as contract files into a folder that
/// replaces the one a previous import wrote (`DirectoryReplacement`), without keeping the
/// responses: each goes to its unit and period's file as it comes, through a small buffer
/// per file, so a sheet of a million rows is written with memory that does not grow with it.
/// Assessments (a checklist's few rows) are kept and written by period at the end.
public final class ImportSpool {
    private let replacement: DirectoryReplacement
    private let note: String
    private let idPrefix: String
    private var files: [String: [UInt8]] = [:]
    private var assessments: [String: [Assessment]] = [:]
    private static let bufferSize = 32 << 10

    /// A spool writing into `target`, each file headed by `note` (an XML comment); survey
    /// ids are `idPrefix-<rubric>-<unit>-<period>`.
    public init(target: String, note: String, idPrefix: String) throws {
        replacement = try DirectoryReplacement(target: target)
        self.note = note
        self.idPrefix = idPrefix
    }

    /// Files written or begun so far.
    public var fileCount: Int { files.count + assessments.count }

    /// Appends a response to `<period>/<unit>.xml` (unit and period are contract ids, safe
    /// as path parts).
    public func add(_ r: SurveyResponse) throws {
        let name = "\(r.period)/\(r.unitID).xml"
        if files[name] == nil {
            var id = "\(idPrefix)-\(r.rubricID)-\(r.unitID)-\(r.period)"
            if !ContractText.isID(id) { id = idPrefix + "-" + FormIdentity.shortHash(id, digits: 16) }
            let start = ContractXML.surveyStart(
                id: id, rubric: r.rubricID, unit: r.unitID, period: r.period, comment: note)
            try FileManager.default.createDirectory(
                atPath: (replacement.staging.path as NSString).appendingPathComponent(r.period),
                withIntermediateDirectories: true)
            files[name] = Array(start.utf8)
        }
        files[name, default: []].append(contentsOf: ContractXML.element(r).utf8)
        if let count = files[name]?.count, count >= Self.bufferSize { try flush(name) }
    }

    /// Keeps an assessment for `<period>.xml`.
    public func add(_ a: Assessment) {
        assessments[a.period, default: []].append(a)
    }

    private func flush(_ name: String) throws {
        guard let bytes = files[name], !bytes.isEmpty else { return }
        let path = (replacement.staging.path as NSString).appendingPathComponent(name)
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw OutputError(path: path, what: "cannot open") }
        defer { close(fd) }
        var written = 0
        try bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            while written < raw.count {
                let n = write(fd, base + written, raw.count - written)
                guard n > 0 else { throw OutputError(path: path, what: "cannot write") }
                written += n
            }
        }
        files[name]?.removeAll(keepingCapacity: false)
        files[name]?.reserveCapacity(0)
    }

    /// Ends every file and puts the folder in place; returns how many files it holds.
    public func commit() throws -> Int {
        do {
            for name in files.keys.sorted() {
                files[name, default: []].append(contentsOf: ContractXML.surveyEnd.utf8)
                try flush(name)
            }
            for (period, list) in assessments {
                let sorted = list.sorted { ($0.unitID, $0.date ?? "", $0.id) < ($1.unitID, $1.date ?? "", $1.id) }
                try replacement.staging.write("\(period).xml", ContractXML.assessments(sorted, comment: note))
            }
            try replacement.commit()
        } catch {
            replacement.discard()
            throw error
        }
        return files.count + assessments.count
    }

    /// Removes what was staged (after a failure).
    public func discard() { replacement.discard() }
}
