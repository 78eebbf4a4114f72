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
    @Test func assessorItemsAreTheRubricsNonSurveyIndicators() throws {
        let tags = try indicatorTags(inRubric: AssessmentWriter.rubric)
        #expect(tags.filter { !$0.tag.contains("source=\"survey\"") }.map(\.id) == AssessmentWriter.indicators)
        #expect(tags.filter { $0.tag.contains("source=\"survey\"") }.map(\.id) == SurveyWriter.outputIndicators)
        // The generator answers "na" exactly where the rubric allows it, and nowhere else.
        #expect(Set(tags.filter { $0.tag.contains("na=\"true\"") }.map(\.id)) == AssessmentWriter.notApplicableItems)
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
        #expect(summary.bytes < 15_000_000)

        let skm = files.filter { $0.key.hasPrefix("surveys/2023-S") }
        #expect(!skm.isEmpty)
        let swapped = skm.values.contains { data in
            let text = String(decoding: data, as: UTF8.self)
            guard let u9 = text.range(of: "indicator=\"U9\""), let u8 = text.range(of: "indicator=\"U8\"") else { return false }
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
        guard FileManager.default.fileExists(atPath: committed) else { return }
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
