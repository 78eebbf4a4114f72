import Foundation
import PatuhCore
import PatuhFormats
import Testing

/// Imports `file` through `map` (both in the sheet fixtures, or paths) against the fixture registry.
func importSheet(_ file: String, map: String, language: SheetLanguage = .en) throws -> (SheetImport, [SheetRecord]) {
    let loader = try makeLoader()
    let rubricMap = try SheetMapReader.read(file: path(map), schemaDirectory: rubricsDirectory + "/schema")
    let rubric = try loader.readRubric(file: rubricsDirectory + "/\(rubricMap.rubric).xml")
    let inputs = loader.load([sheetFixtures.appendingPathComponent("registry.xml").path])
    let importer = SheetImporter(map: rubricMap, rubric: rubric, registry: inputs.registry, language: language)
    var records: [SheetRecord] = []
    let result = try importer.run([path(file)]) { records.append($0) }
    return (result, records)
}

private func path(_ name: String) -> String {
    name.hasPrefix("/") ? name : sheetFixtures.appendingPathComponent(name).path
}

/// Acceptance 3: each kind of bad row is left out and named by file, sheet and cell; the rows
/// around it are imported. bad-rows.xlsx (openpyxl) has 15 good rows (2–16) and then one of
/// each problem (scripts/make-sheet-fixtures.py).
@Suite struct SheetRowCheckTests {
    static let expected: [(String, String)] = [
        (
            "unknown label",
            "bad-rows.xlsx:Respon!F17: error: 'Sangat sesuai.' is not a label of U1 (Tidak sesuai, Kurang sesuai, Sesuai, Sangat sesuai)"
        ),
        ("out-of-range number", "bad-rows.xlsx:Respon!H18: error: '7' is outside the range of U3 (1–4)"),
        (
            "1–5 scale without a rule",
            "bad-rows.xlsx:Respon!G19: error: '5' is outside the range of U2 (1–4): a 1–5 scale? the map must say how to convert it, e.g. <scale indicator=\"U2\" from-min=\"1\" from-max=\"5\"/>"
        ),
        ("bad date", "bad-rows.xlsx:Respon!A20: error: '31/02/2023' is not a date (formats accepted: dd/mm/yyyy)"),
        (
            "unknown unit",
            "bad-rows.xlsx:Respon!B21: error: 'Dinas Entah' is not a unit of the registry or of the map's unit table"
        ),
        (
            "duplicate row",
            "bad-rows.xlsx:Respon!A22: warning: the same row (timestamp and answers) as one already read: counted once"
        )
    ]

    @Test(arguments: expected.map(\.0))
    func eachBadRowIsNamedByItsCell(_ kind: String) throws {
        let (result, _) = try importSheet("bad-rows.xlsx", map: "bad-rows.map.xml")
        let line = try #require(Self.expected.first { $0.0 == kind }?.1)
        #expect(result.diagnostics.map(\.description).contains(line), "\(result.diagnostics.map(\.description))")
    }

    @Test func theOtherRowsAreImported() throws {
        let (result, records) = try importSheet("bad-rows.xlsx", map: "bad-rows.map.xml")
        // 21 data rows: 15 good, 5 with an error, 1 duplicate of row 2.
        #expect(result.rows == 21)
        #expect(result.imported == 15)
        #expect(result.excluded == 5)
        #expect(result.duplicates == 1)
        #expect(records.count == 15)
        #expect(result.diagnostics.errorCount == 5)
    }

    @Test func messagesInIndonesian() throws {
        let (result, _) = try importSheet("bad-rows.xlsx", map: "bad-rows.map.xml", language: .id)
        let lines = result.diagnostics.map { $0.description(in: .id) }
        #expect(
            lines.contains(
                "bad-rows.xlsx:Respon!F17: error: 'Sangat sesuai.' bukan label U1 (Tidak sesuai, Kurang sesuai, Sesuai, Sangat sesuai)"
            ))
        #expect(
            lines.contains(
                "bad-rows.xlsx:Respon!A22: warning: baris yang sama (cap waktu dan jawaban) dengan baris yang sudah dibaca: dihitung sekali"
            ))
    }

    /// With a rule, a 1–5 answer is converted linearly: 1 + (v − 1) · 3/4, so 5 → 4, 3 → 2.5.
    @Test func aFivePointScaleWithARuleIsConverted() throws {
        let dir = try scratchDirectory()
        let csv = dir.appendingPathComponent("skala5.csv")
        try Data("Tanggal,Unit,U1,U2\n14/02/2023,14-dpmptsp,5,3\n15/02/2023,14-dpmptsp,,1\n".utf8).write(to: csv)
        let map = dir.appendingPathComponent("skala5.map.xml")
        try Data(
            """
            <sheetmap xmlns="urn:patuh:1" id="skala5" rubric="skm-2017">
              <column field="date"><header>Tanggal</header></column>
              <column field="unit"><header>Unit</header></column>
              <column indicator="U1"><header>U1</header></column>
              <column indicator="U2"><header>U2</header></column>
              <constant field="period" value="2023"/>
              <date-format>dd/mm/yyyy</date-format>
              <scale indicator="*" from-min="1" from-max="5"/>
            </sheetmap>
            """.utf8
        ).write(to: map)
        let (result, records) = try importSheet(csv.path, map: map.path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let answers = records.compactMap { r -> [Double]? in
            guard case .response(let response) = r else { return nil }
            return response.answers.compactMap { if case .number(let v) = $0.value { return v } else { return nil } }
        }
        // Row 3's blank U1 is a missing answer: no answer at all, never 0.
        #expect(answers == [[4, 2.5], [1]])
    }

    @Test func aMappedColumnMissingFromTheFileRejectsTheFile() throws {
        // standard.map.xml wants "Tanggal"; labels-openpyxl.xlsx has "Timestamp" there.
        let (result, records) = try importSheet("labels-openpyxl.xlsx", map: "standard.map.xml")
        #expect(records.isEmpty)
        #expect(result.rejectedFiles == 1)
        #expect(
            result.diagnostics.map(\.description).contains(
                "labels-openpyxl.xlsx:Respon!A1: error: no column has the header 'Tanggal' (for date)"))
    }

    @Test func anOptionalColumnMayBeAbsent() throws {
        // skip-u4-openpyxl.xlsx has no U4; standard.map.xml marks U4 optional="true".
        let (result, records) = try importSheet("skip-u4-openpyxl.xlsx", map: "standard.map.xml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(records.count == 4)
    }

    /// A blank unit is named at the unit's cell; a sheet without its header row is not read.
    @Test func blankUnitAndMissingHeaderRow() throws {
        let dir = try scratchDirectory()
        let csv = dir.appendingPathComponent("kosong.csv")
        try Data("Tanggal,Unit,U1,U2,U3,U5,U6,U7,U8,U9\n14/02/2023,,4,4,4,4,4,4,4,4\n".utf8).write(to: csv)
        let (result, records) = try importSheet(csv.path, map: "standard.map.xml")
        #expect(records.isEmpty)
        #expect(result.diagnostics.map(\.description).contains("kosong.csv:B2: error: the service unit is blank"))

        let empty = dir.appendingPathComponent("empty.csv")
        try Data("".utf8).write(to: empty)
        let (other, _) = try importSheet(empty.path, map: "standard.map.xml")
        #expect(other.rejectedFiles == 1)
        #expect(
            other.diagnostics.map(\.description) == [
                "empty.csv:A1: error: the header row (row 1) is empty or missing: file not read"
            ])
    }
}
