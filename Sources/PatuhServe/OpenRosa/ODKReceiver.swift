import Foundation
import PatuhCore
import PatuhFormats

#if canImport(Glibc)
    import Glibc
#endif

/// Keeps ODK Collect's submissions as `patuh import odk` reads them: each in a folder of its
/// own under `DATA/odk/<form id>/`, its XML as `submission.xml` and its attachments beside it,
/// every file and folder synced to disk before the database records it. A submission is
/// read and checked as the importer would (form and version, every value) before it is kept.
struct ODKReceiver: Sendable {
    let config: ServeConfiguration
    let catalog: FormCatalog

    init(config: ServeConfiguration) {
        self.config = config
        catalog = FormCatalog(rubrics: config.formRubrics)
    }

    var root: String { (config.dataDirectory as NSString).appendingPathComponent("odk") }

    /// What became of a submission.
    enum Outcome: Sendable {
        /// Kept (instance id, folder), or `duplicate` when the same instance came before.
        case kept(instance: String, form: String, folder: String)
        case duplicate
        /// Refused, with an HTTP status and a message for the phone.
        case refused(status: Int, message: String)
    }

    /// Checks and keeps the parts of one submission sent by `account`.
    func receive(_ parts: [MultipartPart], account: Account) -> Outcome {
        guard let xml = parts.first(where: { $0.name == "xml_submission_file" }) else {
            return .refused(status: 400, message: "no xml_submission_file part / tidak ada bagian xml_submission_file")
        }
        // Staged beside `odk/`, not in it: what a crash leaves there is never read by the export.
        let incoming = (config.dataDirectory as NSString).appendingPathComponent("odk-incoming/\(Token.make())")
        defer { try? FileManager.default.removeItem(atPath: incoming) }
        do {
            try FileManager.default.createDirectory(atPath: incoming, withIntermediateDirectories: true)
            try Durable.write(xml.body, to: (incoming as NSString).appendingPathComponent("submission.xml"))
            for part in parts where part.name != "xml_submission_file" {
                guard let name = Self.safeName(part.filename ?? part.name) else { continue }
                try Durable.write(part.body, to: (incoming as NSString).appendingPathComponent(name))
            }
        } catch {
            return .refused(status: 500, message: "cannot store the submission / kiriman tidak dapat disimpan")
        }
        let file = SubmissionReader().read(file: (incoming as NSString).appendingPathComponent("submission.xml"))
        guard file.complete, file.submissions.count == 1, let raw = file.submissions.first else {
            let why = file.diagnostics.first.map { $0.message } ?? "not one ODK submission"
            return .refused(status: 400, message: "not a readable submission / kiriman tidak terbaca: \(why)")
        }
        let form: FieldForm
        switch catalog.form(for: raw.formID, version: raw.version) {
        case .success(let f): form = f
        case .failure(let mismatch): return .refused(status: 400, message: mismatch.description)
        }
        let imported: ImportedSubmission
        switch SubmissionConverter(form: form).convert(raw) {
        case .success(let s): imported = s
        case .failure(let rejection):
            return .refused(status: 400, message: rejection.diagnostics.map { $0.message }.joined(separator: "; "))
        }
        let (unitID, period): (String, String)
        switch imported.content {
        case .assessment(let a): (unitID, period) = (a.unitID, a.period)
        case .response(let r): (unitID, period) = (r.unitID, r.period)
        }
        guard let unit = config.registry.unit(unitID) else {
            return .refused(status: 400, message: "unknown unit '\(unitID)' / unit tidak dikenal")
        }
        guard config.openPeriods.contains(period) else {
            return .refused(status: 409, message: "period \(period) is closed / periode \(period) ditutup")
        }
        guard Access.sees(account, unit, in: config.registry) else {
            return .refused(
                status: 403,
                message: "account \(account.name) may not submit for \(unitID) / akun tidak berhak atas unit ini")
        }
        let formFolder = (root as NSString).appendingPathComponent(form.id)
        let instance = Self.folderName(imported.id)
        let target = (formFolder as NSString).appendingPathComponent(instance)
        if FileManager.default.fileExists(atPath: target) { return .duplicate }
        do {
            try FileManager.default.createDirectory(atPath: formFolder, withIntermediateDirectories: true)
            try FileManager.default.moveItem(atPath: incoming, toPath: target)
            try Durable.syncDirectory(formFolder)
        } catch {
            if FileManager.default.fileExists(atPath: target) { return .duplicate }
            return .refused(status: 500, message: "cannot store the submission / kiriman tidak dapat disimpan")
        }
        return .kept(instance: imported.id, form: form.id, folder: target)
    }

    /// A file name safe to write: no path, not hidden, letters, digits and `._-` only.
    static func safeName(_ s: String) -> String? {
        let base = (s as NSString).lastPathComponent
        let cleaned = String(
            base.unicodeScalars.filter {
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0))
            }.map(Character.init))
        guard !cleaned.isEmpty, !cleaned.hasPrefix("."), cleaned != "submission.xml", cleaned.count <= 100 else {
            return nil
        }
        return cleaned
    }

    static func folderName(_ instance: String) -> String {
        let cleaned = String(
            instance.unicodeScalars.filter {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-")
            }.map(Character.init))
        return cleaned.isEmpty || cleaned.count > 80 ? "i-" + FormIdentity.shortHash(instance, digits: 16) : cleaned
    }
}

/// Files written and synced before anything says they are kept.
enum Durable {
    static func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(fd) }
        var written = 0
        try bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            while written < raw.count {
                let n = Glibc.write(fd, base + written, raw.count - written)
                guard n > 0 else { throw CocoaError(.fileWriteUnknown) }
                written += n
            }
        }
        guard fsync(fd) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    static func syncDirectory(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}
