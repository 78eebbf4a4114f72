import Foundation
import PatuhCore
import PatuhFormats
import Testing

@Suite struct ValidFilesTests {
    @Test func oneValidFileOfEachKind() throws {
        let inputs = try makeLoader().load([
            fixtures.appendingPathComponent("valid").path, rubricsDirectory + "/skm-2017.xml"
        ])
        #expect(inputs.diagnostics.filter { $0.severity == .error }.isEmpty, "\(inputs.diagnostics)")
        #expect(Set(inputs.kinds.values) == [.registry, .assessment, .survey, .rubric])
        let assessment = try #require(inputs.assessmentFiles.first?.assessments.first)
        #expect(assessment.answers.count == 3)
        #expect(assessment.answers[1].value == .notApplicable)
        #expect(assessment.answers[2].notes == ["Persyaratan hanya tersedia di loket, tidak di media elektronik"])
        #expect(assessment.answers[2].evidence.first?.href == "foto/pr01-loket.jpg")
        // Checked once read, then each answer points at its assessment: scoring needs no
        // answer's own line (the reader's tests see those).
        #expect(assessment.answers[2].location.line == 2)
        let survey = try #require(inputs.surveyFiles.first)
        #expect(survey.accepted == 1)
        // Comments are set aside in the loader's store while reading, and read back from it.
        #expect(survey.summary.comments.isEmpty)
        #expect(survey.summary.commentCount == 1)
        #expect(survey.summary.allComments().first?.text == "Antrian panjang di pagi hari")
        let registry = try #require(inputs.registry)
        #expect(registry.unit("1471-mpp-imigrasi")?.parentID == "1471-mpp")
        #expect(registry.unit("1471-disdukcapil")?.population == 52000)
    }

    @Test func notesSetAsideAreReadBackFromTheStore() throws {
        // What `patuh report` loads: the fixture's one note and photo go to the store on disk.
        var loader = try makeLoader()
        loader.use = .pages
        let inputs = loader.load([fixtures.appendingPathComponent("valid").path])
        let stored = try #require(inputs.assessmentFiles.first?.assessments)
        #expect(stored.remarksSetAside == 1)
        // Read back whole: the assessment carries its notes again.
        let assessment = try #require(stored.first)
        #expect(
            assessment.remarks == [
                AnswerRemarks(
                    indicatorID: "PR-01", notes: ["Persyaratan hanya tersedia di loket, tidak di media elektronik"],
                    evidence: [Evidence(href: "foto/pr01-loket.jpg")])
            ])
    }

    @Test func theReaderGivesEachAnswerItsLine() throws {
        // Fixtures/valid/assessment.xml: the answers' start tags are on lines 4, 5 and 6.
        let loader = try makeLoader()
        let file = AssessmentReader(schema: loader.schemas.schema(for: .assessment))
            .read(file: fixtures.appendingPathComponent("valid/assessment.xml").path)
        let assessment = try #require(file.assessments.first)
        #expect(assessment.answers.map(\.location.line) == [4, 5, 6])
        #expect(assessment.answers.map(\.location.column) == [3, 3, 3])
    }

    @Test func everyShippedRubricIsValid() throws {
        let inputs = try makeLoader().load([rubricsDirectory])
        #expect(inputs.diagnostics.isEmpty, "\(inputs.diagnostics)")
        #expect(inputs.rubrics.count >= 6)
        // Weights of the Ombudsman's 2022–2024 method (its workshop slides, Kendal 2023): 21.85 / 32.37 / 24.24 / 21.54.
        let opini = try #require(inputs.rubrics["ombudsman-opini-2022"])
        #expect(opini.dimensions.map(\.weight) == [21.85, 32.37, 24.24, 21.54])
        // 2022's input: kompetensi 5 + sarana prasarana 8 (the sources in the rubric's <origin> elements); proses 11.
        #expect(opini.dimensions.map { $0.indicators.count }.prefix(2) == [13, 11])
        let skm = try #require(inputs.rubrics["skm-2017"])
        #expect(skm.indicators.allSatisfy { $0.weight == 1.0 / 9 })
    }

    @Test func filesForAnotherRubricAreSkippedFromTheirRoot() throws {
        // An assessment and a survey whose roots name the Ombudsman rubric, each with a bad
        // value further down: scoring SKM, neither is read past its root, so neither error is
        // reported; read for every rubric (as `patuh validate` does), both are.
        let files = [
            "a.xml": """
            <assessment xmlns="urn:patuh:1" id="a1" rubric="ombudsman-opini-2022" unit="u" period="2023">
              <answer indicator="IN-01" value="x"/>
            </assessment>
            """,
            "s.xml": """
            <survey xmlns="urn:patuh:1" rubric="ombudsman-opini-2022" unit="u" period="2023">
              <response id="r1"><answer indicator="OUT-01" value="x"/></response>
            </survey>
            """
        ]
        let dir = try scratchDirectory()
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        let skm = try makeLoader().load([dir.path], only: "skm-2017")
        #expect(skm.diagnostics.isEmpty)
        #expect(skm.assessmentFiles.map(\.skipped) == [1])
        #expect(skm.surveyFiles.map(\.skipped) == [true])
        let all = try makeLoader().load([dir.path])
        #expect(Set(all.diagnostics.filter { $0.severity == .error }.map(\.location.file)).count == 2)
    }
}
