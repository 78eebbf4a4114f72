import ArgumentParser
import Foundation
import PatuhCore
import PatuhFormats
import PatuhReport
import PatuhServe

/// `patuh serve export`: the database as contract files.
struct ServeExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: ServeExportHelp.abstract, discussion: ServeExportHelp.discussion)

    @Option(help: OptionsHelp.data)
    var data: String

    @Option(help: ServeExportHelp.out)
    var out: String

    @Option(help: ServeExportHelp.rubric)
    var rubric: String = "skm-2017"

    @OptionGroup var common: CommonOptions

    func run() throws {
        guard FileManager.default.fileExists(atPath: (data as NSString).appendingPathComponent("patuh-serve.sqlite"))
        else {
            Console.error("patuh serve export: error: no database in \(data) / tidak ada basis data")
            throw ExitCode(2)
        }
        let reg = try ServeData.registry(given: nil, data: data, library: common.library)
        let survey = try ServeData.rubric(rubric, library: common.library)
        let config = ServeConfiguration(rubric: survey, registry: reg, openPeriods: [], dataDirectory: data)
        let store = try Store(directory: data)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Data(contentsOf: URL(fileURLWithPath: ServeData.registryPath(data)))
            .write(to: URL(fileURLWithPath: (out as NSString).appendingPathComponent("registry.xml")), options: .atomic)
        let files = try SurveyExport.write(config: config, store: store, into: out)
        var failed = false
        var odkFiles = 0
        let odkRoot = (data as NSString).appendingPathComponent("odk")
        if !(try store.submissionFolders()).isEmpty {
            let result = ODKImporter(catalog: FormCatalog(rubrics: try libraryRubrics())).run([odkRoot])
            Console.print(result.diagnostics, quiet: common.quiet)
            for id in result.forms.keys.sorted() {
                guard let form = result.forms[id], !form.kept.isEmpty else { continue }
                let written = try ImportWriter(out: out, result: form, spool: result.spool).write()
                Console.print(written.diagnostics, quiet: common.quiet)
                odkFiles += written.files
            }
            failed = result.diagnostics.hasErrors
        }
        Console.error(
            "patuh serve export: \(Console.count(files.count, "survey file")) of the counter questionnaire, "
                + "\(Console.count(odkFiles, "file")) from ODK Collect, registry.xml → \(out)")
        if failed { throw ExitCode(1) }
    }

    private func libraryRubrics() throws -> [Rubric] {
        let loader = try common.loader()
        let directory = try common.library.rubricsDirectory()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var rubrics = names.sorted().filter { $0.hasSuffix(".xml") }.compactMap { name in
            try? loader.readRubric(file: (directory as NSString).appendingPathComponent(name))
        }
        if FileManager.default.fileExists(atPath: rubric) {
            rubrics.insert(try ServeData.rubric(rubric, library: common.library), at: 0)
        }
        return rubrics
    }
}
