import Foundation
import Testing

@testable import PatuhSamples

/// The repository's root, from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// `(id, attributes)` of every `<indicator …>` start tag in a rubric file.
func indicatorTags(inRubric name: String) throws -> [(id: String, tag: String)] {
    let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Rubrics/\(name).xml"), encoding: .utf8)
    return text.components(separatedBy: "<indicator ").dropFirst().compactMap { chunk in
        let tag = String(chunk.prefix { $0 != ">" })
        guard let start = tag.range(of: "id=\"") else { return nil }
        let id = String(tag[start.upperBound...].prefix { $0 != "\"" })
        return (id, tag)
    }
}

@Suite("Generated files against the rubrics")
struct SampleFilesTests {
    static let forms: [AssessmentForm] =
        ["2019", "2022", "2023", "2024", "2025"].map(AssessmentForm.ombudsman(period:)) + [.pekppp]

    /// Each form the generator answers is its rubric's: the assessor items in order, the
    /// questionnaire's items, and "na" only where the rubric says `na="true"` (the default
    /// is "not allowed", docs/FORMATS.md).
    @Test(arguments: forms.map(\.rubric))
    func assessorItemsAreTheRubricsNonSurveyIndicators(rubric: String) throws {
        let form = try #require(Self.forms.first { $0.rubric == rubric })
        let tags = try indicatorTags(inRubric: rubric)
        #expect(tags.filter { !$0.tag.contains("source=\"survey\"") }.map(\.id) == form.items.map(\.id))
        #expect(tags.filter { $0.tag.contains("source=\"survey\"") }.map(\.id) == form.surveyItems)
        for tag in tags {
            let top = tag.tag.range(of: "max=\"").map { String(tag.tag[$0.upperBound...].prefix { $0 != "\"" }) }
            if let item = form.items.first(where: { $0.id == tag.id }) { #expect(top == String(item.max), "\(tag.id)") }
        }
        let plan = SamplePlan(options: SampleOptions(), random: RandomSource(seed: 7))
        for (item, _) in form.items where plan.units.contains(where: { form.naChance(item, $0) > 0 }) {
            let tag = try #require(tags.first { $0.id == item }).tag
            #expect(tag.contains("na=\"true\""), "\(rubric) \(item) does not allow na")
        }
    }

    /// The sample holds a round for every shipped rubric: some file names each (but
    /// `skm-2017-bobot-0111`, which scores the `skm-2017` questionnaire: its `instrument`).
    @Test func everyShippedRubricHasARound() throws {
        let rubrics = try FileManager.default.contentsOfDirectory(
            atPath: repositoryRoot.appendingPathComponent("Rubrics").path
        )
        .filter { $0.hasSuffix(".xml") }.map { String($0.dropLast(4)) }
        #expect(rubrics.count >= 9)
        let dir = ScratchDirectory()
        defer { dir.cleanUp() }
        _ = try SampleGenerator(options: SampleOptions()).generate(into: dir.path)
        let all = try ScratchDirectory.files(under: dir.path).values.reduce(into: Data()) { $0.append($1) }
        for id in rubrics where id != "skm-2017-bobot-0111" {
            #expect(count("rubric=\"\(id)\"", in: all) > 0, "no round for \(id)")
        }
    }

    @Test func skmItemsAreTheRubrics() throws {
        #expect(try indicatorTags(inRubric: SurveyWriter.skmRubric).map(\.id) == SurveyWriter.skmIndicators)
    }

    /// Generates the default dataset once and checks what only the files can show.
    @Test func defaultDatasetShape() throws {
        let dir = ScratchDirectory()
        defer { dir.cleanUp() }
        let summary = try SampleGenerator(options: SampleOptions()).generate(into: dir.path)
        let files = try ScratchDirectory.files(under: dir.path)
        #expect(summary.bytes < 16_500_000)

        let skm = files.filter { $0.key.hasPrefix("surveys/2023-S") }
        #expect(!skm.isEmpty)
        let swapped = skm.values.contains { data in
            let text = String(decoding: data, as: UTF8.self)
            guard let u9 = text.range(of: "indicator=\"U9\""), let u8 = text.range(of: "indicator=\"U8\"") else {
                return false
            }
            return u9.lowerBound < u8.lowerBound
        }
        #expect(swapped, "some SKM file writes U9 before U8")
        #expect(skm.values.contains { count("<comment>", in: $0) > 0 })

        let assessments = files.filter { $0.key.hasPrefix("assessments/") }
        let all = assessments.values.reduce(into: Data()) { $0.append($1) }
        #expect(count("value=\"na\"", in: all) > 0)
        #expect(count("<note>", in: all) > 0)
        #expect(count("<evidence href=\"foto/", in: all) > 0)
        #expect(count("id=\"a-2023-\(SamplePlan.twoProductUnit)-2\"", in: all) == 1)
        #expect(count("unit=\"1471-mpp\"", in: all) == 0)
    }

    /// `Samples/riau` is exactly what `patuh generate --seed 7` makes: regenerate it (see
    /// Samples/README.md) after changing the generator.
    @Test func committedSampleIsUpToDate() throws {
        let committed = repositoryRoot.appendingPathComponent("Samples/riau").path
        // A missing sample is a failure, not a pass: the README's first command runs on it.
        try #require(FileManager.default.fileExists(atPath: committed), "Samples/riau is missing")
        let dir = ScratchDirectory()
        defer { dir.cleanUp() }
        _ = try SampleGenerator(options: SampleOptions()).generate(into: dir.path)
        let fresh = try ScratchDirectory.files(under: dir.path)
        let stored = try ScratchDirectory.files(under: committed)
        #expect(Set(fresh.keys) == Set(stored.keys))
        let differing = fresh.keys.filter { fresh[$0] != stored[$0] }.sorted()
        #expect(differing.isEmpty, "regenerate Samples/riau: \(differing.prefix(5))")
    }
}
