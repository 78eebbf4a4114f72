import ArgumentParser
import Foundation
import PatuhCore
import PatuhFormats
import PatuhReport

/// The rubrics `patuh import odk` accepts and the lines it prints of each form.
extension ODKImportCommand {
    /// Every rubric of the `Rubrics/` folder (a file that does not read is left out; `patuh
    /// validate Rubrics` names its problems).
    func catalogRubrics() throws -> [Rubric] {
        let loader = try common.loader()
        let directory = try common.rubricsDirectory()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.sorted().filter { $0.hasSuffix(".xml") }.compactMap { name in
            try? loader.readRubric(file: (directory as NSString).appendingPathComponent(name))
        }
    }

    func summary(_ form: ODKImport.FormResult, files: Int) -> String {
        let noun =
            form.form.kind == .survey
            ? (id: "respons survei", en: "survey response") : (id: "penilaian", en: "assessment")
        if Console.language == .id {
            var line = "  \(form.form.id) (rubrik \(form.form.rubric.id)): \(Console.number(form.read)) kiriman dibaca"
            if form.replaced > 0 { line += ", \(Console.number(form.replaced)) diganti versi yang lebih baru" }
            if form.duplicates > 0 { line += ", \(Console.number(form.duplicates)) terbaca dua kali" }
            return line
                + " → \(Console.count(form.kept.count, noun)) dalam \(Console.number(files)) berkas di \(out)/\(form.form.id)"
        }
        var line = "  \(form.form.id) (rubric \(form.form.rubric.id)): \(Console.count(form.read, "submission")) read"
        if form.replaced > 0 { line += ", \(form.replaced) replaced by a later version" }
        if form.duplicates > 0 { line += ", \(form.duplicates) read twice" }
        return line
            + " → \(Console.count(form.kept.count, noun.en)) in \(Console.count(files, "file")) under \(out)/\(form.form.id)"
    }

    /// The last line: files read and skipped, submissions imported and not, problems found.
    func total(of result: ODKImport, diagnostics: [Diagnostic]) -> String {
        let imported = result.forms.values.reduce(0) { $0 + $1.kept.count }
        var total = "patuh import odk: \(Console.count(result.files.count, (id: "berkas", en: "file")))"
        if !result.formFiles.isEmpty {
            total += Console.say(
                (
                    " (\(Console.number(result.formFiles.count)) berkas dilewati: formulir atau berkas Patuh, bukan kiriman)",
                    " (\(Console.count(result.formFiles.count, "file")) skipped: forms or Patuh files, not submissions)"
                ))
        }
        total += Console.say(
            (
                "; \(Console.number(imported)) kiriman diimpor, \(Console.number(result.rejected)) tidak diimpor; "
                    + "\(Console.number(diagnostics.errorCount)) galat, \(Console.number(diagnostics.warningCount)) peringatan",
                "; \(Console.count(imported, "submission")) imported, \(result.rejected) not imported; "
                    + "\(Console.count(diagnostics.errorCount, "error")), \(Console.count(diagnostics.warningCount, "warning"))"
            ))
        return total
    }
}
