import Foundation
import PatuhTestSupport
import Testing

/// Acceptance 5 end to end: `patuh import sheet` refuses hostile workbooks, says why, exits 1,
/// and writes nothing outside --out (and no survey file inside it).
@Suite struct HostileSheetCommandTests {
    @Test(arguments: ["zip-slip", "bomb", "doctype", "shared-string"])
    func refusedAndNothingWrittenOutside(_ kind: String) throws {
        let dir = try scratchDirectory()
        let work = dir.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let file = work.appendingPathComponent("hostile.xlsx")
        let expected: String
        switch kind {
        case "zip-slip":
            try HostileWorkbooks.write(file, [("../../evil.xml", Data("<x/>".utf8), true)])
            expected = "a path out of the archive (zip-slip): refused"
        case "bomb":
            try HostileWorkbooks.write(file, [("xl/worksheets/sheet1.xml", HostileWorkbooks.bomb(megabytes: 16), true)])
            expected = "refused (a zip bomb?)"
        case "doctype":
            try HostileWorkbooks.write(
                file,
                [
                    (
                        "xl/worksheets/sheet1.xml",
                        Data("<!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><worksheet/>".utf8), true
                    )
                ])
            expected = "DOCTYPE declarations are not allowed"
        default:
            try HostileWorkbooks.write(
                file, [("xl/sharedStrings.xml", HostileWorkbooks.hugeSharedString(megabytes: 100), false)])
            expected = "text longer than 1 MB in one element"
        }
        let map = sheetFixtures.appendingPathComponent("numbers.map.xml").path
        let out = work.appendingPathComponent("out")
        let run = try patuh(["import", "sheet", file.path, "--map", map, "--out", out.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains(expected), "\(run.stderr)")
        #expect(run.stderr.contains("0 imported"))
        // Nothing outside --out: the folder holds only the workbook and out/ itself.
        let everything = FileManager.default.enumerator(atPath: dir.path)?.allObjects as? [String] ?? []
        #expect(everything.filter { !$0.hasPrefix("a/b/out") }.sorted() == ["a", "a/b", "a/b/hostile.xlsx"])
        // And no survey file inside it.
        let inside = FileManager.default.enumerator(atPath: out.path)?.allObjects as? [String] ?? []
        #expect(!inside.contains { $0.hasSuffix(".xml") })
    }
}
