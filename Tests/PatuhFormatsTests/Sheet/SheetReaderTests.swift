import Foundation
import PatuhCore
import PatuhFormats
import Testing

let sheetFixtures = fixtures.appendingPathComponent("sheets")

/// Every row of a sheet source.
func rows(of source: SheetSource) -> (rows: [SheetRow], problems: [Diagnostic]) {
    var rows: [SheetRow] = []
    let problems = source.read {
        rows.append($0)
        return true
    }
    return (rows, problems)
}

@Suite struct SheetReaderTests {
    @Test func csvQuotingSemicolonsBOMAndLineEnds() throws {
        let dir = try scratchDirectory()
        let file = dir.appendingPathComponent("x.csv")
        // BOM, `;` between fields, a quoted field with `;`, doubled quotes and a line break, CRLF.
        let text = "\u{FEFF}a;b;c\r\n1;\"x; \"\"y\"\"\r\nz\";3\r\n4;;\n"
        try Data(text.utf8).write(to: file)
        let (read, problems) = rows(of: CSVSheet(path: file.path))
        #expect(problems.isEmpty)
        #expect(read.map(\.cells) == [["a", "b", "c"], ["1", "x; \"y\"\r\nz", "3"], ["4", "", ""]])
        #expect(read.map(\.number) == [1, 2, 3])
    }

    @Test func csvCommaWinsWhenTheHeaderHasMoreCommas() throws {
        let dir = try scratchDirectory()
        let file = dir.appendingPathComponent("x.csv")
        try Data("Cap waktu,Saran\n01/02/2023,\"a; b\"".utf8).write(to: file)
        let (read, _) = rows(of: CSVSheet(path: file.path))
        #expect(read.map(\.cells) == [["Cap waktu", "Saran"], ["01/02/2023", "a; b"]])
    }

    /// openpyxl writes shared strings and numbers; the first respondent's U1 label was typed
    /// in capitals (see scripts/make-sheet-fixtures.py).
    @Test func xlsxFromOpenpyxl() throws {
        let (read, problems) = rows(
            of: XLSXSheet(path: sheetFixtures.appendingPathComponent("labels-openpyxl.xlsx").path))
        #expect(problems.isEmpty)
        #expect(read.count == 5)
        #expect(read[0][0] == "Timestamp")
        #expect(read[1][2] == "SANGAT SESUAI")
        #expect(read[1][1] == "DPMPTSP Provinsi Riau")
    }

    /// LibreOffice stores the numbers as numbers and leaves the blank U3 of row 5 out.
    @Test func xlsxFromLibreOffice() throws {
        let sheet = XLSXSheet(path: sheetFixtures.appendingPathComponent("numbers-libreoffice.xlsx").path)
        let (read, problems) = rows(of: sheet)
        #expect(problems.isEmpty)
        #expect(read[1].cells.dropFirst(2) == ["4", "4", "3", "4", "3", "3", "4", "3", "4"])
        #expect(read[4][4] == "")
        #expect(try sheet.sheetNames() == ["numbers-libreoffice"])
        #expect(sheet.resolvedCellPrefix() == "numbers-libreoffice.xlsx:numbers-libreoffice!")
    }

    @Test func aSheetThatIsNotThereIsNamed() {
        let sheet = XLSXSheet(path: sheetFixtures.appendingPathComponent("bad-rows.xlsx").path, sheet: "Jawaban")
        let (_, problems) = rows(of: sheet)
        #expect(problems.map(\.message) == ["no sheet named 'Jawaban' (there are: Respon)"])
    }

    @Test(arguments: [
        (
            "1. Bagaimana pendapat Saudara  tentang kesesuaian persyaratan?",
            "bagaimana pendapat saudara tentang kesesuaian persyaratan?"
        ),
        ("  U4. Biaya/Tarif *", "biaya/tarif"),
        ("(3) Waktu", "waktu"),
        ("No. 12 - Saran:", "saran"),
        ("Cap\u{00A0}waktu", "cap waktu")
    ])
    func headersMatchWithoutNumberingOrSpacing(_ header: String, _ key: String) {
        #expect(SheetText.header(header) == key)
    }

    @Test(arguments: [
        ("14/02/2023 10:15:00", ["dd/mm/yyyy"], "2023-02-14"),
        ("2023-07-14", [], "2023-07-14"),
        ("14 Juli 2023", ["d mmmm yyyy"], "2023-07-14"),
        ("3 Agustus 2023", ["d mmmm yyyy"], "2023-08-03"),
        ("3 Agu 2023", ["d mmm yyyy"], "2023-08-03"),
        ("14 July 2023", ["d mmmm yyyy"], "2023-07-14"),
        // Excel's serial day 45121 is 2023-07-14 (45,121 − 1 for its 29 Feb 1900, counted from 1899-12-31).
        ("45121.4375", [], "2023-07-14")
    ])
    func datesAsSheetsWriteThem(_ text: String, _ formats: [String], _ iso: String) {
        #expect(SheetDates(formats: formats).parse(text) == iso)
    }

    @Test(arguments: ["31/02/2023", "14/13/2023", "kemarin", "2023-02"])
    func notDates(_ text: String) {
        #expect(SheetDates(formats: ["dd/mm/yyyy", "yyyy-mm-dd"]).parse(text) == nil)
    }

    @Test func cellLocationsPrintAsSpreadsheetsName() {
        #expect(SourceLocation.cell("skm.xlsx:Respon!", row: 17, column: 6).description == "skm.xlsx:Respon!F17")
        #expect(SourceLocation.cell("g.csv:", row: 2, column: 28).description == "g.csv:AB2")
        // Cells of one row sort by column, before the next row's.
        #expect(SourceLocation.cell("f:", row: 3, column: 1) < SourceLocation.cell("f:", row: 3, column: 2))
        #expect(SourceLocation.cell("f:", row: 3, column: 9) < SourceLocation.cell("f:", row: 4, column: 1))
    }
}
