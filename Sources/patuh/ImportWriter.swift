import Foundation
import PatuhCore
import PatuhFormats
import PatuhReport

/// Writes one form's imported submissions as contract files, in a folder of their own
/// that replaces the one a previous import wrote. Submissions are read back from the spool
/// one at a time and streamed into their files, so memory does not grow with them.
struct ImportWriter {
    var out: String
    var result: ODKImport.FormResult
    var spool: SubmissionSpool

    /// Files written, and photos that could not be copied.
    struct Written {
        var files = 0
        var diagnostics: [Diagnostic] = []
    }

    func write() throws -> Written {
        let form = result.form
        let replacement = try DirectoryReplacement(target: (out as NSString).appendingPathComponent(form.id))
        var written = Written()
        do {
            let note =
                "Imported by patuh import odk from form \(form.id) version \(form.version). "
                + "This folder is rewritten whole on each import: do not edit it by hand."
            for file in spool.files(of: result.kept, form: form) {
                let unit = file.unit ?? ""
                let name = form.kind == .assessment ? "\(file.period).xml" : "\(file.period)/\(unit).xml"
                try replacement.staging.write(name) { output in
                    switch form.kind {
                    case .assessment: try output.write(ContractXML.assessmentsStart(comment: note))
                    case .survey:
                        try output.write(
                            ContractXML.surveyStart(
                                id: surveyID(form.rubric.id, unit, file.period), rubric: form.rubric.id,
                                unit: unit, period: file.period, comment: note))
                    }
                    for position in file.positions {
                        guard let submission = spool.submission(position, form: form) else {
                            throw OutputError(
                                path: name,
                                reason: "a submission set aside could not be read back from the temporary file")
                        }
                        switch submission.content {
                        case .assessment(let a):
                            try output.write(ContractXML.element(a))
                            written.diagnostics += copyPhotos(of: submission, into: replacement.staging)
                        case .response(let r):
                            try output.write(ContractXML.element(r))
                        }
                    }
                    try output.write(form.kind == .assessment ? ContractXML.assessmentsEnd : ContractXML.surveyEnd)
                }
                written.files += 1
            }
            try replacement.commit()
        } catch {
            replacement.discard()
            throw error
        }
        return written
    }

    /// A survey file's id, so that the same imported file read twice counts once.
    private func surveyID(_ rubric: String, _ unit: String, _ period: String) -> String {
        let id = "odk-\(rubric)-\(unit)-\(period)"
        return ContractText.isID(id) ? id : "odk-" + FormIdentity.shortHash(id, digits: 16)
    }

    /// Copies each photo found beside its submission (or in a `media/` folder there) to
    /// where the assessment's evidence link points; one warning for those not copied.
    private func copyPhotos(of submission: ImportedSubmission, into staging: OutputDirectory) -> [Diagnostic] {
        guard !submission.photos.isEmpty else { return [] }
        let directory = (submission.location.file as NSString).deletingLastPathComponent
        var missing: [String] = []
        for photo in submission.photos {
            guard let data = PhotoFile.read(named: photo.file, beside: directory.isEmpty ? "." : directory) else {
                missing.append(photo.file)
                continue
            }
            do {
                try staging.write(photo.href.removingPercentEncoding ?? photo.href, data)
            } catch {
                missing.append(photo.file)
            }
        }
        guard !missing.isEmpty else { return [] }
        return [
            .warning(
                submission.location,
                id:
                    "\(missing.count) foto kiriman uuid:\(submission.id) tidak disalin (\(missing.joined(separator: ", "))): hanya berkas gambar, audio, video atau PDF (paling besar \(PhotoFile.maxBytes >> 20) MB) yang terletak di samping kiriman atau di folder media/-nya yang disalin, tidak pernah tautan atau berkas tersembunyi; tautan buktinya menunjuk ke \(result.form.id)/media/\(submission.id)/, tempat foto itu seharusnya",
                en:
                    "\(Console.count(missing.count, "photo")) of submission uuid:\(submission.id) not copied (\(missing.joined(separator: ", "))): only image, audio, video or PDF files (at most \(PhotoFile.maxBytes >> 20) MB) lying beside the submission or in its media/ folder are copied, never a link or a hidden file; its evidence links point to \(result.form.id)/media/\(submission.id)/, where the photos belong"
            )
        ]
    }
}
