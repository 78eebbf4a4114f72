import PatuhCore
import Testing

/// The field form's layout and identity: what the XForm writer and the importer share.
@Suite struct FieldFormTests {
    func level(_ value: Double, _ text: String) -> Level { Level(value: value, label: LocalizedText(["id": text])) }

    /// A: an assessor indicator with levels 0..2, and "na" allowed; B: one on 0..3 with no
    /// levels and no "na"; S: a survey indicator on 1..4.
    var mixed: Rubric {
        var a = Make.indicator("A1", max: 2)
        a.levels = [level(0, "tidak ada"), level(1, "sebagian"), level(2, "lengkap")]
        var b = Make.indicator("1B", max: 3)
        b.allowsNA = false
        return Rubric(
            id: "uji", version: "2024.1",
            dimensions: [
                Dimension(id: "unit", indicators: [a, b]),
                Dimension(id: "out", indicators: [Make.indicator("S1", min: 1, max: 4, source: .survey)])
            ], bands: Make.bands)
    }

    @Test func aMixedRubricGivesAnAssessorFormAndAQuestionnaire() throws {
        let forms = FieldForm.forms(for: mixed)
        #expect(forms.map(\.id) == ["patuh-uji", "patuh-uji-survey"])
        #expect(forms.map(\.kind) == [.assessment, .survey])
        let assessor = forms[0]
        // The dimension called "unit" would take the unit question's name; "1B" cannot start a name.
        #expect(assessor.groups.map(\.name) == ["_unit"])
        #expect(assessor.groups[0].questions.map(\.name) == ["A1", "_1B"])
        #expect(
            FieldPath.answerPath(assessor.groups[0], assessor.groups[0].questions[1], kind: .assessment)
                == "_unit/_1B/answer")
        #expect(forms[1].groups.map(\.name) == ["out"])
        #expect(FieldPath.answerPath(forms[1].groups[0], forms[1].groups[0].questions[0], kind: .survey) == "out/S1")
    }

    @Test func choicesAreTheLevelsThenNotApplicable() throws {
        let form = try #require(FieldForm(rubric: mixed, kind: .assessment))
        let questions = form.groups[0].questions
        #expect(questions[0].choices.map(\.value) == ["0", "1", "2", "na"])
        // No levels: the whole numbers of the range, and no "na" where the rubric forbids it.
        #expect(questions[1].choices.map(\.value) == ["0", "1", "2", "3"])
    }

    @Test func aSurveyRubricHasOnlyItsQuestionnaire() {
        let forms = FieldForm.forms(for: Make.skm(weight: 1.0 / 9))
        #expect(forms.map(\.id) == ["patuh-skm"])
        #expect(forms.first?.kind == .survey)
        #expect(forms.first?.groups.first?.questions.count == 9)
    }

    @Test func theVersionFollowsWhatAnswersMeanNotHowTheyAreWorded() throws {
        let base = try #require(FieldForm(rubric: mixed, kind: .assessment)).version
        #expect(base.hasPrefix("2024.1-"))
        #expect(base.count == "2024.1-".count + 8)

        var relabelled = mixed
        relabelled.dimensions[0].indicators[0].levels[2].label["id"] = "lengkap dan mutakhir"
        relabelled.dimensions[0].weight = 5
        #expect(
            FieldForm(
                rubric: Rubric(id: "uji", version: "2024.1", dimensions: relabelled.dimensions, bands: Make.bands),
                kind: .assessment)?.version == base)

        var rescaled = mixed.dimensions
        rescaled[0].indicators[1].max = 4
        #expect(
            FieldForm(
                rubric: Rubric(id: "uji", version: "2024.1", dimensions: rescaled, bands: Make.bands),
                kind: .assessment)?.version != base)
        #expect(
            FieldForm(
                rubric: Rubric(id: "uji", version: "2024.2", dimensions: mixed.dimensions, bands: Make.bands),
                kind: .assessment)?.version != base)
    }

    @Test func aVersionWithASuffixIsTheSameForm() throws {
        let form = try #require(FieldForm(rubric: mixed, kind: .assessment))
        #expect(form.accepts(version: form.version))
        #expect(form.accepts(version: form.version + "-u1a2b3c"))  // the registry's hash
        #expect(form.accepts(version: form.version + " [2]"))  // renamed by a server on republishing
        #expect(!form.accepts(version: form.version + "0"))  // another hash that starts the same
        #expect(!form.accepts(version: "2024.0-" + form.version.suffix(8)))
        #expect(!form.accepts(version: ""))
    }

    @Test func contractTextRules() {
        #expect(ContractText.isID("9971-disdukcapil") && ContractText.isID("0b8e2f6a-1c2d-4e5f-8a9b-0c1d2e3f4a51"))
        #expect(!ContractText.isID("uuid:0b8e") && !ContractText.isID("-x") && !ContractText.isID(""))
        #expect(ContractText.isPeriod("2023") && ContractText.isPeriod("2023-S1") && ContractText.isPeriod("2023-Q2-b"))
        #expect(!ContractText.isPeriod("23") && !ContractText.isPeriod("2023-") && !ContractText.isPeriod("2023 S1"))
        #expect(ContractText.date("2023-07-14") == "2023-07-14")
        #expect(ContractText.date("2023-07-14+07:00") == "2023-07-14")
        #expect(ContractText.date("2023-13-01") == nil && ContractText.date("14/07/2023") == nil)
        #expect(ContractText.date("2023-07-14T10:00") == nil)
    }
}
