import PatuhCore
import Testing

/// Assessments and indicator results are stored compactly for national rounds; what goes in
/// must come out the same.
@Suite struct CompactStorageTests {
    @Test func assessmentAnswersRoundTrip() {
        let answers = [
            Answer(indicatorID: "PR-01", value: .number(3), location: SourceLocation(file: "a.xml", line: 4, column: 5)),
            Answer(indicatorID: "PR-02", value: .notApplicable, location: SourceLocation(file: "a.xml", line: 5, column: 5)),
            Answer(indicatorID: "PR-03", value: .number(-0.5), notes: ["hanya di loket"],
                   evidence: [Evidence(href: "foto/pr03.jpg", caption: "papan")],
                   location: SourceLocation(file: "a.xml", line: 6, column: 7)),
        ]
        let a = Assessment(id: "a1", rubricID: "r", unitID: "u", period: "2023", answers: answers,
                           location: SourceLocation(file: "a.xml", line: 3, column: 3))
        #expect(a.answers == answers)
        #expect(a.answerCount == 3)
        #expect(a.answer(at: 1).value == .notApplicable)
        #expect(a.answer(at: 2).indicatorID == "PR-03")
    }

    @Test func notesAndEvidenceRoundTripPacked() {
        // Several notes, an empty note, evidence with and without caption, an empty caption,
        // text beyond ASCII and a NUL: each answer must get back exactly its own remarks.
        let answers = [
            Answer(indicatorID: "A", value: .number(1), notes: ["satu", "", "antrean di café ☕️"]),
            Answer(indicatorID: "B", value: .number(2)),
            Answer(indicatorID: "C", value: .notApplicable,
                   evidence: [Evidence(href: "foto/c.jpg"), Evidence(href: "foto/c2.jpg", caption: ""),
                              Evidence(href: "x\u{0}y", caption: "papan \u{0} pengumuman")]),
            Answer(indicatorID: "D", value: .number(4), notes: ["n"], evidence: [Evidence(href: "d")]),
        ]
        let a = Assessment(id: "a1", rubricID: "r", unitID: "u", period: "2023", answers: answers)
        #expect(a.answers.map(\.notes) == answers.map(\.notes))
        #expect(a.answers.map(\.evidence) == answers.map(\.evidence))
        #expect(a.hasRemarks)
        let plain = Assessment(id: "a2", rubricID: "r", unitID: "u", period: "2023",
                               answers: [Answer(indicatorID: "A", value: .number(1))])
        #expect(!plain.hasRemarks)
        #expect(plain.answers.first?.notes == [])
    }

    /// An archive in memory, counting what it was given.
    final class MemoryArchive: RemarkArchive, @unchecked Sendable {
        var stored: [[UInt8]] = []
        func store(_ bytes: [UInt8]) -> RemarkBlock? {
            stored.append(bytes)
            return RemarkBlock(offset: stored.count - 1, length: bytes.count)
        }
        func load(_ block: RemarkBlock) -> [UInt8] { stored[block.offset] }
    }

    @Test func remarksSetAsideComeBackForTheirIndicators() throws {
        // B and D carry remarks; A and C do not. Set aside, the assessment holds none in
        // memory; reduced, it keeps no values; from the archive each comes back on its id.
        let answers = [
            Answer(indicatorID: "A", value: .number(1)),
            Answer(indicatorID: "B", value: .number(2), notes: ["papan ada"], evidence: [Evidence(href: "b.jpg")]),
            Answer(indicatorID: "C", value: .notApplicable),
            Answer(indicatorID: "D", value: .number(0), notes: ["tidak ada", "kedua"]),
        ]
        var a = Assessment(id: "a1", rubricID: "r", unitID: "u", period: "2023", answers: answers)
        let archive = MemoryArchive()
        a.setRemarksAside(in: archive)
        #expect(archive.stored.count == 1)
        #expect(a.answers.allSatisfy { $0.notes.isEmpty && $0.evidence.isEmpty })
        #expect(a.answers.map(\.value) == answers.map(\.value))
        #expect(a.hasRemarks)
        let expected = [AnswerRemarks(indicatorID: "B", notes: ["papan ada"], evidence: [Evidence(href: "b.jpg")]),
                        AnswerRemarks(indicatorID: "D", notes: ["tidak ada", "kedua"], evidence: [])]
        #expect(a.remarks(from: archive) == expected)
        let reduced = try #require(a.keepingOnlyRemarks())
        #expect(reduced.answerCount == 0)
        #expect(reduced.remarks(from: archive) == expected)
        // Not set aside: read from memory, no archive needed.
        let inMemory = Assessment(id: "a2", rubricID: "r", unitID: "u", period: "2023", answers: answers)
        #expect(inMemory.remarks(from: nil) == expected)
        #expect(Assessment(id: "a3", rubricID: "r", unitID: "u", period: "2023",
                           answers: [answers[0]]).keepingOnlyRemarks() == nil)
    }

    @Test func assessmentsOfOneFormShareTheirIDs() {
        let answers = [Answer(indicatorID: "X", value: .number(1))]
        let first = Assessment(id: "a1", rubricID: "r", unitID: "u", period: "p", answers: answers)
        var second = Assessment(id: "a2", rubricID: "r", unitID: "u", period: "p", answers: answers)
        // Value equality cannot see sharing: the arrays' storage can.
        func storage(_ a: Assessment) -> UnsafeRawPointer? { a.indicatorIDs.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }
        #expect(storage(second) != storage(first))
        second.shareIndicatorIDs(first.indicatorIDs)
        #expect(second.indicatorIDs == ["X"])
        #expect(storage(second) == storage(first))
        var other = Assessment(id: "a3", rubricID: "r", unitID: "u", period: "p",
                               answers: [Answer(indicatorID: "Y", value: .number(1))])
        let before = storage(other)
        other.shareIndicatorIDs(first.indicatorIDs)  // different ids: kept as they are
        #expect(other.indicatorIDs == ["Y"])
        #expect(storage(other) == before && storage(other) != storage(first))
    }

    @Test func indicatorResultsRoundTrip() {
        let results = [IndicatorResult(indicatorIndex: 0, value: 2.5, missingCount: 0),
                       IndicatorResult(indicatorIndex: 1, value: nil, missingCount: 0),
                       IndicatorResult(indicatorIndex: 2, value: 0, missingCount: 3)]
        let stored = IndicatorResults(results)
        #expect(Array(stored) == results)
        #expect(IndicatorResults().isEmpty)
        // Without a missing answer anywhere, every count reads 0.
        #expect(IndicatorResults([results[0], results[1]]).allSatisfy { $0.missingCount == 0 })
    }

    @Test func droppedAnswerPositionsFallBackToTheAssessment() {
        var a = Assessment(id: "a1", rubricID: "r", unitID: "u", period: "p",
                           answers: [Answer(indicatorID: "X", value: .number(1), location: SourceLocation(file: "a.xml", line: 9, column: 5))],
                           location: SourceLocation(file: "a.xml", line: 3, column: 3))
        a.dropAnswerPositions()
        #expect(a.answers.first?.location == SourceLocation(file: "a.xml", line: 3, column: 3))
        #expect(a.answer(at: 0).value == .number(1))
    }

    @Test func aTallyCoversItsWindowOnly() {
        // A mixed rubric of five positions whose survey indicators are 2 and 3. Two respondents:
        // position 2 gets 3 and 1 (mean 2), position 3 gets 4 once (mean 4); positions 0, 1
        // and 4 are not tallied whatever is answered there.
        var t = SurveyTally(indicatorCount: 5, window: 2..<4)
        t.add(answers: [1, 2, 3, 4, 5])
        t.add(answers: [4, .nan, 1, .nan, 5])
        #expect(t.respondents == 2)
        #expect(t.means == [nil, nil, 2, 4, nil])
        var pooled = t
        pooled.merge(t)
        #expect(pooled.respondents == 4)
        #expect(pooled.means == [nil, nil, 2, 4, nil])

        let rubric = Rubric(id: "mixed", dimensions: [
            Dimension(id: "d", weight: 1, indicators: [Make.indicator("A1"), Make.indicator("S1", source: .survey),
                                                       Make.indicator("A2"), Make.indicator("S2", source: .survey)]),
        ], bands: Make.bands)
        #expect(rubric.surveyWindow == 1..<4)
        #expect(Make.rubric.surveyWindow.isEmpty)
    }
}
