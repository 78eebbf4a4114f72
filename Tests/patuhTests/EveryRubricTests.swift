import Foundation
import Testing

/// Every shipped rubric scores units of the sample and shows a method page with each part's
/// source and status (Samples/README.md, docs/RUBRICS.md).
@Suite struct EveryRubricTests {
    /// `skm-2017-bobot-0111` is left out: it scores the `skm-2017` questionnaire through its
    /// `instrument` (docs/FORMATS.md, "Rubric"), whose files name `skm-2017`.
    static let rubrics = [
        "ombudsman-kepatuhan-2019", "ombudsman-opini-2022", "ombudsman-opini-2023", "ombudsman-opini-2024",
        "ombudsman-opini-2025", "panrb-pekppp-2022", "skm-2017", "skm-2004"
    ]

    @Test(arguments: rubrics)
    func reportsTheSample(rubric: String) throws {
        let out = try scratchDirectory()
        let run = try patuh(["report", "--rubric", rubric, "Samples/riau", "--out", out.path, "-q"])
        #expect(run.status == 0, "\(run.stderr)")
        let units = try read(out.appendingPathComponent("units.csv")).components(separatedBy: "\r\n").filter {
            !$0.isEmpty
        }
        #expect(units.count > 5, "\(rubric) scored \(units.count - 1) units")
        if rubric == "skm-2017" {
            // Two periods (2023-S1, 2023-S2): the latest is the index, the earlier one has its own.
            #expect(try read(out.appendingPathComponent("index.html")).contains("index-2023-S1.html"))
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("index-2023-S1.html").path))
        }
        let method = try read(out.appendingPathComponent("metode.html"))
        #expect(method.contains("Sumber dan status"))
        #expect(method.contains("Bagian yang direkonstruksi"))
        #expect(method.contains("class=\"origin st-"))
        // Reconstructed parts are said to be so wherever the rubric has any.
        let reconstructed = !["skm-2017", "skm-2004"].contains(rubric)
        #expect(method.contains("<strong>rekonstruksi</strong>") == reconstructed, "\(rubric)")
    }
}
