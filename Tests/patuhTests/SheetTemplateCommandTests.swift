import Foundation
import Testing

/// Template → fill → import → score, with the tools people use: LibreOffice Calc opens the
/// workbook (converted headless to CSV) and openpyxl fills it as a person picking from the
/// drop-downs (scripts/fill-template.py). Both are installed by .ci/run.
@Suite(.serialized) struct SheetTemplateCommandTests {
    func tool(_ name: String) throws -> URL {
        for dir in ["/usr/bin", "/usr/local/bin", "/bin"] {
            let url = URL(fileURLWithPath: dir).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw CocoaError(
            .fileNoSuchFile,
            userInfo: [
                NSLocalizedDescriptionKey:
                    "\(name) not found: .ci/run installs it (apt-get install libreoffice-calc-nogui; pip install openpyxl)"
            ])
    }

    /// Writes the template, checks LibreOffice opens it, fills `rows`, imports and scores.
    func roundTrip(rubric: String, extra: [String], rows: [[String: Any]], unit: String)
        throws -> (lists: [String: [String]], row: [String: String]?, map: String)
    {
        let dir = try scratchDirectory()
        let registry = sheetFixtures.appendingPathComponent("registry.xml").path
        let book = dir.appendingPathComponent("\(rubric).xlsx")
        let made = try patuh(["template", "--rubric", rubric, "--registry", registry, "--out", book.path] + extra)
        #expect(made.status == 0, "\(made.stderr)")
        let mapURL = dir.appendingPathComponent("\(rubric).map.xml")
        let map = try read(mapURL)

        // LibreOffice opens it: converted headless to CSV without error, the headers first.
        let profile = dir.appendingPathComponent("lo-profile").path
        let converted = try run(
            try tool("soffice"),
            [
                "-env:UserInstallation=file://\(profile)", "--headless",
                "--convert-to", "csv", "--outdir", dir.appendingPathComponent("csv").path, book.path
            ])
        #expect(converted.status == 0, "\(converted.stderr)")
        let csv = try read(dir.appendingPathComponent("csv/\(rubric).csv"))
        #expect(csv.hasPrefix("Tanggal,Unit layanan,"), "\(csv.prefix(200))")

        // openpyxl fills a copy, picking answers from the drop-down lists.
        let rowsFile = dir.appendingPathComponent("rows.json")
        try JSONSerialization.data(withJSONObject: rows).write(to: rowsFile)
        let filled = dir.appendingPathComponent("filled.xlsx")
        let fill = try run(
            try tool("python3"),
            [
                repositoryRoot.appendingPathComponent("scripts/fill-template.py").path,
                book.path, filled.path, rowsFile.path
            ])
        #expect(fill.status == 0, "\(fill.stderr)")
        let lists = (try? JSONSerialization.jsonObject(with: Data(fill.stdout.utf8))) as? [String: [String]] ?? [:]

        let imported = try patuh([
            "import", "sheet", filled.path, "--map", mapURL.path, "--registry", registry,
            "--out", dir.appendingPathComponent("in").path
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        let scored = try patuh([
            "score", "--rubric", rubric, dir.appendingPathComponent("in").path, registry,
            "--out", dir.appendingPathComponent("out").path
        ])
        #expect(scored.status <= 1, "\(scored.stderr)")
        return (lists, try csvRow(dir.appendingPathComponent("out/units.csv"), where: "unit_id", is: unit), map)
    }

    /// Two respondents: one picks the 4th label of every unsur (value 4), one the 2nd (value 2):
    /// every NRR is (4 + 2) / 2 = 3, IKM = 25 · 9 · 3 / 9 = 75.00 (grade C, 65.00–76.60).
    @Test func skmTemplateRoundTrip() throws {
        func respondent(_ choice: Int, _ date: String) -> [String: Any] {
            var row: [String: Any] = [
                "Tanggal": date, "Unit layanan": ["choice": 0], "Jenis kelamin": ["choice": 1], "Usia": 34
            ]
            for u in 1...9 { row["U\(u)"] = ["choice": choice] }
            return row
        }
        let (lists, row, map) = try roundTrip(
            rubric: "skm-2017", extra: ["--period", "2023-S1"],
            rows: [respondent(3, "14/02/2023"), respondent(1, "15/02/2023")], unit: "14-dpmptsp")
        #expect(lists["U1. Persyaratan"] == ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"])
        #expect(lists["Unit layanan"] == ["DPMPTSP Provinsi Riau", "Disdukcapil Provinsi Riau"])
        #expect(lists["Jenis kelamin"] == ["Laki-laki", "Perempuan"])
        #expect(map.contains("<constant field=\"period\" value=\"2023-S1\"/>"))
        #expect(row?["respondents"] == "2")
        #expect(row?["ind_U5"] == "3.00")
        #expect(row?["score"] == "75.00", "\(String(describing: row))")
    }

    /// One assessment of Disdukcapil: every Input item at its top label (3, fraction 1), every
    /// other assessor item at its first (0); the Output items have no survey and count as their
    /// minimum. Total = 100 · 21.85 · 1 / 100 = 21.85.
    @Test func checklistTemplateRoundTrip() throws {
        let dir = try scratchDirectory()
        // The checklist's items, from the rubric: every indicator without source="survey".
        let rubric = try read(repositoryRoot.appendingPathComponent("Rubrics/ombudsman-opini-2022.xml"))
        let items = rubric.split(separator: "<indicator ").dropFirst().filter {
            !$0.prefix(200).contains("source=\"survey\"")
        }
        .compactMap { $0.split(separator: "\"").dropFirst().first.map(String.init) }
        // 32: the 2022 method's 5 + 8 input items, 11 proses and 8 pengaduan.
        #expect(items.count == 32)
        var assessment: [String: Any] = [
            "Tanggal": "14 Juli 2023", "Unit layanan": ["choice": 1], "Periode": "2023", "Penilai": "Tim 1"
        ]
        for id in items { assessment[id] = ["choice": id.hasPrefix("IN-") ? 3 : 0] }
        _ = dir
        let (lists, row, map) = try roundTrip(
            rubric: "ombudsman-opini-2022", extra: [], rows: [assessment], unit: "14-disdukcapil")
        #expect(lists.count == 33)  // the unit and 32 items
        #expect(lists.keys.contains { $0.hasPrefix("PR-07. ") })
        #expect(map.contains("kind=\"assessment\""))
        #expect(row?["assessments"] == "1")
        #expect(row?["score"] == "21.85", "\(String(describing: row))")
    }
}
