import ArgumentParser
import Foundation
import PatuhCore
import PatuhFormats
import PatuhReport

/// `patuh template --rubric R [--registry G] --out FILE.xlsx`: an entry workbook and the map
/// that imports it.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract:
            "Write an entry workbook (.xlsx) for a rubric and the sheet map that imports it. / Tulis templat isian .xlsx dan peta kolomnya.",
        discussion: """
            The workbook has a sheet Respon (one column per field and indicator, drop-down lists of the \
            rubric's answer labels and of the registry's units), a sheet Petunjuk (instructions in \
            Indonesian and English) and a hidden sheet Daftar (the lists). FILE.map.xml is written \
            beside it: `patuh import sheet FILE.xlsx --map FILE.map.xml --out DIR` imports a filled copy \
            (or its Google Sheets / CSV download).
            """)

    @Option(help: "The rubric (path or id).")
    var rubric: String

    @Option(help: "A registry: its units become the drop-down list of the unit column.")
    var registry: String?

    @Option(help: "The period of every row (e.g. 2023-S1); without it the workbook has a Periode column.")
    var period: String?

    @Flag(
        help:
            "For a rubric with both assessor and survey indicators: the users' questionnaire instead of the assessors' checklist."
    )
    var survey = false

    @Option(help: "Rows offered for entry.")
    var rows: Int = 1000

    @Option(help: "The workbook to write (.xlsx); the map goes beside it as .map.xml.")
    var out: String

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if !out.lowercased().hasSuffix(".xlsx") { throw ValidationError("--out names an .xlsx file") }
        if let period, !ContractText.isPeriod(period) {
            throw ValidationError("--period is a period such as 2023 or 2023-S1")
        }
    }

    func run() throws {
        let loaded = try RubricSource.load(rubric, registry: registry, library: common.library)
        let template = SheetTemplate(
            rubric: loaded.rubric, registry: loaded.registry, period: period, survey: survey, rows: rows)
        let mapPath = String(out.dropLast(".xlsx".count)) + ".map.xml"
        do {
            let directory = (out as NSString).deletingLastPathComponent
            try OutputDirectory(path: directory.isEmpty ? "." : directory).prepare()
            try template.workbook.write(to: out)
            let mapDirectory = OutputDirectory(
                path: (mapPath as NSString).deletingLastPathComponent.isEmpty
                    ? "." : (mapPath as NSString).deletingLastPathComponent)
            try mapDirectory.write((mapPath as NSString).lastPathComponent, template.map)
        } catch {
            throw PatuhError(
                command: "template", id: "tidak dapat menulis \(out): \(Console.describe(error))",
                en: "cannot write \(out): \(Console.describe(error))", status: 1)
        }
        let indicators = template.columns.filter { $0.indicator != nil }.count
        let units = template.columns.first { $0.field == "unit" }?.choices.count ?? 0
        Console.error(
            Console.say(
                (
                    "patuh template: \(out) ditulis (\(Console.number(template.columns.count)) kolom, \(Console.number(indicators)) indikator"
                        + (loaded.registry == nil ? "" : ", \(Console.number(units)) unit untuk dipilih")
                        + ") beserta petanya \(mapPath)",
                    "patuh template: wrote \(out) (\(Console.count(template.columns.count, "column")), \(Console.count(indicators, "indicator"))"
                        + (loaded.registry == nil ? "" : ", \(Console.count(units, "unit")) to choose from")
                        + ") and its map \(mapPath)"
                )))
    }
}
