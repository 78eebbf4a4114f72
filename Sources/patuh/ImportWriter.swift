import Foundation
import PatuhCore
import PatuhFormats
import PatuhReport

/// Writes one form's imported submissions as contract files, in a folder of their own
/// that replaces the one a previous import wrote.
struct ImportWriter {
    var out: String
    var result: ODKImport.FormResult

    /// Files written, and photos that could not be found.
    struct Written {
        var files = 0
        var diagnostics: [Diagnostic] = []
    }

    func write() throws -> Written {
        let form = result.form
        let replacement = try DirectoryReplacement(target: (out as NSString).appendingPathComponent(form.id))
        var written = Written()
        do {
            let note = "Imported by patuh import odk from form \(form.id) version \(form.version). "
                + "This folder is rewritten whole on each import: do not edit it by hand."
            switch form.kind {
            case .assessment:
                let assessments = result.kept.compactMap { s -> Assessment? in
                    if case .assessment(let a) = s.content { return a } else { return nil }
                }
                for (period, list) in Dictionary(grouping: assessments, by: \.period) {
                    let sorted = list.sorted { ($0.unitID, $0.date ?? "", $0.id) < ($1.unitID, $1.date ?? "", $1.id) }
                    try replacement.staging.write("\(period).xml", ContractXML.assessments(sorted, comment: note))
                    written.files += 1
                }
                written.diagnostics += copyPhotos(into: replacement.staging)
            case .survey:
                let responses = result.kept.compactMap { s -> SurveyResponse? in
                    if case .response(let r) = s.content { return r } else { return nil }
                }
                for (key, list) in Dictionary(grouping: responses, by: { [$0.period, $0.unitID] }) {
                    let (period, unit) = (key[0], key[1])
                    let sorted = list.sorted { ($0.date ?? "", $0.id) < ($1.date ?? "", $1.id) }
                    let xml = ContractXML.survey(id: surveyID(form.rubric.id, unit, period), rubric: form.rubric.id,
                                                 unit: unit, period: period, responses: sorted, comment: note)
                    try replacement.staging.write("\(period)/\(unit).xml", xml)
                    written.files += 1
                }
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
    /// where the assessment's evidence link points; one warning per submission for the rest.
    private func copyPhotos(into staging: OutputDirectory) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let fm = FileManager.default
        for submission in result.kept where !submission.photos.isEmpty {
            guard let source = result.sourceFiles[submission.id] else { continue }
            let directory = URL(fileURLWithPath: source).deletingLastPathComponent()
            var missing: [String] = []
            for photo in submission.photos {
                let name = URL(fileURLWithPath: photo.file).lastPathComponent
                let found = [directory.appendingPathComponent(name), directory.appendingPathComponent("media/\(name)")]
                    .first { fm.isReadableFile(atPath: $0.path) }
                guard let found, let data = try? Data(contentsOf: found) else {
                    missing.append(name)
                    continue
                }
                do {
                    try staging.write(photo.href.removingPercentEncoding ?? photo.href, data)
                } catch {
                    missing.append(name)
                }
            }
            if !missing.isEmpty {
                problems.append(.warning(submission.location,
                    "\(Console.count(missing.count, "photo")) of submission uuid:\(submission.id) not found beside it (\(missing.joined(separator: ", "))); its evidence links point to \(result.form.id)/media/\(submission.id)/, where the photos belong"))
            }
        }
        return problems
    }
}
