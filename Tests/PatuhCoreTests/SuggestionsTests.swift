import Testing

@testable import PatuhCore

@Suite struct SuggestionsTests {
    @Test(
        arguments: [
            ("10/02/2023", "2023-02-10"),  // day first, as written in Indonesia
            ("10-2-2023", "2023-02-10"),
            ("10.02.2023", "2023-02-10"),
            ("02/25/2023", "2023-02-25"),  // 25 cannot be a month: month first
            ("2023/02/10", "2023-02-10"),
            ("31/02/2023", nil),  // no 31 February, no 2 of month 31
            ("29/02/2024", "2024-02-29"),  // 2024 is a leap year
            ("kemarin", nil)
        ] as [(String, String?)])
    func dates(_ text: String, _ expected: String?) {
        #expect(Suggestions.date(text) == expected)
    }

    @Test(
        arguments: [
            ("2023/S1", "2023-S1"), ("2023 s2", "2023-S2"), ("2023_Q3", "2023-Q3"), ("2023/7", "2023-07"),
            ("23-S1", nil), ("semester 1", nil)
        ] as [(String, String?)])
    func periods(_ text: String, _ expected: String?) {
        #expect(Suggestions.period(text) == expected)
    }

    @Test func nearestIds() {
        let ids = ["1471-disdukcapil", "1471-dpmptsp", "1472-disdukcapil", "14-rsud"]
        // 1471-disdukcapl: one deletion from 1471-disdukcapil (1), two edits from 1472-… (2).
        #expect(Suggestions.nearest("1471-disdukcapl", in: ids) == ["1471-disdukcapil", "1472-disdukcapil"])
        #expect(Suggestions.nearest("dinas-sosial", in: ids).isEmpty)
        #expect(Suggestions.distance("kitten", "sitting") == 3)
    }
}
