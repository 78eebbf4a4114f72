import Foundation
import PatuhCore
import PatuhFormats
import Testing

/// Reading ODK submissions: instance shapes, namespaces, Kobo exports, resubmissions, and
/// every kind of bad input named with its line and column.
@Suite struct ODKImportTests {
    let skm: FieldForm
    let catalog: FormCatalog

    init() throws {
        let loader = try makeLoader()
        let skmRubric = try loader.readRubric(file: rubricsDirectory + "/skm-2017.xml")
        let kepatuhan = try loader.readRubric(file: rubricsDirectory + "/ombudsman-kepatuhan-2019.xml")
        skm = try #require(FieldForm(rubric: skmRubric, kind: .survey))
        catalog = FormCatalog(rubrics: [skmRubric, kepatuhan])
    }

    /// An SKM submission as ODK Collect writes it; `answers` replaces the nine answers.
    func skmInstance(
        id: String, replaces: String? = nil, unit: String = "1471-disdukcapil",
        answers: String? = nil, extra: String = "", root: String = "data"
    ) -> String {
        let answers = answers ?? (1...9).map { "<U\($0)>3</U\($0)>" }.joined()
        return """
            <\(root) xmlns="http://www.w3.org/2002/xforms" xmlns:orx="http://openrosa.org/xforms" id="patuh-skm-2017" version="\(skm.version)">
              <unit>\(unit)</unit><period>2023-S1</period><date>2023-03-06</date>
              <all>\(answers)</all>
              <respondent><gender>P</gender><age>41</age><education>d3</education><occupation>tni-polri</occupation></respondent>
              <comment>Ruang tunggu panas &amp; sempit</comment>\(extra)
              <orx:meta><orx:instanceID>uuid:\(id)</orx:instanceID>\(replaces.map { "<orx:deprecatedID>uuid:\($0)</orx:deprecatedID>" } ?? "")</orx:meta>
            </\(root)>
            """
    }

    func write(_ files: [String: String]) throws -> URL {
        let dir = try scratchDirectory()
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    func run(_ files: [String: String]) throws -> ODKImport {
        ODKImporter(catalog: catalog).run([try write(files).path])
    }

    func response(_ s: ImportedSubmission) -> SurveyResponse? {
        if case .response(let r) = s.content { return r } else { return nil }
    }

    @Test func namespacesAndPrefixesAreIgnored() throws {
        let result = try run(["a.xml": skmInstance(id: "r-1")])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let r = try #require(result.submissions(of: "patuh-skm-2017").first.flatMap(response))
        #expect(r.id == "r-1")
        #expect(r.unitID == "1471-disdukcapil" && r.period == "2023-S1" && r.date == "2023-03-06")
        #expect(r.answers.map(\.indicatorID) == (1...9).map { "U\($0)" })
        #expect(r.answers.allSatisfy { $0.value == .number(3) })
        // Stored values become the texts the survey format records.
        #expect(r.gender == "P" && r.age == 41 && r.education == "D3" && r.occupation == "TNI/Polri")
        #expect(r.comments == ["Ruang tunggu panas & sempit"])
    }

    @Test func aKoboExportHoldsManyInstances() throws {
        let export = """
            <?xml version="1.0" encoding="utf-8"?>
            <root><count>2</count><next></next><previous></previous><results>
            \(skmInstance(id: "k-1", root: "aHg7Kx"))
            \(skmInstance(id: "k-2", extra: "<__version__>vT7</__version__><formhub><uuid>f1</uuid></formhub>", root: "aHg7Kx"))
            </results></root>
            """
        let file = SubmissionReader().read(
            file: try write(["kobo.xml": export]).appendingPathComponent("kobo.xml").path)
        #expect(file.diagnostics.isEmpty && file.complete)
        #expect(file.submissions.count == 2)
        #expect(file.submissions.map(\.formID) == ["patuh-skm-2017", "patuh-skm-2017"])
        // Line 1 the declaration, line 2 <root>…<results>, lines 3-9 the first instance, 10 the second.
        #expect(file.submissions.map(\.location.line) == [3, 10])
        #expect(file.submissions[1].text("meta/instanceID") == "uuid:k-2")

        // The same list without the <results> wrapper.
        let bare = "<root>\(skmInstance(id: "k-3"))\(skmInstance(id: "k-4"))</root>"
        let list = SubmissionReader().read(file: try write(["bare.xml": bare]).appendingPathComponent("bare.xml").path)
        #expect(list.diagnostics.isEmpty)
        #expect(list.submissions.compactMap { $0.text("meta/instanceID") } == ["uuid:k-3", "uuid:k-4"])
    }

    @Test func aResubmissionReplacesItsEarlierVersionsThroughAChain() throws {
        // c replaces b, which replaced a; a is also read a second time from another file.
        let result = try run([
            "1.xml": skmInstance(id: "a"), "2.xml": skmInstance(id: "b", replaces: "a"),
            "3.xml": skmInstance(id: "c", replaces: "b"), "4.xml": skmInstance(id: "a"),
            "5.xml": skmInstance(id: "z")
        ])
        let form = try #require(result.forms["patuh-skm-2017"])
        #expect(result.submissions(of: "patuh-skm-2017").map(\.id) == ["c", "z"])
        #expect(form.read == 5 && form.replaced == 2 && form.duplicates == 1)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.severity == .warning)
        #expect(result.diagnostics.first?.message.hasPrefix("submission uuid:a was already read at ") == true)
        #expect(result.diagnostics.first?.location.file.hasSuffix("4.xml") == true)
    }

    @Test func twoEditsOfOneVersionAreAConflict() throws {
        let result = try run([
            "1.xml": skmInstance(id: "a"), "2.xml": skmInstance(id: "b", replaces: "a"),
            "3.xml": skmInstance(id: "c", replaces: "a")
        ])
        #expect(result.submissions(of: "patuh-skm-2017").map(\.id) == ["b"])
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.location.file.hasSuffix("3.xml") && error.location.line == 1 && error.location.column == 1)
        #expect(error.message.hasPrefix("submission uuid:c replaces uuid:a, which uuid:b ("))
        #expect(result.rejected == 1)
    }

    @Test func badValuesAreNamedWhereTheyAreAndTheRestIsImported() throws {
        let bad = skmInstance(
            id: "bad", unit: "unit baru",
            answers: "<U1>na</U1><U2>5</U2><U3>tiga</U3>" + (4...9).map { "<U\($0)>3</U\($0)>" }.joined()
        )
        .replacingOccurrences(of: "<gender>P</gender>", with: "<gender>X</gender>")
        .replacingOccurrences(of: "<age>41</age>", with: "<age>41.5</age>")
        .replacingOccurrences(of: "<date>2023-03-06</date>", with: "<date>06/03/2023</date>")
        let result = try run(["bad.xml": bad, "good.xml": skmInstance(id: "good")])
        #expect(result.submissions(of: "patuh-skm-2017").map(\.id) == ["good"])
        #expect(result.rejected == 1)
        let messages = result.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
        // Line 2: "  <unit>unit baru</unit><period>2023-S1</period><date>06/03/2023</date>"
        #expect(messages.contains("2:3: unit 'unit baru' is not a unit id (letters, digits and . _ - only)"))
        #expect(messages.contains("2:49: date '06/03/2023' is not a date (YYYY-MM-DD)"))
        // Line 3: "  <all><U1>na</U1><U2>5</U2><U3>tiga</U3>…"
        #expect(messages.contains("3:8: indicator 'U1' does not allow 'na'"))
        #expect(messages.contains("3:19: value 5 for 'U2' is outside its range 1..4"))
        #expect(messages.contains("3:29: answer 'tiga' to 'U3' is not a number or 'na'"))
        #expect(messages.contains("4:15: respondent/gender 'X' is not one of the form's answers (L, P)"))
        #expect(messages.contains("4:33: age '41.5' is not a whole number of years from 0 to 130"))
        #expect(messages.contains("1:1: submission uuid:bad not imported: 7 errors in it, listed next"))
    }

    @Test func otherFormsAndVersionsAreRefusedByName() throws {
        let old = skmInstance(id: "o").replacingOccurrences(
            of: "version=\"\(skm.version)\"", with: "version=\"2017.1-00000000\"")
        let other = skmInstance(id: "x").replacingOccurrences(
            of: "id=\"patuh-skm-2017\"", with: "id=\"build_Survei_1\"")
        let noID = skmInstance(id: "n").replacingOccurrences(of: "id=\"patuh-skm-2017\" ", with: "")
        let result = try run(["old.xml": old, "other.xml": other, "no-id.xml": noID])
        #expect(result.forms.isEmpty)
        #expect(result.rejected == 2)
        let byFile = Dictionary(grouping: result.diagnostics) {
            URL(fileURLWithPath: $0.location.file).lastPathComponent
        }
        #expect(
            byFile["old.xml"]?.first?.message.hasPrefix(
                "submission of form 'patuh-skm-2017' has version '2017.1-00000000', but the form made from rubric 'skm-2017' now is version '\(skm.version)'"
            ) == true)
        #expect(
            byFile["other.xml"]?.first?.message.hasPrefix(
                "submission of form 'build_Survei_1' version '\(skm.version)' is not of a form made by patuh xform")
                == true)
        // Without an id attribute the root is not an instance at all.
        #expect(
            byFile["no-id.xml"]?.first?.message
                == "not an ODK submission: the root element 'data' has no form 'id' attribute and holds no <results> of submissions"
        )
        #expect(result.diagnostics.allSatisfy { $0.location.line == 1 && $0.location.column == 1 })
    }

    @Test func aDoctypeIsRefusedAndABrokenFileGivesNothing() throws {
        let doctype =
            "<?xml version=\"1.0\"?>\n<!DOCTYPE data [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
            + skmInstance(id: "d")
            .replacingOccurrences(of: "Ruang tunggu", with: "&x;")
        let broken = String(skmInstance(id: "t").prefix(300))
        let result = try run(["doctype.xml": doctype, "broken.xml": broken, "ok.xml": skmInstance(id: "ok")])
        #expect(result.submissions(of: "patuh-skm-2017").map(\.id) == ["ok"])
        let byFile = Dictionary(grouping: result.diagnostics.filter { $0.severity == .error }) {
            URL(fileURLWithPath: $0.location.file).lastPathComponent
        }
        #expect(
            byFile["doctype.xml"]?.contains {
                $0.message.hasPrefix("DOCTYPE declarations are not allowed") && $0.location.line == 2
            } == true)
        #expect(byFile["broken.xml"]?.isEmpty == false)
    }

    @Test func formsAndPatuhFilesAmongSubmissionsAreSkipped() throws {
        let xform =
            "<h:html xmlns=\"http://www.w3.org/2002/xforms\" xmlns:h=\"http://www.w3.org/1999/xhtml\"><h:head/></h:html>"
        let result = try run(["form.xml": xform, "registry.xml": registryXML, "s.xml": skmInstance(id: "s")])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.formFiles.count == 2)
        #expect(result.forms["patuh-skm-2017"]?.kept.count == 1)
    }
    @Test func theQuestionnaireOfAMixedRubricBecomesSurveyResponsesOfThatRubric() throws {
        let opini = try makeLoader().readRubric(file: rubricsDirectory + "/ombudsman-opini-2022.xml")
        let form = try #require(FieldForm(rubric: opini, kind: .survey))
        #expect(form.id == "patuh-ombudsman-opini-2022-survey")
        let answers = (1...8).map { "<OUT-0\($0)>\($0 % 4 + 1)</OUT-0\($0)>" }.joined()
        let instance = """
            <data id="\(form.id)" version="\(form.version)"><unit>1471-disdukcapil</unit><period>2023</period>
            <output>\(answers)</output><respondent><gender>L</gender></respondent>
            <meta><instanceID>uuid:o-1</instanceID></meta></data>
            """
        let result = ODKImporter(catalog: FormCatalog(rubrics: [opini])).run([try write(["o.xml": instance]).path])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let r = try #require(result.submissions(of: form.id).first.flatMap(response))
        #expect(r.rubricID == "ombudsman-opini-2022" && r.id == "o-1" && r.gender == "L")
        // OUT-0k answers k mod 4 + 1: 2, 3, 4, 1, 2, 3, 4, 1.
        #expect(r.answers.map(\.value) == [2, 3, 4, 1, 2, 3, 4, 1].map { AnswerValue.number($0) })
    }

    @Test func photoLinksStayInsideTheMediaFolder() {
        #expect(
            SubmissionConverter.evidenceHref(submission: "a1", file: "1689301812345.jpg")
                == "media/a1/1689301812345.jpg")
        #expect(
            SubmissionConverter.evidenceHref(submission: "a1", file: "foto loket#1.jpg")
                == "media/a1/foto%20loket%231.jpg")
        #expect(SubmissionConverter.evidenceHref(submission: "a1", file: "../../etc/passwd") == "media/a1/passwd")
        #expect(SubmissionConverter.evidenceHref(submission: "a1", file: "..") == "media/a1/_..")
        #expect(SubmissionConverter.evidenceHref(submission: "a1", file: ".jpg") == "media/a1/_.jpg")
    }
}
