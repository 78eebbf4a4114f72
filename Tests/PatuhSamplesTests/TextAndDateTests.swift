import PatuhCore
import Testing

@testable import PatuhSamples

@Suite("XML text and calendar")
struct TextAndDateTests {
    @Test func escapesTheFiveSpecialCharacters() {
        #expect(XMLText.escaped(#"a & b < c > d "e" 'f'"#) == "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;")
        #expect(XMLText.escaped("baris\nbaru\tx", in: .attribute) == "baris&#10;baru&#9;x")
        #expect(XMLText.escaped("baris\nbaru", in: .content) == "baris\nbaru")
        #expect(XMLText.escaped("bel\u{07}l") == "bell")
        #expect(XMLText.escaped("Antrean panjang, ±3 jam") == "Antrean panjang, ±3 jam")
    }

    @Test func commentTextNeverClosesTheComment() {
        #expect(XMLText.comment("patuh generate --seed 7") == "patuh generate - -seed 7")
        #expect(!XMLText.comment("a---b-").contains("--"))
        #expect(!XMLText.comment("a-").hasSuffix("-"))
    }

    @Test func calendarDaysRoundTrip() {
        #expect(CalendarDay(year: 1970, month: 1, day: 1).number == 0)
        #expect(CalendarDay(year: 2000, month: 3, day: 1).number == 11_017)
        #expect(CalendarDay(year: 2024, month: 2, day: 29).iso == "2024-02-29")
        for n in stride(from: -1_000, to: 30_000, by: 37) {
            let (y, m, d) = CalendarDay(number: n).components
            #expect(CalendarDay(year: y, month: m, day: d).number == n)
        }
    }

    @Test func periodsCoverTheirDays() throws {
        let s1 = try #require(PeriodSpan(period: "2023-S1"))
        #expect(s1.first.iso == "2023-01-01" && s1.last.iso == "2023-06-30")
        let s2 = try #require(PeriodSpan(period: "2023-S2"))
        #expect(s2.first.iso == "2023-07-01" && s2.last.iso == "2023-12-31")
        let q1 = try #require(PeriodSpan(period: "2024-Q1"))
        #expect(q1.last.iso == "2024-03-31")
        let february = try #require(PeriodSpan(period: "2024-02"))
        #expect(february.last.iso == "2024-02-29")
        let year = try #require(PeriodSpan(period: "2022"))
        #expect(year.fieldwork.first.iso == "2022-06-01" && year.fieldwork.last.iso == "2022-11-30")
        #expect(s1.fieldwork == s1)
        #expect(PeriodSpan(period: "tahun-2023") == nil)
    }

    @Test func workdaysAreMondayToFriday() throws {
        let span = try #require(PeriodSpan(period: "2023"))
        var random = RandomSource(seed: 5)
        for _ in 0..<200 {
            let day = span.workday(&random)
            // 2023-01-02 was a Monday.
            let offset = day.number - CalendarDay(year: 2023, month: 1, day: 2).number
            #expect(((offset % 7) + 7) % 7 < 5)
        }
    }
}
