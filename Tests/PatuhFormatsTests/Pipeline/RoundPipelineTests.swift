import Foundation
import PatuhCore
import PatuhFormats
import Testing

/// A round of two units (`Fixtures/pipeline/round`): the `uji` rubric, its registry, one
/// assessment file for each unit, a file that is not well-formed, and a file for another rubric.
private let round = fixtures.appendingPathComponent("pipeline/round")
private let uji = round.appendingPathComponent("uji.xml").path
/// Another registry.xml, whose units have other names.
private let oldRegistry = fixtures.appendingPathComponent("pipeline/old/registry.xml")

/// Runs the pipeline in this process, as `patuh score` does.
private func run(
    _ rubric: RubricRequest, _ paths: [String], registry: String? = nil,
    use: InputUse = .scores
) throws(PatuhError) -> ScoredRound {
    var options = RoundPipeline.Options(rubric: rubric, paths: paths)
    options.registry = registry
    options.use = use
    let loader: InputLoader
    do { loader = try makeLoader() } catch { throw PatuhError(sameInBoth: "no schemas: \(error)") }
    return try RoundPipeline(loader: loader, options: options).run()
}

private func named(_ diagnostics: [Diagnostic], _ severity: Diagnostic.Severity) -> [String] {
    diagnostics.filter { $0.severity == severity }.map { URL(fileURLWithPath: $0.location.file).lastPathComponent }
}

@Suite struct RoundPipelineTests {
    @Test func scoresTheRoundWithNumbersWorkedByHand() throws {
        let scored = try run(.file(uji), [round.path])
        // uji: A weighs 3 and B 1, so A is 75 of the 100 points and B 25; a dimension is the
        // mean of its answers, each as a share of its maximum (na left out).
        // a1 (99-a): A = (2/2 + 1/2) / 2 = 0.75 of 75 = 56.25; B = 3/4 of 25 = 18.75;
        //            75.00, band cukup (50 <= 75 < 80).
        // b1 (99-b): A = 2/2 (A2 is na) of 75 = 75.00; B = 2/4 of 25 = 12.50; 87.50, band baik.
        let lines = scored.result.units.map { u in
            "\(u.unit.id) \(u.period) \(String(format: "%.2f", u.score)) \(u.band?.id ?? "-")"
        }
        #expect(lines == ["99-a 2023 75.00 cukup", "99-b 2023 87.50 baik"])
        #expect(scored.assessmentCount == 2)
        #expect(scored.result.rubric.id == "uji")
    }

    @Test func aBadFileIsNamedWithItsLineAndTheRestIsScored() throws {
        let scored = try run(.file(uji), [round.path])
        #expect(Set(named(scored.diagnostics, .error)) == ["broken.xml"])
        let error = try #require(scored.diagnostics.first { $0.severity == .error })
        #expect(error.location.line == 5)  // the </assessment> that does not close <answer>
        #expect(scored.result.units.count == 2)
    }

    @Test func aFileForAnotherRubricIsSkippedAndCountedNotRead() throws {
        let scored = try run(.file(uji), [round.path])
        #expect(scored.skippedFiles.map { URL(fileURLWithPath: $0).lastPathComponent } == ["other-rubric.xml"])
        // Never read against uji, so IN-01 is named nowhere.
        #expect(!scored.diagnostics.contains { $0.message.contains("IN-01") })
    }

    @Test func aRubricAskedForByIdIsTheShippedOneAndTheInputThatTookItsIdIsNamed() throws {
        let dir = try scratchDirectory()
        try FileManager.default.copyItem(
            at: round.appendingPathComponent("registry.xml"), to: dir.appendingPathComponent("registry.xml"))
        let shipped = try String(contentsOfFile: rubricsDirectory + "/skm-2004.xml", encoding: .utf8)
        let fake = dir.appendingPathComponent("fake-skm.xml")
        try Data(shipped.replacingOccurrences(of: #"min="81.26""#, with: #"min="50""#).utf8).write(to: fake)

        let byID = try run(.id("skm-2004"), [dir.path])
        #expect(byID.result.rubric.location.file == rubricsDirectory + "/skm-2004.xml")
        #expect(byID.result.rubric.bands.map(\.min).contains(81.26))
        #expect(named(byID.diagnostics, .error) == ["fake-skm.xml"])
        // Named by its path, the file is the rubric, and nothing is said against it.
        let byFile = try run(.file(fake.path), [dir.path])
        #expect(byFile.result.rubric.bands.map(\.min).contains(50))
        #expect(named(byFile.diagnostics, .error).isEmpty)
    }

    @Test func theRegistryNamedIsThatVeryFileReachedByAnyPath() throws {
        // Both registries are called registry.xml; the one named through a link is the file
        // the link leads to, and the other is left unread, with a warning.
        let link = try scratchDirectory().appendingPathComponent("named.xml")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: oldRegistry)
        let scored = try run(
            .file(uji), [round.path, oldRegistry.deletingLastPathComponent().path], registry: link.path)
        #expect(scored.registry.unit("99-a")?.name == "Dinas A Lama")
        #expect(named(scored.diagnostics, .warning).contains("registry.xml"))
    }

    @Test func aRegistryWhosePathOnlyEndsLikeAnInputsIsNotTaken() {
        // "registry.xml" ends both inputs' paths but is neither file (there is none of that
        // name in the working directory).
        #expect(throws: PatuhError.self) { try run(.file(uji), [round.path], registry: "pipeline/round/registry.xml") }
        do {
            _ = try run(.file(uji), [round.path, oldRegistry.path])
            Issue.record("two registries and none named were scored")
        } catch {
            #expect(error.english == "the inputs hold 2 registries: name one with --registry")
            #expect(error.status == 2)
        }
    }

    @Test func aRubricNoOneDefinesOrThatCannotBeReadIsAFailure() {
        do {
            _ = try run(.id("tidak-ada"), [round.path])
            Issue.record("a round was scored with no rubric")
        } catch {
            #expect(error.english.hasPrefix("no rubric with id 'tidak-ada' in the inputs or in "))
            #expect(error.line(in: .en).hasPrefix("patuh: error: no rubric with id"))
            #expect(error.status == 2)
        }
        // A rubric file that cannot be read: its problems travel with the failure.
        let broken = round.appendingPathComponent("broken.xml").path
        do {
            _ = try run(.file(broken), [round.path])
            Issue.record("a round was scored with a rubric that cannot be read")
        } catch {
            #expect(error.english == "the rubric \(broken) could not be read")
            #expect(named(error.diagnostics, .error).contains("broken.xml"))
        }
    }

    @Test func whatTheCallerUsesDecidesWhatIsKept() throws {
        // Whatever the use, the scored round gives back each unit's assessment (the fixture
        // has one for 99-a and one for 99-b in 2023): the result owns their store.
        for use in [InputUse.pages, .scores] {
            let result = try run(.file(uji), [round.path], use: use).result
            #expect(result.assessments(UnitPeriod(unit: "99-a", period: "2023")).map(\.id) == ["a1"])
            #expect(result.assessments(UnitPeriod(unit: "99-b", period: "2023")).map(\.id) == ["b1"])
        }
        // The quality checks get every assessment read for the rubric.
        #expect(try run(.file(uji), [round.path], use: .records).records.map(\.id).sorted() == ["a1", "b1"])
    }
}
