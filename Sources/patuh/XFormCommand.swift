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
            abstract: "Make an ODK XForm from a rubric, for ODK Collect, ODK Central or KoboToolbox.",
            discussion: HelpText.discussion(
                """
                An assessor rubric gives one group per dimension and one screen per indicator (its \
                levels as choices, 'na' where allowed, a note, a photo); a survey rubric gives the SKM \
                questionnaire with the respondent's questions. Both languages are in the form; --lang \
                picks the one it opens in. The form's id is patuh-<rubric id> and its version follows \
                the rubric's questions, so `patuh import odk` knows what each submission means.
                """,
                examples: [
                    "patuh xform --rubric ombudsman-opini-2022 --registry Samples/riau/registry.xml --period 2023 --out forms/opini.xml",
                    "patuh xform --rubric skm-2017 --period 2023-S1 --out forms/skm.xml"
                ]))
    }

    @OptionGroup var form: FormRubricOptions

    @Option(help: "The language the form opens in: id (Bahasa Indonesia) or en.")
    var lang: String = "id"

    @Option(help: "The XForm file to write.")
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
