import PatuhCore
import PatuhReport
import Testing

/// The CSV encoder, cell by cell. Every expected line is written out by hand from RFC 4180
/// (quote a field holding the separator, a quote or a line break; double its quotes), the
/// OWASP advice on formula-like text (a leading `'`), and the contract's dialects.
@Suite struct CSVTableTests {
    let cells: [CSVCell] = [
        .text("plain"), .text(nil), .text("a,b"), .text("say \"hi\""), .text("two\nlines"),
        .text("=1+1"), .text("-5 poin"), .text("@x;y"), .integer(-42), .integer(nil), .integer(0),
        .score(80.995), .score(-0.004), .score(nil), .number(0.1111115, decimals: 6), .text("Kantor Café")
    ]

    @Test func standardDialect() {
        let table = CSVTable(header: ["name", "score,raw"], rows: [cells])
        // 80.995 is taken to be the half and rounds away from zero (Rounding.cents); -0.004
        // rounds to 0 cents and so has no sign; 0.1111115 to 6 decimals is 0.111112.
        #expect(
            table.encoded(.standard) == "name,\"score,raw\"\r\n"
                + "plain,,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",'=1+1,'-5 poin,'@x;y,-42,,0,81.00,0.00,,0.111112,Kantor Café\r\n"
        )
    }

    @Test func excelIndonesianDialect() {
        let table = CSVTable(header: ["name", "score,raw"], rows: [cells])
        // BOM first; ';' separates, so "a,b" needs no quotes and "@x;y" does; decimal comma.
        #expect(
            table.encoded(.excelID) == "\u{FEFF}name;score,raw\r\n"
                + "plain;;a,b;\"say \"\"hi\"\"\";\"two\nlines\";'=1+1;'-5 poin;\"'@x;y\";-42;;0;81,00;0,00;;0,111112;Kantor Café\r\n"
        )
    }

    @Test func bytesComeInBlocksOfWholeLines() throws {
        // 20,000 rows of 11 bytes ("row-12345\r\n") are 220,000 bytes: more than one 64 KB
        // block, and every block must end where a line ends.
        let table = CSVTable(header: ["id"]) { emit in
            for i in 0..<20_000 { emit([.text("row-\(10_000 + i)")]) }
        }
        var blocks: [[UInt8]] = []
        try table.write(.standard, bytes: { blocks.append(Array($0)) })
        #expect(blocks.count > 1)
        #expect(blocks.allSatisfy { $0.suffix(2) == [13, 10] })
        let all = blocks.flatMap { $0 }
        #expect(all.count == 4 + 20_000 * 11)
        #expect(String(decoding: all, as: UTF8.self) == table.encoded(.standard))
    }

    @Test func aFailingSinkStopsTheWrite() {
        struct Full: Error {}
        let table = CSVTable(header: ["id"]) { emit in
            for i in 0..<100_000 { emit([.integer(i)]) }
        }
        var calls = 0
        #expect(throws: Full.self) {
            try table.write(
                .standard,
                bytes: { _ in
                    calls += 1
                    throw Full()
                })
        }
        #expect(calls == 1)
    }
}
