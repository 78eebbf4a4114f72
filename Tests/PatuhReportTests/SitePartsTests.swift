import Foundation
import Testing

@testable import PatuhCore
@testable import PatuhReport

/// The parts of the site that decide what a reader may see: masking, safe names, colours,
/// the per-page index.
@Suite struct SitePartsTests {
    @Test(arguments: [
        ("Hubungi 0812-3456-7890 ya", "Hubungi [nomor telepon disamarkan] ya"),
        ("WA +62 812 3456 7890", "WA [nomor telepon disamarkan]"),
        ("email budi.s@contoh.go.id tolong", "email [email disamarkan] tolong"),
        ("NIK saya 1471020304050006.", "NIK saya [NIK disamarkan]."),
        ("Antre 3 jam pada 12-05-2023", "Antre 3 jam pada 12-05-2023"),  // a date has 8 digits: kept
        ("Biaya Rp 150.000", "Biaya Rp 150.000")
    ])
    func commentsAreMasked(_ input: String, _ expected: String) {
        #expect(Privacy.mask(input, lang: "id") == expected)
    }

    @Test func safeNamesForFiles() {
        #expect(PagePaths.safe("1471-dpmptsp") == "1471-dpmptsp")
        #expect(PagePaths.safe("14.71") == "14.71")
        for hostile in ["../x", "a\nb", ".hidden", "", String(repeating: "9", count: 305), "a/b"] {
            let name = PagePaths.safe(hostile)
            #expect(name.hasPrefix("x") && name.count == 17 && !name.contains("/") && !name.contains("."), "\(hostile)")
        }
        #expect(PagePaths.root(of: "unit/2022/a.html") == "../../")
        #expect(PagePaths(latest: "2023").unit("a", "2022") == "unit/2022/a.html")
        #expect(PagePaths(latest: "2023").unit("a", "2023") == "unit/a.html")
    }

    @Test func inkReadsOnEveryBackground() {
        // White on #1b5e20 (dark green) and #c62828; black on #f9a825 (amber) and #43a047.
        #expect(Framing.ink(on: "#1b5e20") == "#fff")
        #expect(Framing.ink(on: "#c62828") == "#fff")
        #expect(Framing.ink(on: "#f9a825") == "#000")
        #expect(Framing.ink(on: "#ffffff") == "#000")
    }

    @Test func bandsWithoutColoursGetOneByRank() {
        // Four bands, none coloured: lowest red (ladder 0), then 4·1/3 → 1, 4·2/3 → 2, highest green (4).
        let rubric = Rubric(
            id: "r", dimensions: [Dimension(id: "d", indicators: [Indicator(id: "i", min: 0, max: 1)])],
            bands: [Band(id: "A", min: 75), Band(id: "B", min: 50), Band(id: "C", min: 25), Band(id: "D", min: 0)])
        let frame = Framing(rubric: rubric, t: Strings(lang: "id"))
        #expect(rubric.bands.map { frame.color($0) } == ["#b71c1c", "#e65100", "#f9a825", "#2e7d32"])
        // No zones: the groups of the home page are the bands, best first.
        #expect(frame.groups().map(\.key) == ["band-A", "band-B", "band-C", "band-D"])
        #expect(frame.bandHeading == "Kategori")
    }

    @Test func theIndexFindsEachUnitsRowsWithoutAScan() {
        let unit = { (id: String) in ServiceUnit(id: id, type: .opd, name: id, regionCode: "14") }
        let row = { (id: String, period: String, score: Double) in
            UnitResult(
                unit: unit(id), period: period, score: score, band: nil, basis: .assessments, dimensionPoints: [],
                indicators: [], assessmentCount: 1, respondents: nil, change: nil)
        }
        let rubric = Rubric(id: "r", dimensions: [], bands: [])
        let result = RoundResult(
            rubric: rubric, periods: ["2022", "2023"],
            units: [row("a", "2022", 50), row("b", "2022", 60), row("a", "2023", 70)],
            regions: [], surveys: [:], diagnostics: [],
            assessmentStore: [Assessment](), assessmentPositions: [:])
        let index = SiteIndex(result)
        #expect(index.unitRows["a"] == [0, 2])
        #expect(index.unitsOfPeriod["2022"] == [0, 1])
        #expect(index.unit("a", "2023", in: result)?.score == 70)
        #expect(index.unit("b", "2023", in: result) == nil)
        #expect(index.history(ofUnit: "a", in: result).map(\.period) == ["2022", "2023"])
    }

    @Test func datesInText() {
        // 1700000000 s after 1970-01-01 is 2023-11-14 22:13:20 UTC.
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(Strings(lang: "id").date(date) == "14 November 2023")
        #expect(Strings(lang: "id").isoDate("2023-08-17") == "17 Agustus 2023")
        #expect(SiteOptions.generationDate(environment: ["SOURCE_DATE_EPOCH": "1700000000"]) == date)
        #expect(Strings(lang: "id").count(20000) == "20.000")
        #expect(Strings(lang: "en").count(1_234_567) == "1,234,567")
    }
}
