import Foundation
import PatuhCore
import PatuhFormats
import PatuhTestSupport
import PatuhXML
import Testing

/// Acceptance 5: hostile spreadsheets are refused with a clear message (the end-to-end run,
/// with nothing written outside --out, is in patuhTests' HostileSheetCommandTests).
@Suite struct HostileSheetTests {
    func problems(_ entries: [(String, Data, Bool)]) throws -> [String] {
        let file = try scratchDirectory().appendingPathComponent("hostile.xlsx")
        try HostileWorkbooks.write(file, entries)
        var rows = 0
        let problems = XLSXSheet(path: file.path).read { _ in
            rows += 1
            return true
        }
        #expect(rows == 0)
        return problems.map(\.description)
    }

    /// 16 MB of empty rows packed to about 16 KB: more than 8 MB at more than 200 times the
    /// packed size, refused from what the archive declares before anything is inflated (an
    /// archive that lies is stopped as the bytes come out, once 8 MB are out).
    @Test func zipBomb() throws {
        let found = try problems([("xl/worksheets/sheet1.xml", HostileWorkbooks.bomb(megabytes: 16), true)])
        #expect(found.count == 1)
        #expect(
            found.first?.hasSuffix(
                "error: 'xl/worksheets/sheet1.xml' inside the archive inflates to more than 200 times its size: refused (a zip bomb?)"
            ) == true, "\(found)")
    }

    @Test(arguments: ["../../evil.xml", "xl/../../../tmp/evil.xml", "/etc/evil.xml"])
    func zipSlipEntryName(_ name: String) throws {
        let found = try problems([(name, Data("<x/>".utf8), true)])
        #expect(found.count == 1)
        #expect(
            found.first?.hasSuffix(
                "error: an entry of the archive is named '\(name)', a path out of the archive (zip-slip): refused")
                == true, "\(found)")
    }

    /// A DOCTYPE (here the classic external entity reading a local file) stops the parse at once.
    @Test func doctypeInTheSheet() throws {
        let xml =
            "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&x;</t></is></c></row></sheetData></worksheet>"
        let found = try problems([("xl/worksheets/sheet1.xml", Data(xml.utf8), true)])
        #expect(
            found.contains {
                $0.contains("xl/worksheets/sheet1.xml:1:") && $0.hasSuffix("error: \(XMLLimits.doctypeMessage)")
            }, "\(found)")
        #expect(!found.joined().contains("root:"))
    }

    @Test func doctypeInTheWorkbook() throws {
        let xml =
            "<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]><workbook/>"
        let found = try problems([("xl/workbook.xml", Data(xml.utf8), true)])
        #expect(
            found.contains { $0.contains("xl/workbook.xml:1:") && $0.hasSuffix(XMLLimits.doctypeMessage) }, "\(found)")
    }

    /// 100 MB in one shared string, stored (not compressed, so no zip-bomb check applies): the
    /// parse stops at 1 MB of text in one element.
    @Test func hundredMegabyteSharedString() throws {
        let found = try problems([("xl/sharedStrings.xml", HostileWorkbooks.hugeSharedString(megabytes: 100), false)])
        #expect(found.count == 1)
        #expect(found.first?.contains("xl/sharedStrings.xml:1:") == true)
        #expect(found.first?.hasSuffix("error: text longer than 1 MB in one element") == true, "\(found)")
    }

    @Test func notAZipAtAll() throws {
        let file = try scratchDirectory().appendingPathComponent("fake.xlsx")
        try Data("Cap waktu,U1\n".utf8).write(to: file)
        let found = XLSXSheet(path: file.path).read { _ in true }.map(\.message)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("not a readable .xlsx file:") == true, "\(found)")
    }
}
