import Foundation
import PatuhCore
import Testing

/// The contract's lexical rules, written once over bytes (`ContractText`): strings and bytes
/// give the same verdict, the published patterns say what the functions do, and FNV-1a has
/// its published values.
@Suite struct ContractTextTests {
    static let ids = [
        "9971-disdukcapil", "a", "A.b_c-d", "0b8e2f6a-1c2d-4e5f-8a9b-0c1d2e3f4a51", "-x", ".a", "", "a b",
        "uuid:0b8e", "é", "a\u{301}", String(repeating: "a", count: 128), String(repeating: "a", count: 129)
    ]
    static let periods = [
        "2023", "2023-S1", "2023-Q2-b", "23", "2023-", "2023 S1", "2023--S1", "20231", "2023-é",
        "abcd", "2023-" + String(repeating: "x", count: 27), "2023-" + String(repeating: "x", count: 28)
    ]

    /// The patterns the XForm and the data package publish agree with the functions on every
    /// case above (the length limits are separate facets, so only the short cases count).
    @Test func patternsAgreeWithTheRules() throws {
        let id = try NSRegularExpression(pattern: "^" + ContractText.idPattern + "$")
        let period = try NSRegularExpression(pattern: "^" + ContractText.periodPattern + "$")
        func matches(_ r: NSRegularExpression, _ s: String) -> Bool {
            r.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
        }
        for s in Self.ids where s.utf8.count <= ContractText.maxIDLength {
            #expect(matches(id, s) == ContractText.isID(s), "\(s)")
        }
        for s in Self.periods where s.utf8.count <= ContractText.maxPeriodLength {
            #expect(matches(period, s) == ContractText.isPeriod(s), "\(s)")
        }
        // The XForm's and data package's spellings, as they were written by hand before.
        #expect(ContractText.idPattern == "[A-Za-z0-9][A-Za-z0-9._-]*")
        #expect(ContractText.periodPattern == "[0-9]{4}(-[A-Za-z0-9]+)*")
    }

    @Test func idsAndPeriods() {
        let goodIDs = Set([
            "9971-disdukcapil", "a", "A.b_c-d", "0b8e2f6a-1c2d-4e5f-8a9b-0c1d2e3f4a51",
            String(repeating: "a", count: 128)
        ])
        for s in Self.ids { #expect(ContractText.isID(s) == goodIDs.contains(s), "\(s)") }
        // 4 + 1 + 27 = 32 characters is the longest period.
        let goodPeriods = Set(["2023", "2023-S1", "2023-Q2-b", "2023-" + String(repeating: "x", count: 27)])
        for s in Self.periods { #expect(ContractText.isPeriod(s) == goodPeriods.contains(s), "\(s)") }
    }

    @Test func days() {
        #expect(ContractText.date("2023-07-14") == "2023-07-14")
        #expect(ContractText.date("2023-07-14+07:00") == "2023-07-14")
        #expect(ContractText.date("2023-07-14Z") == "2023-07-14")
        // 2024 is a leap year (divisible by 4, not by 100); 1900 is not (by 100, not by 400);
        // 2000 is (by 400).
        #expect(ContractText.date("2024-02-29") != nil && ContractText.date("2000-02-29") != nil)
        #expect(ContractText.date("2023-02-29") == nil && ContractText.date("1900-02-29") == nil)
        #expect(ContractText.date("2023-04-31") == nil && ContractText.date("2023-13-01") == nil)
        #expect(ContractText.date("0000-01-01") == nil && ContractText.date("2023-07-00") == nil)
        #expect(ContractText.date("14/07/2023") == nil && ContractText.date("2023-07-14T10:00") == nil)
        #expect(ContractText.date("2023-07-14+7:00") == nil)
    }

    @Test func names() {
        #expect(!ContractText.isName("") && ContractText.isName("x"))
        // 512 two-byte characters (1,024 bytes) are 512 characters; one more is too many.
        #expect(ContractText.isName(String(repeating: "é", count: 512)))
        #expect(!ContractText.isName(String(repeating: "é", count: 513)))
    }

    @Test func decimals() throws {
        // "-12.50": sign, 4 digits of which 2 after the point, integer part 12.
        let d = try #require(ContractText.decimal(utf8: "-12.50".utf8))
        #expect(d.negative && d.digits == 4 && d.fractionDigits == 2 && d.integer == 12)
        for good in ["0", "+3", ".5", "5.", "007"] { #expect(ContractText.decimal(utf8: good.utf8) != nil, "\(good)") }
        for bad in ["", "-", ".", "1.2.3", "1e3", "NaN", "INF", " 1", "1,5"] {
            #expect(ContractText.decimal(utf8: bad.utf8) == nil, "\(bad)")
        }
    }

    /// FNV-1a 64 test vectors (Fowler, Noll, Vo: "" is the offset basis; "a" and "foobar"
    /// from the published table).
    @Test func fnv1aMatchesPublishedVectors() {
        #expect(FNV1a.hash("") == 0xCBF2_9CE4_8422_2325)
        #expect(FNV1a.hash("a") == 0xAF63_DC4C_8601_EC8C)
        #expect(FNV1a.hash("foobar") == 0x8594_4171_F739_67E8)
        #expect(FNV1a.hex(0xAB) == "00000000000000ab")
    }
}
