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
        abstract: TemplateHelp.abstract, discussion: TemplateHelp.discussion)

    @OptionGroup var form: FormRubricOptions

    @Option(help: TemplateHelp.rows)
    var rows: Int = 1000

    @Option(help: TemplateHelp.out)
    var out: String

    @OptionGroup var common: CommonOptions

    func validate() throws {
        if !out.lowercased().hasSuffix(".xlsx") {
            throw ValidationError(Console.say(("--out harus menyebut berkas .xlsx", "--out names an .xlsx file")))
        }
    }

    func run() throws {
        let loaded = try form.load(library: common.library)
        let template = SheetTemplate(
            rubric: loaded.rubric, registry: loaded.registry, period: form.period, survey: form.survey, rows: rows)
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
