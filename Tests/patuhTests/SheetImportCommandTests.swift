import Foundation
import Testing

/// The sheet fixtures (made by scripts/make-sheet-fixtures.py with openpyxl and LibreOffice).
let sheetFixtures = repositoryRoot.appendingPathComponent("Tests/PatuhFormatsTests/Fixtures/sheets")

/// One row of a CSV file written by `patuh score` (no quoted commas in these fixtures), by column name.
func csvRow(_ url: URL, where column: String, is value: String) throws -> [String: String]? {
    let lines = try read(url).split(whereSeparator: \.isNewline).map {
        $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    guard let header = lines.first, let k = header.firstIndex(of: column) else { return nil }
    guard let row = lines.dropFirst().first(where: { $0.count > k && $0[k] == value }) else { return nil }
    return Dictionary(uniqueKeysWithValues: zip(header, row))
}

/// Imports `file` with `map`, scores the result with `rubric`, returns the unit's row of units.csv.
func importAndScore(
    _ file: String, map: String, rubric: String, unit: String = "14-dpmptsp",
    in dir: URL? = nil
) throws -> (row: [String: String]?, importRun: Run) {
    let dir = try dir ?? scratchDirectory()
    let registry = sheetFixtures.appendingPathComponent("registry.xml").path
    let imported = try patuh([
        "import", "sheet", file, "--map", map, "--registry", registry,
        "--out", dir.appendingPathComponent("in").path
    ])
    let scored = try patuh([
        "score", "--rubric", rubric, dir.appendingPathComponent("in").path, registry,
        "--out", dir.appendingPathComponent("out").path
    ])
    #expect(scored.status <= 1, "\(scored.stderr)")
    return (try csvRow(dir.appendingPathComponent("out/units.csv"), where: "unit_id", is: unit), imported)
}

@Suite struct SheetImportCommandTests {
    /// The four respondents of the fixtures answer (U1..U9):
    ///   4 4 3 4 3 3 4 3 4 / 3 3 3 4 3 3 3 3 3 / 4 3 2 4 3 4 4 2 3 / 3 4 3 4 4 3 3 3 4
    /// Column sums 14 14 11 16 13 13 14 11 14, so NRR 3.50 3.50 2.75 4.00 3.25 3.25 3.50 2.75
    /// 3.50, Σ NRR = 30, IKM = 25 · 30 / 9 = 83.33 (grade B, 76.61–88.30).
    struct Variant: Sendable, CustomTestStringConvertible {
        var file: String
        var map: String
        var score: String
        var u3: String
        var u8: String
        var u9: String
        var testDescription: String { file }
    }

    static let variants: [Variant] = [
        // openpyxl, labels in mixed case and spacing: 83.33 as above.
        Variant(
            file: "labels-openpyxl.xlsx", map: "labels.map.xml", score: "83.33", u3: "2.75", u8: "2.75", u9: "3.50"),
        // LibreOffice, numbers; respondent 4 left U3 blank: U3 = (3+3+2)/3 = 2.6667 (not 8/4 = 2),
        // Σ NRR = 30 − 2.75 + 2.6667 = 29.9167, IKM = 25 · 29.9167 / 9 = 83.10.
        Variant(
            file: "numbers-libreoffice.xlsx", map: "numbers.map.xml", score: "83.10", u3: "2.67", u8: "2.75", u9: "3.50"
        ),
        // openpyxl, no U4 column: U4 is answered by nobody, so not applicable and left out of
        // the sum, the weights staying 1/9 (the rubric's rule): Σ NRR = 30 − 4 = 26,
        // IKM = 25 · 26 / 9 = 72.22.
        Variant(
            file: "skip-u4-openpyxl.xlsx", map: "standard.map.xml", score: "72.22", u3: "2.75", u8: "2.75", u9: "3.50"),
        // LibreOffice, Sarana asked eighth and Pengaduan ninth: matched by name, U8 = 11/4 =
        // 2.75 and U9 = 14/4 = 3.50 (by position they would be the other way round).
        Variant(
            file: "swapped-libreoffice.xlsx", map: "standard.map.xml", score: "83.33", u3: "2.75", u8: "2.75",
            u9: "3.50"),
        // LibreOffice, a Google Forms export: "Cap waktu", question texts, one row sent twice
        // (counted once): the same four respondents, 83.33.
        Variant(
            file: "gform-libreoffice.xlsx", map: "gform.map.xml", score: "83.33", u3: "2.75", u8: "2.75", u9: "3.50"),
        // The same export downloaded as CSV (`;`, UTF-8 with BOM).
        Variant(file: "gform.csv", map: "gform.map.xml", score: "83.33", u3: "2.75", u8: "2.75", u9: "3.50")
    ]

    @Test(arguments: variants)
    func importsAndScores(_ v: Variant) throws {
        let (row, run) = try importAndScore(
            sheetFixtures.appendingPathComponent(v.file).path,
            map: sheetFixtures.appendingPathComponent(v.map).path, rubric: "skm-2017")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(row?["respondents"] == "4")
        #expect(row?["score"] == v.score, "\(String(describing: row))")
        #expect(row?["ind_U3"] == v.u3)
        #expect(row?["ind_U8"] == v.u8)
        #expect(row?["ind_U9"] == v.u9)
        #expect(row?["period"] == "2023-S1")
    }

    @Test func googleFormDuplicateIsCountedOnceWithAWarning() throws {
        let (_, run) = try importAndScore(
            sheetFixtures.appendingPathComponent("gform.csv").path,
            map: sheetFixtures.appendingPathComponent("gform.map.xml").path, rubric: "skm-2017")
        #expect(
            run.stderr.contains(
                "gform.csv:A4: warning: the same row (timestamp and answers) as one already read: counted once"),
            "\(run.stderr)")
        #expect(run.stderr.contains("5 rows read, 4 imported, 0 not imported, 1 duplicates"))
    }

    /// ombudsman-opini-2023 checklist (its dimension weights are 2022's, carried over): DPMPTSP answered every assessor item at its top level
    /// (3 of 0–3, fraction 1); the survey items OUT-01..08 have no responses, and a missing
    /// answer counts as the minimum (fraction 0), so Output (24.24) adds nothing and the total
    /// is 100 · (21.85 + 32.37 + 21.54) / 100 = 75.76. Disdukcapil answered 2 everywhere
    /// (fraction 2/3): 100 · 75.76 · 2/3 / 100 = 50.507 → 50.51.
    @Test func checklistImportsAsAssessments() throws {
        let dir = try scratchDirectory()
        let file = sheetFixtures.appendingPathComponent("checklist-openpyxl.xlsx").path
        let map = sheetFixtures.appendingPathComponent("checklist.map.xml").path
        let (top, run) = try importAndScore(file, map: map, rubric: "ombudsman-opini-2023", in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(top?["score"] == "75.76")
        let other = try csvRow(dir.appendingPathComponent("out/units.csv"), where: "unit_id", is: "14-disdukcapil")
        #expect(other?["score"] == "50.51")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("in/opini-checklist/2023.xml").path))
    }

    /// A second import replaces the folder whole: a file from an earlier import does not linger.
    @Test func outputFolderIsRewrittenWhole() throws {
        let dir = try scratchDirectory()
        let stale = dir.appendingPathComponent("in/skm-gform/2022-S2/old.xml")
        try FileManager.default.createDirectory(
            at: stale.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("<x/>".utf8).write(to: stale)
        let (row, _) = try importAndScore(
            sheetFixtures.appendingPathComponent("gform.csv").path,
            map: sheetFixtures.appendingPathComponent("gform.map.xml").path, rubric: "skm-2017", in: dir)
        #expect(row?["score"] == "83.33")
        #expect(!FileManager.default.fileExists(atPath: stale.path))
    }
}
