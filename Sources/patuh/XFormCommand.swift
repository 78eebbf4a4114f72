import ArgumentParser
import Foundation
import PatuhCore
import PatuhFormats
import PatuhReport

/// `patuh xform`: the ODK form an assessor or surveyor fills in on the phone.
struct XFormCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "xform",
            abstract: XFormHelp.abstract, discussion: XFormHelp.discussion)
    }

    @OptionGroup var form: FormRubricOptions

    @Option(help: XFormHelp.lang)
    var lang: String = "id"

    @Option(help: XFormHelp.out)
    var out: String

    @OptionGroup var library: RubricLibraryOption

    func validate() throws {
        try UsageChecks.language(lang)
    }

    func run() throws {
        let loaded = try form.load(library: library)
        let kind: FieldForm.Kind = form.survey || loaded.rubric.isSurveyRubric ? .survey : .assessment
        guard let fieldForm = FieldForm(rubric: loaded.rubric, kind: kind) else {
            throw PatuhError(
                command: "xform",
                id: "rubrik '\(loaded.rubric.id)' tidak punya indikator \(kind == .survey ? "survei" : "penilai")",
                en: "rubric '\(loaded.rubric.id)' has no \(kind == .survey ? "survey" : "assessor") indicators")
        }
        let writer = XFormWriter(form: fieldForm, lang: lang, registry: loaded.registry, period: form.period)
        let target = URL(fileURLWithPath: out)
        do {
            let directory = OutputDirectory(path: target.deletingLastPathComponent().path)
            try directory.prepare()
            try directory.write(target.lastPathComponent, writer.xml())
        } catch {
            throw PatuhError(
                command: "xform", id: "tidak dapat menulis \(out): \(Console.describe(error))",
                en: "cannot write \(out): \(Console.describe(error))", status: 1)
        }
        var summary = Console.say(
            (
                "patuh xform: \(out) ditulis: formulir \(fieldForm.id) versi \(writer.version), "
                    + "\(Console.number(fieldForm.questions.count)) pertanyaan dalam \(Console.number(fieldForm.groups.count)) kelompok",
                "patuh xform: wrote \(out): form \(fieldForm.id) version \(writer.version), "
                    + "\(Console.count(fieldForm.questions.count, "question")) in \(Console.count(fieldForm.groups.count, "group"))"
            ))
        if loaded.registry != nil {
            summary += Console.say(
                (
                    ", \(Console.number(writer.units.count)) unit untuk dipilih",
                    ", \(Console.count(writer.units.count, "unit")) to choose from"
                ))
        }
        Console.error(summary)
    }
}

/// A rubric named on the command line (a path, or an id looked up in `Rubrics/`), with an
/// optional registry, read as `score` reads them (`RoundPipeline.rubric`).
enum RubricSource {
    static func load(_ rubric: String, registry: String?, library: RubricLibraryOption) throws -> (
        rubric: Rubric, registry: Registry?
    ) {
        try RoundPipeline.rubric(RubricRequest(argument: rubric), registry: registry, loader: try library.loader())
    }
}
