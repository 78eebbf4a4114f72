import Foundation
import PatuhCore
import PatuhFormats
import Testing

/// Published scores and the category or zone they were given (the sources in the rubric's <origin> elements):
/// each shipped rubric's bands must place them the same way.
@Suite struct PublishedBandTests {
    struct Case: Sendable, CustomStringConvertible {
        var rubric: String
        var score: Double
        var band: String
        var zone: Zone?
        var source: String
        var description: String { "\(rubric) \(score) → \(band) (\(source))" }
    }

    static let cases: [Case] = [
        Case(
            rubric: "ombudsman-opini-2022", score: 52.68, band: "D", zone: .merah,
            source: "Labuhanbatu Selatan, zona merah"),
        Case(
            rubric: "ombudsman-opini-2022", score: 55.09, band: "C", zone: .kuning, source: "Puskesmas Kolser, kuning"),
        Case(rubric: "ombudsman-opini-2023", score: 77.33, band: "C", zone: .kuning, source: "Bukittinggi, C"),
        Case(rubric: "ombudsman-opini-2023", score: 78.34, band: "B", zone: .hijau, source: "Solok Selatan, B"),
        Case(rubric: "ombudsman-opini-2023", score: 88.11, band: "A", zone: .hijau, source: "Tanah Datar, A"),
        Case(
            rubric: "ombudsman-opini-2023", score: 49.85, band: "D", zone: .merah,
            source: "Puskesmas Watdek, zona merah"),
        Case(rubric: "ombudsman-opini-2023", score: 60.80, band: "C", zone: .kuning, source: "Watdek's pemda, C"),
        Case(rubric: "ombudsman-opini-2025", score: 65.98, band: "C", zone: nil, source: "Malut 2025, Kualitas Sedang"),
        Case(rubric: "ombudsman-opini-2025", score: 53.38, band: "D", zone: nil, source: "Malut 2025, Kualitas Rendah"),
        Case(
            rubric: "ombudsman-kepatuhan-2019", score: 73.49, band: "kuning", zone: .kuning,
            source: "Jateng 2021, zona kuning"),
        Case(
            rubric: "panrb-pekppp-2022", score: 3.85, band: "B", zone: nil,
            source: "IPP 3,85 Kategori Baik (KemenPANRB 2019)"),
        Case(rubric: "panrb-pekppp-2022", score: 4.74, band: "A", zone: nil, source: "IPP 4,74 = A (published figure)")
    ]

    @Test(arguments: cases)
    func publishedScoreLandsInItsPublishedBand(_ c: Case) throws {
        let inputs = try makeLoader().load([rubricsDirectory + "/\(c.rubric).xml"])
        let r = try #require(inputs.rubrics[c.rubric], "\(inputs.diagnostics)")
        let band = r.band(for: c.score)
        #expect(band?.id == c.band)
        #expect(band?.zone == c.zone)
    }
}
