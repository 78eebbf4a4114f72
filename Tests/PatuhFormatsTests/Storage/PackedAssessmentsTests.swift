import PatuhCore
import PatuhFormats
import Testing

/// A round's assessments are kept compactly (`PackedAssessments`); each must come back
/// exactly as it went in, wherever its notes were kept.
@Suite struct PackedAssessmentsTests {
    static let file = "a.xml"

    static func at(_ line: Int, _ column: Int) -> PatuhCore.SourceLocation {
        PatuhCore.SourceLocation(file: file, line: line, column: column)
    }

    /// Several notes, an empty note, evidence with and without caption, an empty caption, text
    /// beyond ASCII and a NUL, a negative value and `na`, each answer on its own line.
    static let answers = [
        Answer(indicatorID: "A", value: .number(1), notes: ["satu", "", "antrean di café ☕️"], location: at(4, 5)),
        Answer(indicatorID: "B", value: .number(-0.5), location: at(5, 5)),
        Answer(
            indicatorID: "C", value: .notApplicable,
            evidence: [
                Evidence(href: "foto/c.jpg"), Evidence(href: "foto/c2.jpg", caption: ""),
                Evidence(href: "x\u{0}y", caption: "papan \u{0} pengumuman")
            ], location: at(6, 7)),
        Answer(indicatorID: "D", value: .number(4), notes: ["n"], evidence: [Evidence(href: "d")], location: at(9, 5))
    ]

    static func assessment(_ id: String, answers: [Answer] = answers) -> Assessment {
        var a = Assessment(
            id: id, rubricID: "r", unitID: "u", period: "2023", assessor: "Tim 1", date: "2023-05-02",
            answers: answers, location: at(3, 3))
        a.service = "KTP-el"
        return a
    }

    @Test func assessmentsComeBackWhole() {
        let a = Self.assessment("a1")
        let plain = Self.assessment(
            "a2", answers: [Answer(indicatorID: "A", value: .number(2), location: Self.at(12, 5))])
        let packed: PackedAssessments = [a, plain]
        #expect(packed.count == 2)
        #expect(packed[0] == a)
        #expect(packed[1] == plain)
        #expect(packed.head(at: 0).answers.isEmpty && packed.head(at: 0).assessor == "Tim 1")
        #expect(
            packed.assessment(at: 0, withRemarks: false).answers.allSatisfy { $0.notes.isEmpty && $0.evidence.isEmpty })
        #expect(packed.assessment(at: 0, withRemarks: false).answers.map(\.value) == a.answers.map(\.value))
    }

    @Test func notesSetAsideOnDiskComeBackWithTheirAssessment() throws {
        let store = try #require(CommentStore())
        let a = Self.assessment("a1")
        let plain = Self.assessment(
            "a2", answers: [Answer(indicatorID: "A", value: .number(2), location: Self.at(12, 5))])
        var packed: PackedAssessments = [a, plain]
        packed.setRemarksAside(in: store)
        #expect(packed.remarksSetAside == 1)  // a2 has none to set aside
        #expect(packed[0] == a)
        // Moved into another collection, the assessment keeps where its notes went.
        var merged = PackedAssessments()
        merged.append(from: packed, at: 0)
        #expect(merged.remarksSetAside == 1)
        #expect(merged[0].remarks == a.remarks)
    }

    @Test func answersSetAsideOnDiskComeBackWithTheirNotes() throws {
        let store = try #require(CommentStore())
        let a = Self.assessment("a1")
        let plain = Self.assessment(
            "a2", answers: [Answer(indicatorID: "A", value: .notApplicable, location: Self.at(12, 5))])
        var packed: PackedAssessments = [a, plain]
        packed.setRemarksAside(in: store)  // a1's notes on disk already, a2 has none
        var merged = PackedAssessments()
        for i in packed.indices { merged.append(from: packed, at: i, settingAnswersAsideIn: store) }
        #expect(merged.answersSetAside == 2)
        #expect(merged.answerCount == 0)  // no value left in memory
        // Lines are not kept with the values: each answer points at its assessment.
        for (stored, original) in zip(merged, [a, plain]) {
            #expect(stored.answers.map(\.value) == original.answers.map(\.value))
            #expect(stored.remarks == original.remarks)
            #expect(stored.answers.allSatisfy { $0.location == original.location })
        }
        #expect(merged.assessment(at: 0, withRemarks: false).answers.allSatisfy { $0.notes.isEmpty })
        // Moved on again, it keeps where its answers went.
        var again = PackedAssessments()
        again.append(from: merged, at: 0)
        #expect(again.answersSetAside == 1 && again[0] == merged[0])
    }

    @Test func assessmentsOfOneFormKeepOneListOfIDs() {
        // a1 and a2 answer A, B, C, D; a3 answers A only: two forms, whatever the order of
        // appending, also when moved into another collection one by one.
        let other = Self.assessment(
            "a3", answers: [Answer(indicatorID: "A", value: .number(2), location: Self.at(20, 5))])
        let packed: PackedAssessments = [Self.assessment("a1"), other, Self.assessment("a2")]
        #expect(packed.formCount == 2)
        var merged: PackedAssessments = [Self.assessment("a0")]
        for i in packed.indices { merged.append(from: packed, at: i) }
        #expect(merged.formCount == 2)
        #expect(merged.map(\.id) == ["a0", "a1", "a3", "a2"])
        #expect(merged[2] == other)
    }

    @Test func droppedAnswerPositionsFallBackToTheAssessment() {
        let a = Self.assessment("a1")
        var packed: PackedAssessments = [a]
        #expect(packed.keepsAnswerPositions)
        var checked = PackedAssessments()
        checked.append(from: packed, at: 0, keepingPositions: false)
        packed.dropAnswerPositions()
        for stored in [packed, checked] {
            #expect(!stored.keepsAnswerPositions)
            #expect(stored[0].answers.allSatisfy { $0.location == Self.at(3, 3) })
            #expect(stored[0].answers.map(\.value) == a.answers.map(\.value))
            #expect(stored[0].answers.map(\.notes) == a.answers.map(\.notes))
        }
    }

    @Test func scoringReadsThePackedAssessments() throws {
        // One indicator 0..4: answers 1 and 3 give 25 and 75; the unit's mean is 50, and the
        // result hands back both assessments, the note included, from the store it was given.
        let rubric = Rubric(
            id: "r", dimensions: [Dimension(id: "d", indicators: [Indicator(id: "A", min: 0, max: 4)])],
            bands: [Band(id: "x", min: 0)])
        let registry = Registry(
            regions: [Region(code: "14", level: .provinsi, name: "Riau")],
            units: [ServiceUnit(id: "u", type: .opd, name: "u", regionCode: "14")])
        var first = Self.assessment(
            "a1", answers: [Answer(indicatorID: "A", value: .number(1), notes: ["catatan"], location: Self.at(4, 5))])
        first.rubricID = "r"
        var second = Self.assessment(
            "a2", answers: [Answer(indicatorID: "A", value: .number(3), location: Self.at(4, 5))])
        second.rubricID = "r"
        let result = RoundScorer(rubric: rubric, registry: registry).score(
            assessments: [first, second] as PackedAssessments,
            surveys: [:])
        let unit = try #require(result.units.first { $0.unit.id == "u" })
        #expect(abs(unit.score - 50) < 1e-9)
        #expect(result.assessments(UnitPeriod(unit: "u", period: "2023")) == [first, second])
    }
}
