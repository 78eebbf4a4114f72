import Foundation
import PatuhReport
import Testing

/// `OutputDirectory.write(tables:dialect:)`: tables in parts are encoded side by side and
/// written in order. Expected files are spelled out by hand: a header line, then one line
/// per item, CRLF ends.
@Suite struct CSVFilesTests {
    @Test func partsAreWrittenInOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("csvfiles-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        // 25 items two a part: 13 parts, more than the 3 in flight at once.
        let big = CSVTable(header: ["id"], count: 25, perPart: 2) { range, emit in
            for i in range { emit([.text("r\(i)")]) }
        }
        let small = CSVTable(header: ["a", "b"], rows: [[.integer(1), .text("x,y")]])
        try OutputDirectory(path: folder.path).write(
            tables: [("small.csv", small), ("big.csv", big)], dialect: .standard, partsInFlight: 3)
        let bigText = try String(contentsOf: folder.appendingPathComponent("big.csv"), encoding: .utf8)
        #expect(bigText == "id\r\n" + (0..<25).map { "r\($0)\r\n" }.joined())
        let smallText = try String(contentsOf: folder.appendingPathComponent("small.csv"), encoding: .utf8)
        #expect(smallText == "a,b\r\n1,\"x,y\"\r\n")
        // Nothing but the two files: no temporary left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["big.csv", "small.csv"])
    }
}
