import ArgumentParser
import Foundation
import PatuhCore
import PatuhFormats
import PatuhReport

/// `patuh import sheet FILE... --map MAP.xml --out DIR`: Google Forms exports, Excel
/// workbooks and CSV files become survey or assessment files.
struct SheetImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet",
        abstract: SheetImportHelp.abstract, discussion: SheetImportHelp.discussion)

    @Argument(help: SheetImportHelp.files)
    var files: [String] = []

    @Option(help: SheetImportHelp.map)
    var map: String

    @Option(help: OptionsHelp.out)
    var out: String

    @Option(help: SheetImportHelp.rubric)
    var rubric: String?

    @Option(help: SheetImportHelp.registry)
    var registry: String?

    @Option(help: SheetImportHelp.lang)
    var lang: String = "en"

    @OptionGroup var common: CommonOptions

    func validate() throws {
        try UsageChecks.atLeastOne(
            files, id: "sebutkan sedikitnya satu berkas .xlsx atau .csv", en: "name at least one .xlsx or .csv file")
        if SheetLanguage(rawValue: lang) == nil {
            throw ValidationError(Console.say(("--lang berupa id atau en", "--lang is id or en")))
        }
    }

    func run() throws {
        let language = SheetLanguage(rawValue: lang) ?? .en
        let sheetMap: SheetMap
        let schemas = (try common.rubricsDirectory() as NSString).appendingPathComponent("schema")
        do throws(Rejection) {
            sheetMap = try SheetMapReader.read(file: map, schemaDirectory: schemas)
        } catch {
            throw PatuhError(
                id: "peta lembar \(map) tidak dapat dibaca", en: "the sheet map \(map) could not be read",
                diagnostics: error.diagnostics)
        }
        let loaded = try RubricSource.load(rubric ?? sheetMap.rubric, registry: registry, library: common.library)
        let importer = SheetImporter(
            map: sheetMap, rubric: loaded.rubric, registry: loaded.registry, language: language)
        let target = (out as NSString).appendingPathComponent(sheetMap.id)
        let note =
            "Imported by patuh import sheet with the map \(sheetMap.id). "
            + "This folder is rewritten whole on each import: do not edit it by hand."
        let spool: ImportSpool
        let result: SheetImport
        let files: Int
        do {
            spool = try ImportSpool(target: target, note: note, idPrefix: "sheet")
            do {
                result = try importer.run(self.files) { record in
                    switch record {
                    case .response(let r): try spool.add(r)
                    case .assessment(let a): spool.add(a)
                    }
                }
                files = try spool.commit()
            } catch {
                spool.discard()
                throw error
            }
        } catch {
            throw PatuhError(
                command: "import sheet", id: "tidak dapat menulis \(target): \(Console.describe(error))",
                en: "cannot write \(target): \(Console.describe(error))", status: 1)
        }
        Console.print(result.diagnostics, quiet: common.quiet)
        let noun =
            importer.converter.kind == .survey
            ? (id: "respons survei", en: "survey response") : (id: "penilaian", en: "assessment")
        let rows = SheetMessage.rowsImported(
            rows: result.rows, imported: result.imported, excluded: result.excluded,
            duplicates: result.duplicates)
        Console.error(
            Console.say(
                (
                    "patuh import sheet: \(Console.number(result.files.count)) berkas, " + rows.text(.id)
                        + " → \(Console.count(result.imported, noun)) dalam \(Console.number(files)) berkas di \(target); "
                        + "\(Console.number(result.diagnostics.errorCount)) galat, \(Console.number(result.diagnostics.warningCount)) peringatan",
                    "patuh import sheet: \(Console.count(result.files.count, "file")), " + rows.text(.en)
                        + " → \(Console.count(result.imported, noun.en)) in \(Console.count(files, "file")) under \(target); "
                        + "\(Console.count(result.diagnostics.errorCount, "error")), \(Console.count(result.diagnostics.warningCount, "warning"))"
                )))
        if result.diagnostics.hasErrors { throw ExitCode(1) }
    }
}
