import PatuhCore

/// Everything an import read, per form. The submissions themselves are in `spool`, on
/// disk; each form keeps their positions there.
public struct ODKImport: Sendable {
    /// What one form's submissions came to.
    public struct FormResult: Sendable {
        public var form: FieldForm
        /// Submissions of this form read without error.
        public var read = 0
        public var replaced = 0
        public var duplicates = 0
        /// Positions in `spool` of the submissions kept, in the order read.
        public var kept: [Int] = []
    }

    public var files: [String] = []
    /// Files skipped: XForm definitions and Patuh files found among the submissions.
    public var formFiles: [String] = []
    /// Forms with at least one submission read, by form id.
    public var forms: [String: FormResult] = [:]
    /// Submissions not imported because of an error in them or their file.
    public var rejected = 0
    public var diagnostics: [Diagnostic] = []
    /// Where the converted submissions were set aside.
    public var spool = SubmissionSpool()

    /// The kept submissions of form `id`, read back (for a few; the writer reads them one at a time).
    public func submissions(of id: String) -> [ImportedSubmission] {
        guard let form = forms[id] else { return [] }
        return form.kept.compactMap { spool.submission($0, form: form.form) }
    }
}

/// Reads ODK and KoboToolbox submissions and turns them into assessments and survey
/// responses of the forms in `catalog`.
public struct ODKImporter: Sendable {
    public var catalog: FormCatalog
    public var reader = SubmissionReader()

    /// An importer that accepts the forms of `catalog`.
    public init(catalog: FormCatalog) { self.catalog = catalog }

    /// Imports every `*.xml` under `paths` (files sorted by path, so the result never
    /// depends on the order they were named in); `excluding` directories are not entered.
    /// Each submission is converted as it is read and set aside on disk, so memory does not
    /// grow with the submissions.
    public func run(_ paths: [String], excluding: [String] = []) -> ODKImport {
        var result = ODKImport()
        let found = InputFiles.collect(paths, excluding: excluding)
        result.files = found.files
        result.diagnostics += found.problems
        var converted: [String: [Int]] = [:]
        var forms: [String: FieldForm] = [:]
        for path in found.files {
            // Until the file reads to its end, what it gives is provisional.
            let start = result.spool.count
            var problems: [Diagnostic] = []
            var rejected = 0
            var added: [(form: String, position: Int)] = []
            let file = reader.read(file: path) { raw in
                switch catalog.form(for: raw.formID, version: raw.version) {
                case .failure(let mismatch):
                    rejected += 1
                    problems.append(.error(raw.location, id: mismatch.wording.id, en: mismatch.wording.en))
                case .success(let form):
                    switch SubmissionConverter(form: form).convert(raw) {
                    case .failure(let rejection):
                        rejected += 1
                        problems += rejection.diagnostics
                        let id = raw.text(FieldPath.instanceID).map { " \($0)" } ?? ""
                        let count = rejection.diagnostics.errorCount
                        problems.append(
                            .error(
                                raw.location,
                                id: "kiriman\(id) tidak diimpor: \(count) galat di dalamnya, tercantum berikut",
                                en:
                                    "submission\(id) not imported: \(count) error\(count == 1 ? "" : "s") in it, listed next"
                            ))
                    case .success(let submission):
                        guard let position = result.spool.append(submission) else {
                            rejected += 1
                            problems.append(
                                .error(
                                    raw.location,
                                    id:
                                        "kiriman tidak dapat disimpan sementara dalam berkas sementara (disk penuh?); tidak diimpor",
                                    en:
                                        "cannot set the submission aside in a temporary file (is the disk full?); not imported"
                                ))
                            return
                        }
                        forms[form.id] = form
                        added.append((form.id, position))
                    }
                }
            }
            result.diagnostics += file.diagnostics
            if file.isForm {
                result.formFiles.append(path)
                continue
            }
            guard file.complete else {
                result.spool.truncate(to: start)
                continue
            }
            result.diagnostics += problems
            result.rejected += rejected
            for (id, position) in added { converted[id, default: []].append(position) }
        }
        for (id, positions) in converted {
            guard let form = forms[id] else { continue }
            let outcome = Resubmissions.resolve(positions, in: result.spool, form: form)
            var formResult = ODKImport.FormResult(form: form)
            formResult.read = positions.count
            formResult.replaced = outcome.replaced
            formResult.duplicates = outcome.duplicates
            formResult.kept = outcome.kept
            result.forms[id] = formResult
            result.rejected += positions.count - outcome.kept.count - outcome.replaced - outcome.duplicates
            result.diagnostics += outcome.diagnostics
        }
        return result
    }
}
