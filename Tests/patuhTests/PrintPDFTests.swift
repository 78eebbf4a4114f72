import Foundation
import Testing

/// `scripts/print-pdf.sh` on the Riau sample (issue 21, acceptance 4): one PDF per unit and
/// pemda, and the text of a unit's and a pemda's PDF holds its IKM, its mutu and the first
/// action of its follow-up plan. The script installs chromium and poppler-utils when they are
/// missing (.ci/run installs them first).
@Suite struct PrintPDFTests {
    /// The text of a PDF, blanks and line breaks collapsed (pdftotext wraps long lines).
    func pdfText(_ pdf: URL) throws -> String {
        let r = try run(URL(fileURLWithPath: "/usr/bin/env"), ["pdftotext", "-q", pdf.path, "-"])
        return r.stdout.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
    }

    func csv(_ url: URL) throws -> [[String]] {
        try read(url).split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    @Test func onePDFPerUnitAndPemdaWithIKMMutuAndFirstAction() throws {
        let site = try scratchDirectory()
        let report = try patuh(["report", "--rubric", "skm-2017", "Samples/riau", "--out", site.path, "-q"])
        #expect(report.status == 0, "\(report.stderr)")
        let script = try run(URL(fileURLWithPath: "/bin/bash"), ["scripts/print-pdf.sh", site.path])
        #expect(script.status == 0, "\(script.stderr)")

        // One PDF per unit scored on its survey (skm.csv's `total` rows of 2023-S2, the latest
        // period) and per pemda with surveyed units of its own (skm-regions.csv's `pemda` rows).
        let skm = try csv(site.appendingPathComponent("skm.csv"))
        let units = Set(skm.filter { $0.count > 3 && $0[0] == "2023-S2" && $0[2] == "total" }.map { $0[1] })
        let pemda = try csv(site.appendingPathComponent("skm-regions.csv")).filter {
            $0.count > 4 && $0[0] == "2023-S2" && $0[4] == "pemda"
        }
        let pdfs = { (kind: String) in
            Set(
                ((try? FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("pdf/\(kind)").path))
                    ?? [])
                    .filter { $0.hasSuffix(".pdf") }.map { String($0.dropLast(4)) })
        }
        #expect(units.count == 26)
        #expect(pdfs("unit") == units)
        #expect(pdfs("region") == Set(pemda.map { $0[1] }))

        // The first plan of the sample's follow-up file: its unit, and its first action.
        let xml = try read(repositoryRoot.appendingPathComponent("Samples/riau/followup/2023-S1.xml"))
        let plan = try #require(xml.components(separatedBy: "<plan unit=\"").dropFirst().first)
        let unit = String(plan.prefix { $0 != "\"" })
        let action = try #require(
            plan.components(separatedBy: "<action>").dropFirst().first?.components(separatedBy: "</action>").first)
        let total = try #require(skm.first { $0[0] == "2023-S2" && $0[1] == unit && $0[2] == "total" })
        let text = try pdfText(site.appendingPathComponent("pdf/unit/\(unit).pdf"))
        #expect(text.contains("IKM \(total[9].replacingOccurrences(of: ".", with: ","))"), "\(text.prefix(400))")
        #expect(text.contains("Mutu pelayanan \(total[10])"))
        #expect(text.contains(action), "\(action)")

        // The pemda of that unit: its IKM (mean of unit IKMs), mutu, and the same first action.
        let code = unit.hasPrefix("14-") ? "14" : "14.\(unit.dropFirst(2).prefix(2))"
        let row = try #require(pemda.first { $0[1] == code })
        let regionText = try pdfText(site.appendingPathComponent("pdf/region/\(code).pdf"))
        #expect(
            regionText.contains("IKM pemda (rata-rata IKM unit) \(row[9].replacingOccurrences(of: ".", with: ","))"))
        #expect(regionText.contains("Mutu pelayanan \(row[10])"))
        #expect(regionText.contains(action))
    }
}
