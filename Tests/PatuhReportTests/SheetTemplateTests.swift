import Foundation
import PatuhCore
import PatuhReport
import Testing

/// The template's workbook parts and map, without any spreadsheet program.
@Suite struct SheetTemplateTests {
    static let rubric = Rubric(
        id: "uji", title: LocalizedText(["id": "Uji & coba"]),
        dimensions: [
            Dimension(
                id: "all", title: LocalizedText(["id": "Semua"]), weight: 1,
                indicators: [
                    Indicator(
                        id: "A1", title: LocalizedText(["id": "Satu"]), weight: 1, min: 0, max: 2, source: .assessor,
                        allowsNA: true,
                        levels: [
                            Level(value: 0, label: LocalizedText(["id": "Tidak ada"])),
                            Level(value: 1, label: LocalizedText(["id": "Sebagian"])),
                            Level(value: 2, label: LocalizedText(["id": "Lengkap <semua>"]))
                        ])
                ])
        ],
        bands: [])
    static let registry = Registry(
        regions: [Region(code: "14", level: .provinsi, name: "Riau")],
        units: [
            ServiceUnit(id: "u-1", type: .opd, name: "Dinas", regionCode: "14"),
            ServiceUnit(id: "u-2", type: .opd, name: "Dinas", regionCode: "14")
        ])

    @Test func checklistColumnsListsAndMap() {
        let t = SheetTemplate(rubric: Self.rubric, registry: Self.registry, period: nil, survey: false, rows: 50)
        #expect(t.columns.map(\.header) == ["Tanggal", "Unit layanan", "Periode", "Penilai", "A1. Satu"])
        // Two units of one name are told apart by their ids.
        #expect(t.columns[1].choices == ["Dinas (u-1)", "Dinas (u-2)"])
        // The item's labels in level order, and "Tidak berlaku" as it allows na.
        #expect(t.columns[4].choices == ["Tidak ada", "Sebagian", "Lengkap <semua>", "Tidak berlaku"])
        let map = t.map
        #expect(
            map.contains(
                "<sheetmap xmlns=\"urn:patuh:1\" id=\"template-uji\" rubric=\"uji\" kind=\"assessment\" sheet=\"Respon\">"
            ))
        #expect(map.contains("<value label=\"Dinas (u-2)\" to=\"u-2\"/>"))
        #expect(map.contains("<title>Uji &amp; coba</title>"))
    }

    @Test func workbookIsAZipWithValidationsAndEscapedText() throws {
        let t = SheetTemplate(rubric: Self.rubric, registry: Self.registry, period: "2023", survey: false, rows: 50)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("patuh-template-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("t.xlsx")
        try t.workbook.write(to: file.path)
        let bytes = try Data(contentsOf: file)
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))  // a zip's local header
        let book = t.workbook
        #expect(book.sheets.map(\.name) == ["Respon", "Petunjuk", "Daftar"])
        #expect(book.sheets[2].hidden)
        // Units in Daftar column A, the item's labels in column B; drop-downs down to row 51.
        #expect(book.sheets[0].validations.map(\.source) == ["Daftar!$A$1:$A$2", "Daftar!$B$1:$B$4"])
        #expect(book.sheets[0].validations.map(\.lastRow) == [51, 51])
        #expect(
            book.sheets[2].rows == [
                ["Dinas (u-1)", "Tidak ada"], ["Dinas (u-2)", "Sebagian"], ["", "Lengkap <semua>"],
                ["", "Tidak berlaku"]
            ])
        #expect(t.instructions.first == "Petunjuk pengisian: Uji & coba")
        #expect(t.instructions.contains("Periode untuk semua baris: 2023."))
    }
}
