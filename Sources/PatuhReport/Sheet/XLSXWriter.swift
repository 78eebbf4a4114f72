import Foundation
import PatuhCore
import ZIPFoundation

/// A small workbook written as Office Open XML parts and zipped: text cells (inline
/// strings), a bold frozen header row, column widths, drop-down lists (data validation
/// against a range of another sheet), hidden sheets. Enough for an entry template that
/// Excel, LibreOffice and Google Sheets open.
public struct XLSXWorkbook: Sendable {
    /// A drop-down list on a column: the cells from row 2 to `lastRow` take their value
    /// from `source` (`Daftar!$A$1:$A$4`).
    public struct Validation: Sendable {
        public var column: Int
        public var source: String
        public var lastRow: Int
        public var prompt: String?
    }

    public struct Sheet: Sendable {
        public var name: String
        public var rows: [[String]]
        public var widths: [Int: Double] = [:]
        public var validations: [Validation] = []
        public var hidden = false
        /// Whether the first row is a bold header kept in view.
        public var header = false

        public init(name: String, rows: [[String]]) {
            self.name = name
            self.rows = rows
        }
    }

    public var sheets: [Sheet]

    public init(sheets: [Sheet]) { self.sheets = sheets }

    /// Writes the workbook to `path` (a temporary file beside it, renamed when whole).
    public func write(to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try? FileManager.default.removeItem(at: temporary)
        do {
            let archive = try Archive(url: temporary, accessMode: .create)
            for (name, text) in parts() {
                let data = Data(text.utf8)
                try archive.addEntry(
                    with: name, type: .file, uncompressedSize: Int64(data.count),
                    modificationDate: Date(timeIntervalSince1970: 1_704_067_200), compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
                }
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        guard rename(temporary.path, path) == 0 else {
            let failure = OutputError(path: path, what: "cannot rename into")
            try? FileManager.default.removeItem(at: temporary)
            throw failure
        }
    }

    /// Every part's name and text, in the order they are zipped.
    func parts() -> [(String, String)] {
        let decl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var parts: [(String, String)] = []
        var types =
            decl + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for i in sheets.indices {
            types +=
                "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        parts.append(("[Content_Types].xml", types + "</Types>"))
        parts.append(
            (
                "_rels/.rels",
                decl + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
            ))
        var book =
            decl
            + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        var rels = decl + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for (i, sheet) in sheets.enumerated() {
            book +=
                "<sheet name=\(quoted(sheet.name)) sheetId=\"\(i + 1)\"" + (sheet.hidden ? " state=\"hidden\"" : "")
                + " r:id=\"rId\(i + 1)\"/>"
            rels +=
                "<Relationship Id=\"rId\(i + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        parts.append(("xl/workbook.xml", book + "</sheets></workbook>"))
        rels += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/>"
        parts.append(("xl/_rels/workbook.xml.rels", rels + "</Relationships>"))
        // Style 0: plain; 1: bold, wrapped (headers); 2: wrapped text.
        parts.append(
            (
                "xl/styles.xml",
                decl + "<styleSheet xmlns=\"\(main)\">"
                    + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
                    + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
                    + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
                    + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                    + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                    + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment wrapText=\"1\" vertical=\"top\"/></xf>"
                    + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment wrapText=\"1\" vertical=\"top\"/></xf></cellXfs>"
                    + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
            ))
        for (i, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(i + 1).xml", worksheet(sheet, main: main)))
        }
        return parts
    }

    private func worksheet(_ sheet: Sheet, main: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"\(main)\">"
        if sheet.header {
            out +=
                "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        }
        if !sheet.widths.isEmpty {
            out += "<cols>"
            for (c, w) in sheet.widths.sorted(by: { $0.key < $1.key }) {
                out += "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(w)\" customWidth=\"1\"/>"
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            out += "<row r=\"\(r + 1)\">"
            for (c, text) in row.enumerated() where !text.isEmpty {
                let style = sheet.header && r == 0 ? " s=\"1\"" : (text.count > 60 ? " s=\"2\"" : "")
                out +=
                    "<c r=\"\(SourceLocation.columnLetters(c + 1))\(r + 1)\" t=\"inlineStr\"\(style)><is><t xml:space=\"preserve\">"
                    + XMLText.escaped(text) + "</t></is></c>"
            }
            out += "</row>"
        }
        out += "</sheetData>"
        if !sheet.validations.isEmpty {
            out += "<dataValidations count=\"\(sheet.validations.count)\">"
            for v in sheet.validations {
                let col = SourceLocation.columnLetters(v.column + 1)
                out +=
                    "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\""
                    + (v.prompt.map { " prompt=\(quoted(String($0.prefix(250))))" } ?? "")
                    + " sqref=\"\(col)2:\(col)\(v.lastRow)\"><formula1>\(XMLText.escaped(v.source))</formula1></dataValidation>"
            }
            out += "</dataValidations>"
        }
        return out
            + "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>"
    }

    private func quoted(_ text: String) -> String { "\"" + XMLText.escaped(text, in: .attribute) + "\"" }
}
