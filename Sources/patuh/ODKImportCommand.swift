import ArgumentParser
import Foundation
import PatuhCore
import PatuhFormats
import PatuhReport

/// `patuh import odk PATH... --out DIR`: phone submissions become assessments and surveys.
struct ODKImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "odk",
        abstract: ODKImportHelp.abstract, discussion: ODKImportHelp.discussion)

    @Argument(help: ODKImportHelp.paths)
    var paths: [String] = []

    @Option(help: OptionsHelp.out)
    var out: String

    @Option(
        name: .customLong("rubric"),
        help: ODKImportHelp.rubric)
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
