import ArgumentParser
import Foundation
import PatuhCore
import PatuhFormats
import PatuhReport

/// `patuh import odk PATH... --out DIR`: phone submissions become assessments and surveys.
struct ODKImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "odk",
        abstract:
            "Import ODK Collect / ODK Central submissions and KoboToolbox XML exports of forms made by `patuh xform`.",
        discussion: """
            Each submission's form id and version must be those `patuh xform` gives the rubric now \
            (another form or version is rejected, named with its file, line and column). Its \
            meta/instanceID becomes the assessment or response id; a resubmission (meta/deprecatedID) \
            replaces the version it edits. Writes DIR/<form id>/<period>.xml (assessments) or \
            DIR/<form id>/<period>/<unit>.xml (surveys), and photos found beside a submission under \
            DIR/<form id>/media/. Each form's folder is rewritten whole from the submissions given: \
            import the whole collection every time.

            Examples / contoh:
              patuh import odk submissions/ --out round-2023
              patuh import odk data.xml --rubric old/ombudsman-kepatuhan-2019.xml --out round-2023

            Exit status / kode keluar: 0 all imported / semua diimpor; 1 a submission was rejected \
            (the rest is still written) / ada kiriman ditolak; 2 bad usage / pemakaian salah.
            """)

    @Argument(help: "Submission files, Kobo XML exports, or directories searched recursively for *.xml.")
    var paths: [String] = []

    @Option(help: "Output directory.")
    var out: String

    @Option(
        name: .customLong("rubric"),
        help:
            "A rubric (path or id) whose forms are accepted besides those of Rubrics/; repeatable. It wins over a rubric of Rubrics/ with the same id."
    )
    var extraRubrics: [String] = []

    @OptionGroup var common: CommonOptions
    @OptionGroup var language: LanguageOption

    func validate() throws {
        try UsageChecks.atLeastOne(
            paths, id: "sebutkan sedikitnya satu berkas atau folder kiriman",
            en: "name at least one submission file or directory")
        try UsageChecks.output(out, inputs: paths, replacesWhole: false)
    }

    func run() throws {
        var rubrics = try extraRubrics.map { try RubricSource.load($0, registry: nil, library: common.library).rubric }
        rubrics += try catalogRubrics()
        let result = ODKImporter(catalog: FormCatalog(rubrics: rubrics)).run(paths, excluding: [out])
        var diagnostics = result.diagnostics
        var lines: [String] = []
        var failures: [String] = []
        var usage = false
        for id in result.forms.keys.sorted() {
            guard let form = result.forms[id] else { continue }
            let folder = (out as NSString).appendingPathComponent(id)
            // The form's folder is replaced whole: never when an input lies inside it.
            if let inside = (paths + result.files).first(where: { UsageChecks.lies($0, inside: folder) }) {
                failures.append(
                    Console.say(
                        (
                            "masukan \(inside) berada di dalam \(folder), yang diganti utuh oleh impor: impor ke folder lain; \(id) tidak ditulis",
                            "the input \(inside) lies inside \(folder), which the import replaces whole: import into another folder; \(id) not written"
                        )))
                usage = true
                continue
            }
            if form.kept.isEmpty {
                failures.append(
                    Console.say(
                        (
                            "tidak ada kiriman formulir \(id) yang dapat diimpor; \(folder) dibiarkan seperti semula",
                            "no submission of form \(id) could be imported; \(folder) is left as it was"
                        )))
                continue
            }
            do {
                let written = try ImportWriter(out: out, result: form, spool: result.spool).write()
                diagnostics += written.diagnostics
                lines.append(summary(form, files: written.files))
            } catch {
                failures.append(
                    Console.say(
                        (
                            "\(id) tidak ditulis: \(Console.describe(error))",
                            "\(id) not written: \(Console.describe(error))"
                        )))
            }
        }
        Console.print(diagnostics, quiet: common.quiet)
        for line in lines { Console.error(line) }
        Console.error(total(of: result, diagnostics: diagnostics))
        for failure in failures { Console.error("patuh import odk: error: \(failure)") }
        if usage { throw ExitCode(2) }
        if diagnostics.hasErrors || !failures.isEmpty { throw ExitCode(1) }
    }
}
