import Foundation
import PatuhCore

/// An entry template for a rubric: a workbook to fill on a computer (or upload to Google
/// Sheets) and the sheet map that imports it (`patuh import sheet FILE --map MAP`), so that
/// template → fill → import → score needs no hand-written map.
///
/// The response sheet `Respon` has one column per field and per indicator, with drop-down
/// lists of the rubric's answer labels, the respondent categories and the registry's units
/// (held in the hidden sheet `Daftar`); `Petunjuk` says in Indonesian (and English) how to
/// fill it in.
public struct SheetTemplate: Sendable {
    /// One column of the response sheet.
    public struct Column: Sendable {
        public var header: String
        public var field: String?
        public var indicator: String?
        public var choices: [String] = []
        /// The map's value table for the column (units: label → id).
        public var table: [(label: String, value: String)] = []
        public var help: String
        public var helpEN: String
        public var width: Double
    }

    public var rubric: Rubric
    public var registry: Registry?
    public var period: String?
    public var survey: Bool
    /// Rows offered for entry (the drop-downs cover them).
    public var rows: Int
    public var columns: [Column] = []

    /// The sheet names the template uses.
    public static let responseSheet = "Respon"
    public static let instructionSheet = "Petunjuk"
    public static let listSheet = "Daftar"

    /// A template for `rubric`: its survey questionnaire when `survey` (or the rubric has only
    /// survey indicators), else its assessors' checklist.
    public init(rubric: Rubric, registry: Registry?, period: String?, survey: Bool, rows: Int = 1000) {
        self.rubric = rubric
        self.registry = registry
        self.period = period
        self.survey = survey || rubric.isSurveyRubric
        self.rows = max(10, rows)
        columns = makeColumns()
    }

    /// The map's id.
    public var mapID: String { "template-\(rubric.id)" + (survey && !rubric.isSurveyRubric ? "-survey" : "") }

    private func makeColumns() -> [Column] {
        var list: [Column] = []
        list.append(
            Column(
                header: "Tanggal", field: "date",
                help: "Tanggal layanan atau penilaian: 14/07/2023 (dd/mm/yyyy) atau 2023-07-14.",
                helpEN: "Date of the service or visit: 14/07/2023 (dd/mm/yyyy) or 2023-07-14.", width: 12))
        var unit = Column(
            header: "Unit layanan", field: "unit", help: "Unit layanan: pilih dari daftar.",
            helpEN: "Service unit: pick it from the list.", width: 40)
        if let registry {
            let units = registry.units.filter { rubric.applies(to: $0.type) }
            let counts = Dictionary(grouping: units, by: \.name).mapValues(\.count)
            unit.table = units.map { (counts[$0.name, default: 0] > 1 ? "\($0.name) (\($0.id))" : $0.name, $0.id) }
            unit.choices = unit.table.map(\.label)
        } else {
            unit.help = "Kode unit layanan sesuai registri (misalnya 1471-disdukcapil)."
            unit.helpEN = "The unit's id in the registry (e.g. 1471-disdukcapil)."
        }
        list.append(unit)
        if period == nil {
            list.append(
                Column(
                    header: "Periode", field: "period",
                    help: "Periode: 2023, 2023-S1 (semester), 2023-Q2 (triwulan) atau 2023-07.",
                    helpEN: "Period: 2023, 2023-S1 (half year), 2023-Q2 (quarter) or 2023-07.", width: 10))
        }
        if survey {
            list.append(
                Column(
                    header: "Jenis layanan", field: "service", help: "Layanan yang diterima responden (boleh kosong).",
                    helpEN: "The service the respondent received (may be blank).", width: 20))
            // A respondent question answered from a list (its Indonesian labels).
            func picked(_ header: String, _ field: String, _ choices: [RespondentChoices.Choice], width: Double)
                -> Column
            {
                Column(
                    header: header, field: field, choices: choices.map { $0.label.text("id") },
                    help: "Pilih dari daftar.", helpEN: "Pick from the list.", width: width)
            }
            list.append(picked("Jenis kelamin", "gender", RespondentChoices.gender, width: 14))
            list.append(
                Column(
                    header: "Usia", field: "age", help: "Usia dalam tahun (angka).", helpEN: "Age in years (a number).",
                    width: 8))
            list.append(picked("Pendidikan", "education", RespondentChoices.education, width: 18))
            list.append(picked("Pekerjaan", "occupation", RespondentChoices.occupation, width: 18))
        } else {
            list.append(
                Column(
                    header: "Penilai", field: "assessor", help: "Nama penilai atau tim.", helpEN: "Assessor or team.",
                    width: 18))
        }
        for (i, ind) in rubric.indicators.enumerated() where (rubric.sourceOfIndicator[i] == .survey) == survey {
            var seen = Set<Double>()
            var choices = ind.levels.filter { seen.insert($0.value).inserted }.map { $0.label.text("id") }
            if ind.allowsNA { choices.append("Tidak berlaku") }
            let title = ind.title.text("id")
            list.append(
                Column(
                    header: "\(ind.id). \(title)", indicator: ind.id, choices: choices,
                    help:
                        "Pilih jawaban dari daftar (\(choices.count) pilihan); kosongkan bila tidak dijawab (tidak dihitung 0).",
                    helpEN: "Pick the answer from the list; leave blank when not answered (never counted as 0).",
                    width: survey ? 22 : 30))
        }
        if survey {
            list.append(
                Column(
                    header: "Saran", field: "comment", help: "Saran atau masukan responden (boleh kosong).",
                    helpEN: "The respondent's suggestions (may be blank).", width: 40))
        }
        return list
    }

    /// The workbook: `Respon`, `Petunjuk`, and the hidden `Daftar`.
    public var workbook: XLSXWorkbook {
        var response = XLSXWorkbook.Sheet(name: Self.responseSheet, rows: [columns.map(\.header)])
        response.header = true
        var lists = XLSXWorkbook.Sheet(name: Self.listSheet, rows: [])
        lists.hidden = true
        var listColumn = 0
        var listRows: [[String]] = []
        for (c, column) in columns.enumerated() {
            response.widths[c] = column.width
            guard !column.choices.isEmpty else { continue }
            for (r, choice) in column.choices.enumerated() {
                while listRows.count <= r { listRows.append([]) }
                while listRows[r].count < listColumn { listRows[r].append("") }
                listRows[r].append(choice)
            }
            let letters = SourceLocation.columnLetters(listColumn + 1)
            response.validations.append(
                XLSXWorkbook.Validation(
                    column: c, source: "\(Self.listSheet)!$\(letters)$1:$\(letters)$\(column.choices.count)",
                    lastRow: rows + 1,
                    prompt: nil))
            listColumn += 1
        }
        lists.rows = listRows
        var help = XLSXWorkbook.Sheet(name: Self.instructionSheet, rows: instructions.map { [$0] })
        help.widths[0] = 120
        return XLSXWorkbook(sheets: [response, help, lists])
    }

    /// The instruction sheet's lines.
    public var instructions: [String] {
        let title = rubric.title.text("id")
        var lines = [
            "Petunjuk pengisian: \(title)",
            survey
                ? "Satu baris untuk setiap responden, mulai baris 2 lembar \(Self.responseSheet). Jangan mengubah judul kolom di baris 1."
                : "Satu baris untuk setiap penilaian (satu unit, satu kunjungan), mulai baris 2 lembar \(Self.responseSheet). Jangan mengubah judul kolom di baris 1.",
            "Kolom dengan daftar pilihan: klik sel, lalu pilih dari daftar. Jawaban yang tidak ada di daftar akan ditolak saat impor dan disebut sel-nya (misalnya Respon!F17).",
            "Sel jawaban yang kosong berarti tidak dijawab: tidak dihitung sebagai 0.",
            period.map { "Periode untuk semua baris: \($0)." } ?? "Isi periode pada kolom Periode.",
            "",
            "Kolom:"
        ]
        for (i, c) in columns.enumerated() {
            lines.append("\(SourceLocation.columnLetters(i + 1)) — \(c.header): \(c.help)")
        }
        lines += [
            "",
            "Setelah diisi (atau diunduh dari Google Sheets sebagai .xlsx atau .csv), impor dan hitung:",
            "patuh import sheet BERKAS.xlsx --map BERKAS.map.xml --out HASIL",
            "patuh score --rubric \(rubric.id) HASIL REGISTRI.xml --out SKOR",
            "",
            "English: one row per \(survey ? "respondent" : "assessment") from row 2 of sheet \(Self.responseSheet); keep the headers of row 1; pick answers from the drop-down lists; a blank answer is not answered (never 0). Import with the map written beside this workbook."
        ]
        for (i, c) in columns.enumerated() {
            lines.append("\(SourceLocation.columnLetters(i + 1)) — \(c.header): \(c.helpEN)")
        }
        return lines
    }

    /// The sheet map (XML, `sheetmap.xsd`) that imports a filled copy.
    public var map: String {
        func a(_ s: String) -> String { XMLText.escaped(s, in: .attribute) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<!-- Written by patuh template for rubric \(XMLText.comment(rubric.id)): imports a filled copy of the template. -->\n"
        out +=
            "<sheetmap xmlns=\"urn:patuh:1\" id=\"\(a(mapID))\" rubric=\"\(a(rubric.id))\" kind=\"\(survey ? "survey" : "assessment")\" sheet=\"\(Self.responseSheet)\">\n"
        out += "  <title>\(XMLText.escaped(rubric.title.text("id")))</title>\n"
        for c in columns {
            var attributes = c.indicator.map { " indicator=\"\(a($0))\"" } ?? " field=\"\(a(c.field ?? "ignore"))\""
            if !c.table.isEmpty { attributes += " values=\"\(a(c.field ?? "t"))\"" }
            out += "  <column\(attributes)><header>\(XMLText.escaped(c.header))</header></column>\n"
        }
        if let period { out += "  <constant field=\"period\" value=\"\(a(period))\"/>\n" }
        out +=
            "  <date-format>dd/mm/yyyy</date-format>\n  <date-format>yyyy-mm-dd</date-format>\n  <date-format>d mmmm yyyy</date-format>\n"
        for c in columns where !c.table.isEmpty {
            out += "  <values id=\"\(a(c.field ?? "t"))\">\n"
            for row in c.table { out += "    <value label=\"\(a(row.label))\" to=\"\(a(row.value))\"/>\n" }
            out += "  </values>\n"
        }
        return out + "</sheetmap>\n"
    }
}
