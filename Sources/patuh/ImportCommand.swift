import ArgumentParser
import Foundation
import PatuhCore
import PatuhFormats
import PatuhReport

/// `patuh import`: other tools' files made into Patuh's.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn files collected elsewhere into Patuh assessment and survey files.",
        subcommands: [ODKImportCommand.self, SheetImportCommand.self])
}

/// `patuh import odk PATH... --out DIR`: phone submissions become assessments and surveys.
struct ODKImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "odk",
        abstract: "Import ODK Collect / ODK Central submissions and KoboToolbox XML exports of forms made by `patuh xform`.",
        discussion: """
            Each submission's form id and version must be those `patuh xform` gives the rubric now \
            (another form or version is rejected, named with its file, line and column). Its \
            meta/instanceID becomes the assessment or response id; a resubmission (meta/deprecatedID) \
            replaces the version it edits. Writes DIR/<form id>/<period>.xml (assessments) or \
            DIR/<form id>/<period>/<unit>.xml (surveys), and photos found beside a submission under \
            DIR/<form id>/media/. Each form's folder is rewritten whole from the submissions given: \
            import the whole collection every time.
            """)

    @Argument(help: "Submission files, Kobo XML exports, or directories searched recursively for *.xml.")
    var paths: [String]

    @Option(help: "Output directory.")
    var out: String

    @Option(name: .customLong("rubric"), help: "A rubric (path or id) whose forms are accepted besides those of Rubrics/; repeatable. It wins over a rubric of Rubrics/ with the same id.")
    var extraRubrics: [String] = []

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one submission file or directory") }
    }

    func run() throws {
        var rubrics = try extraRubrics.map { try RubricSource.load($0, registry: nil, common: common).rubric }
        rubrics += try catalogRubrics()
        let result = ODKImporter(catalog: FormCatalog(rubrics: rubrics)).run(paths, excluding: [out])
        var diagnostics = result.diagnostics
        var lines: [String] = []
        for id in result.forms.keys.sorted() {
            guard let form = result.forms[id] else { continue }
            do {
                let written = try ImportWriter(out: out, result: form).write()
                diagnostics += written.diagnostics
                lines.append(summary(form, files: written.files))
            } catch {
                Console.error("patuh import odk: error: cannot write \(out)/\(id): \(error.localizedDescription)")
                throw ExitCode(1)
            }
        }
        Console.print(diagnostics, quiet: common.quiet)
        for line in lines { Console.error(line) }
        let imported = result.forms.values.reduce(0) { $0 + $1.kept.count }
        var total = "patuh import odk: \(Console.count(result.files.count, "file"))"
        if !result.formFiles.isEmpty { total += " (\(Console.count(result.formFiles.count, "file")) skipped: forms or Patuh files, not submissions)" }
        total += "; \(Console.count(imported, "submission")) imported, \(result.rejected) not imported; "
            + "\(Console.count(diagnostics.errorCount, "error")), \(Console.count(diagnostics.warningCount, "warning"))"
        Console.error(total)
        if diagnostics.hasErrors { throw ExitCode(1) }
    }

    /// Every rubric of the `Rubrics/` folder (a file that does not read is left out; `patuh
    /// validate Rubrics` names its problems).
    private func catalogRubrics() throws -> [Rubric] {
        let loader = try common.loader()
        let directory = try common.rubricsDirectory()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.sorted().filter { $0.hasSuffix(".xml") }.compactMap { name in
            try? loader.readRubric(file: (directory as NSString).appendingPathComponent(name))
        }
    }

    private func summary(_ form: ODKImport.FormResult, files: Int) -> String {
        let noun = form.form.kind == .survey ? "survey response" : "assessment"
        var line = "  \(form.form.id) (rubric \(form.form.rubric.id)): \(Console.count(form.read, "submission")) read"
        if form.replaced > 0 { line += ", \(form.replaced) replaced by a later version" }
        if form.duplicates > 0 { line += ", \(form.duplicates) read twice" }
        return line + " → \(Console.count(form.kept.count, noun)) in \(Console.count(files, "file")) under \(out)/\(form.form.id)"
    }
}
