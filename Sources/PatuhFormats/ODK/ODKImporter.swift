import PatuhCore

/// Everything an import read, per form.
public struct ODKImport: Sendable {
    /// What one form's submissions came to.
    public struct FormResult: Sendable {
        public var form: FieldForm
        /// Submissions of this form read without error.
        public var read = 0
        public var replaced = 0
        public var duplicates = 0
        /// The submissions kept, in the order read.
        public var kept: [ImportedSubmission] = []
        /// The files each kept submission came from, by submission id (photos are looked for beside them).
        public var sourceFiles: [String: String] = [:]
    }

    public var files: [String] = []
    /// Files skipped: XForm definitions and Patuh files found among the submissions.
    public var formFiles: [String] = []
    /// Forms with at least one submission read, by form id.
    public var forms: [String: FormResult] = [:]
    /// Submissions not imported because of an error in them or their file.
    public var rejected = 0
    public var diagnostics: [Diagnostic] = []
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
    public func run(_ paths: [String], excluding: [String] = []) -> ODKImport {
        var result = ODKImport()
        let found = InputFiles.collect(paths, excluding: excluding)
        result.files = found.files
        result.diagnostics += found.problems
        var converted: [String: [ImportedSubmission]] = [:]
        for path in found.files {
            let file = reader.read(file: path)
            result.diagnostics += file.diagnostics
            if file.isForm {
                result.formFiles.append(path)
                continue
            }
            for raw in file.submissions {
                switch catalog.form(for: raw.formID, version: raw.version) {
                case .failure(let mismatch):
                    result.rejected += 1
                    result.diagnostics.append(.error(raw.location, mismatch.description))
                case .success(let form):
                    switch SubmissionConverter(form: form).convert(raw) {
                    case .failure(let rejection):
                        result.rejected += 1
                        result.diagnostics += rejection.diagnostics
                        let id = raw.text(FieldPath.instanceID).map { " \($0)" } ?? ""
                        let count = rejection.diagnostics.errorCount
                        result.diagnostics.append(.error(raw.location,
                            "submission\(id) not imported: \(count) error\(count == 1 ? "" : "s") in it, listed next"))
                    case .success(let submission):
                        converted[form.id, default: []].append(submission)
                        if result.forms[form.id] == nil { result.forms[form.id] = ODKImport.FormResult(form: form) }
                        if result.forms[form.id]?.sourceFiles[submission.id] == nil {
                            result.forms[form.id]?.sourceFiles[submission.id] = path
                        }
                    }
                }
            }
        }
        for (id, submissions) in converted {
            let outcome = Resubmissions.resolve(submissions)
            result.forms[id]?.read = submissions.count
            result.forms[id]?.replaced = outcome.replaced
            result.forms[id]?.duplicates = outcome.duplicates
            result.forms[id]?.kept = outcome.kept
            result.rejected += submissions.count - outcome.kept.count - outcome.replaced - outcome.duplicates
            result.diagnostics += outcome.diagnostics
        }
        return result
    }
}
