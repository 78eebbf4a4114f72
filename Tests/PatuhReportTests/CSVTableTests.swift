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

    @Test func fixedDecimalsAsDecimalFormatSpellsThem() {
        // Four decimals, half away from zero: 0.00005 is 0.5 ten-thousandths and rounds up to
        // 0.0001; -0.00004 rounds to 0 and so has no sign; 0.0123 keeps its leading zero in the
        // fraction; 12.3456789 to three decimals is 12.346; 10^12 is past the byte path and
        // comes from DecimalFormat.fixed: 1000000000000.0000.
        let row: [CSVCell] = [
            .number(0.5, decimals: 4), .number(0.00005, decimals: 4), .number(-0.00004, decimals: 4),
            .number(-0.25, decimals: 4), .number(0.0123, decimals: 4), .number(12.3456789, decimals: 3),
            .number(1e12, decimals: 4), .number(nil, decimals: 4)
        ]
        let table = CSVTable(header: ["x"], rows: [row])
        #expect(
            table.encoded(.standard) == "x\r\n0.5000,0.0001,0.0000,-0.2500,0.0123,12.346,1000000000000.0000,\r\n")
        #expect(
            table.encoded(.excelID) == "\u{FEFF}x\r\n0,5000;0,0001;0,0000;-0,2500;0,0123;12,346;1000000000000,0000;\r\n"
        )
    }

    @Test func partsJoinToTheWholeFile() throws {
        // Ten items three a part: parts 0..<3, 3..<6, 6..<9 and 9..<10.
        let table = CSVTable(header: ["n"], count: 10, perPart: 3) { range, emit in
            for i in range { emit([.integer(i)]) }
        }
        #expect(table.parts == 4)
        #expect(String(decoding: table.encoded(part: 3, .standard), as: UTF8.self) == "9\r\n")
        // The header and the BOM come with part 0 only.
        let joined = (0..<4).flatMap { table.encoded(part: $0, .excelID) }
        var written: [UInt8] = []
        try table.write(.excelID, bytes: { written += $0 })
        #expect(joined == written)
        #expect(
            String(decoding: joined, as: UTF8.self)
                == "\u{FEFF}n\r\n0\r\n1\r\n2\r\n3\r\n4\r\n5\r\n6\r\n7\r\n8\r\n9\r\n")
    }

    @Test func anEmptyTableInPartsIsItsHeader() {
        let table = CSVTable(header: ["n"], count: 0, perPart: 3) { range, emit in
            for i in range { emit([.integer(i)]) }
        }
        #expect(table.parts == 1)
        #expect(table.encoded(.standard) == "n\r\n")
    }
}
