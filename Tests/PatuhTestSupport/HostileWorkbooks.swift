import Foundation
import ZIPFoundation

/// Hostile .xlsx files, made at run time (a 100 MB one is not committed).
public enum HostileWorkbooks {
    /// An .xlsx of `entries` (part name, bytes, compressed or stored), with the workbook
    /// parts a reader needs added unless `entries` has its own.
    public static func write(_ url: URL, _ entries: [(String, Data, Bool)]) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        var all = entries
        let names = Set(entries.map(\.0))
        let skeleton: [(String, String)] = [
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            (
                "xl/workbook.xml",
                "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Respon\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            ),
            (
                "xl/_rels/workbook.xml.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
            ),
            ("xl/worksheets/sheet1.xml", sheet([["Tanggal", "Unit", "U1"], ["14/02/2023", "14-dpmptsp", "4"]]))
        ]
        for (name, text) in skeleton where !names.contains(name) { all.append((name, Data(text.utf8), true)) }
        for (name, data, compressed) in all {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count),
                compressionMethod: compressed ? .deflate : .none
            ) { position, size in
                data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
            }
        }
    }

    /// A worksheet of inline strings.
    public static func sheet(_ rows: [[String]]) -> String {
        var out = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        for (r, row) in rows.enumerated() {
            out += "<row r=\"\(r + 1)\">"
            for (c, text) in row.enumerated() {
                let col = String(UnicodeScalar(UInt8(65 + c)))
                out += "<c r=\"\(col)\(r + 1)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
            }
            out += "</row>"
        }
        return out + "</sheetData></worksheet>"
    }

    /// A sheet part of `megabytes` MB, nearly all empty rows (`<row/>`, well-formed, so only
    /// the size gives it away): deflate packs it about 1000 to 1.
    public static func bomb(megabytes: Int) -> Data {
        var data = Data(
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>".utf8)
        let row = Array("<row/>".utf8)
        var rows = [UInt8]()
        rows.reserveCapacity(megabytes << 20)
        while rows.count + row.count <= megabytes << 20 { rows += row }
        data.append(contentsOf: rows)
        data.append(Data("</sheetData></worksheet>".utf8))
        return data
    }

    /// A shared-strings part holding one string of `megabytes` MB.
    public static func hugeSharedString(megabytes: Int) -> Data {
        var data = Data(
            "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>"
                .utf8)
        data.append(Data(repeating: UInt8(ascii: "a"), count: megabytes << 20))
        data.append(Data("</t></si></sst>".utf8))
        return data
    }
}
