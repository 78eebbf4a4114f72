import Foundation
import ZIPFoundation

/// `patuh bench --sheets`: `patuh import sheet` on generated spreadsheets of 1,000 and of
/// 1,000,000 CSV rows and 1,000 and 200,000 XLSX rows, each import a child process, its
/// peak resident memory from the kernel: the memory must not grow with the rows.
struct SheetBench {
    var work: String
    var csvRows = [1_000, 1_000_000]
    var xlsxRows = [1_000, 200_000]

    /// The nine SKM labels of U1 (the others are answered as numbers), as a Google Form writes them.
    static let labels = ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]

    func run(me: String) throws {
        let dir = (work as NSString).appendingPathComponent("sheets")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let registry = (dir as NSString).appendingPathComponent("registry.xml")
        try Data(
            """
            <registry xmlns="urn:patuh:1"><region code="14" level="provinsi" name="Provinsi Riau">
            <unit id="14-dpmptsp" type="opd" name="DPMPTSP Provinsi Riau"/><unit id="14-dinkes" type="opd" name="Dinas Kesehatan Provinsi Riau"/>
            </region></registry>
            """.utf8
        ).write(to: URL(fileURLWithPath: registry))
        let map = (dir as NSString).appendingPathComponent("bench.map.xml")
        var columns =
            "<column field=\"timestamp\"><header>Cap waktu</header></column><column field=\"unit\"><header>Unit layanan</header></column>"
        for u in 1...9 { columns += "<column indicator=\"U\(u)\"><header>\(u). Unsur \(u)</header></column>" }
        try Data(
            """
            <sheetmap xmlns="urn:patuh:1" id="bench" rubric="skm-2017">\(columns)
            <period-from-date by="semester"/><date-format>dd/mm/yyyy</date-format></sheetmap>
            """.utf8
        ).write(to: URL(fileURLWithPath: map))

        var lines: [String] = [
            "| file | rows | MB | wall s | rows/s | peak MB | peak − 1,000-row peak |", "|---|---|---|---|---|---|---|"
        ]
        for (kind, counts) in [("csv", csvRows), ("xlsx", xlsxRows)] {
            var base: Double?
            for n in counts {
                let file = (dir as NSString).appendingPathComponent("skm-\(n).\(kind)")
                if !FileManager.default.fileExists(atPath: file) {
                    Console.error("writing \(file)")
                    if kind == "csv" { try writeCSV(file, rows: n) } else { try writeXLSX(file, rows: n) }
                }
                let out = (dir as NSString).appendingPathComponent("out-\(kind)-\(n)")
                let run = try ChildProcess.run([
                    me, "import", "sheet", file, "--map", map, "--registry", registry, "--out", out, "-q"
                ])
                guard run.status == 0, run.stderr.contains("\(n) imported") else {
                    throw BenchError("import of \(file) failed (\(run.status)): \(run.stderr.suffix(1000))")
                }
                let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
                base = base ?? run.peakMB
                lines.append(
                    String(
                        format: "| %@ | %@ | %.1f | %.2f | %@ | %.1f | %+.1f |", "\(kind)", Self.grouped(n),
                        Double(size ?? 0) / 1_048_576, run.seconds,
                        Self.grouped(Int(Double(n) / max(run.seconds, 0.001))),
                        run.peakMB, run.peakMB - (base ?? 0)))
                try? FileManager.default.removeItem(atPath: out)
            }
        }
        print(lines.joined(separator: "\n"))
    }

    /// The answers of row `i`, varied but fixed.
    static func answers(_ i: Int) -> [Int] { (0..<9).map { 1 + ((i &* 7 &+ $0 &* 13 &+ i / 5) % 4) } }

    static func timestamp(_ i: Int) -> String {
        // One a minute from 1 January 2023 on: every row has a timestamp of its own.
        let day = i / 1440
        let minute = i % 1440
        let month = 1 + (day / 28) % 12
        let dayOfMonth = 1 + day % 28
        return String(
            format: "%02d/%02d/%d %02d:%02d:00", dayOfMonth, month, 2023 + day / 336, minute / 60, minute % 60)
    }

    private func writeCSV(_ path: String, rows: Int) throws {
        guard
            let out = FileHandle(forWritingAtPath: path)
                ?? {
                    FileManager.default.createFile(atPath: path, contents: nil)
                    return FileHandle(forWritingAtPath: path)
                }()
        else { throw BenchError("cannot write \(path)") }
        defer { try? out.close() }
        var text = "Cap waktu,Unit layanan," + (1...9).map { "\($0). Unsur \($0)" }.joined(separator: ",") + "\r\n"
        for i in 0..<rows {
            let a = Self.answers(i)
            text +=
                Self.timestamp(i) + "," + (i % 2 == 0 ? "14-dpmptsp" : "14-dinkes") + ","
                + Self.labels[a[0] - 1] + "," + a.dropFirst().map(String.init).joined(separator: ",") + "\r\n"
            if text.utf8.count > 1 << 20 {
                out.write(Data(text.utf8))
                text = ""
            }
        }
        out.write(Data(text.utf8))
    }

    /// As spreadsheet programs write them: labels and units as shared strings, answers as numbers.
    private func writeXLSX(_ path: String, rows: Int) throws {
        let strings =
            ["Cap waktu", "Unit layanan"] + (1...9).map { "\($0). Unsur \($0)" } + ["14-dpmptsp", "14-dinkes"]
            + Self.labels
        let sheetPath = path + ".sheet.xml"
        FileManager.default.createFile(atPath: sheetPath, contents: nil)
        guard let sheet = FileHandle(forWritingAtPath: sheetPath) else { throw BenchError("cannot write \(sheetPath)") }
        var text =
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
        let letters = (0..<11).map { String(UnicodeScalar(UInt8(65 + $0))) }
        for c in 0..<11 { text += "<c r=\"\(letters[c])1\" t=\"s\"><v>\(c)</v></c>" }
        text += "</row>"
        for i in 0..<rows {
            let r = i + 2
            let a = Self.answers(i)
            text +=
                "<row r=\"\(r)\"><c r=\"A\(r)\" t=\"inlineStr\"><is><t>\(Self.timestamp(i))</t></is></c><c r=\"B\(r)\" t=\"s\"><v>\(i % 2 == 0 ? 11 : 12)</v></c>"
                + "<c r=\"C\(r)\" t=\"s\"><v>\(12 + a[0])</v></c>"
            for k in 1..<9 { text += "<c r=\"\(letters[k + 2])\(r)\"><v>\(a[k])</v></c>" }
            text += "</row>"
            if text.utf8.count > 1 << 20 {
                sheet.write(Data(text.utf8))
                text = ""
            }
        }
        sheet.write(Data((text + "</sheetData></worksheet>").utf8))
        try sheet.close()
        defer { unlink(sheetPath) }
        var sst =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        for s in strings { sst += "<si><t>\(s)</t></si>" }
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let parts: [(String, String)] = [
            (
                "[Content_Types].xml",
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"
            ),
            (
                "xl/workbook.xml",
                "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><sheets><sheet name=\"Form Responses 1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            ),
            (
                "xl/_rels/workbook.xml.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
            ),
            ("xl/sharedStrings.xml", sst + "</sst>")
        ]
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
            }
        }
        let size = (try FileManager.default.attributesOfItem(atPath: sheetPath)[.size] as? Int) ?? 0
        guard let input = FileHandle(forReadingAtPath: sheetPath) else { throw BenchError("cannot read \(sheetPath)") }
        defer { try? input.close() }
        try archive.addEntry(
            with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate
        ) { position, chunk in
            try input.seek(toOffset: UInt64(position))
            return try input.read(upToCount: chunk) ?? Data()
        }
    }

    static func grouped(_ n: Int) -> String {
        let f = NumberFormatter()
        f.numberStyle = .decimal
        f.groupingSeparator = ","
        return f.string(from: NSNumber(value: n)) ?? String(n)
    }
}
