import Foundation
import PatuhCore
import PatuhFormats
import Testing

/// Origins (`<origin status="…" of="…">`) are read for every part, listed when
/// reconstructed, and replacing a reconstructed part is an edit of the rubric file alone
/// (docs/RUBRICS.md).
@Suite struct RubricOriginTests {
    /// Two dimensions; `a`'s weight and `A-2`'s weight are reconstructed.
    static let rubric = """
        <rubric xmlns="urn:patuh:1" id="asal" model="normalized" scale="100">
          <title lang="id">Uji asal</title>
          <origin of="formula" status="secondary">Dek regional 2023</origin>
          <dimension id="a" weight="40">
            <title lang="id">A</title>
            <origin of="weight" status="reconstructed">Tidak ditemukan; bobot dipilih</origin>
            <indicator id="A-1" weight="1" min="0" max="4"><title lang="id">A1</title>
              <origin status="official">Peraturan X Lampiran</origin>
            </indicator>
            <indicator id="A-2" weight="1" min="0" max="4"><title lang="id">A2</title>
              <origin of="weight" status="reconstructed">Bobot tidak diterbitkan</origin>
              <origin of="levels" status="official">Formulir F-02</origin>
            </indicator>
          </dimension>
          <dimension id="b" weight="60">
            <title lang="id">B</title>
            <indicator id="B-1" min="0" max="4"><title lang="id">B1</title></indicator>
          </dimension>
          <bands>
            <band id="baik" min="80"><label lang="id">Baik</label><label lang="en">Good</label>
              <origin of="range" status="reconstructed">Batas dipilih</origin></band>
            <band id="kurang" min="0"><label lang="id">Kurang</label><label lang="en">Poor</label></band>
          </bands>
        </rubric>
        """

    func read(_ text: String) throws -> Rubric {
        let (inputs, _) = try load(["asal.xml": text])
        #expect(inputs.diagnostics.errorCount == 0, "\(inputs.diagnostics)")
        return try #require(inputs.rubrics["asal"])
    }

    @Test func originsAreReadForEveryPart() throws {
        let r = try read(Self.rubric)
        #expect(r.origins.of(.formula)?.status == .secondary)
        #expect(r.dimensions[0].origins.of(.weight)?.source == "Tidak ditemukan; bobot dipilih")
        #expect(r.indicators[0].origins.of(.item)?.status == .official)
        #expect(r.indicators[1].origins.of(.levels)?.status == .official)
        #expect(r.indicators[1].origins.of(.weight)?.status == .reconstructed)
        #expect(r.indicators[2].origins.isEmpty)
        #expect(r.bands.first { $0.id == "baik" }?.origins.of(.range)?.status == .reconstructed)
        // Listed in document order: dimension a's weight, A-2's weight, band baik's range.
        #expect(
            r.reconstructedParts.map { "\($0.element) \($0.part.rawValue)" }
                == ["dimension a weight", "indicator A-2 weight", "band baik range"])
    }

    @Test func anUnknownStatusIsRejectedByTheSchema() throws {
        let (inputs, _) = try load([
            "asal.xml": Self.rubric.replacingOccurrences(
                of: "status=\"official\">Peraturan", with: "status=\"guess\">Peraturan")
        ])
        #expect(inputs.rubrics["asal"] == nil)
        #expect(inputs.diagnostics.errorCount >= 1)
    }

    /// The official text is found: A-2's weight is 3, not 1. Editing the file (weight and
    /// origin) is all it takes; the same code scores the new weight.
    @Test func replacingAReconstructedWeightChangesNoCode() throws {
        let before = try read(Self.rubric)
        let edited = Self.rubric.replacingOccurrences(
            of: """
                <indicator id="A-2" weight="1" min="0" max="4"><title lang="id">A2</title>
                      <origin of="weight" status="reconstructed">Bobot tidak diterbitkan</origin>
                """,
            with: """
                <indicator id="A-2" weight="3" min="0" max="4"><title lang="id">A2</title>
                      <origin of="weight" status="official">Peraturan X Lampiran II</origin>
                """)
        #expect(edited != Self.rubric)
        let after = try read(edited)
        // A-1 = 4 (f 1), A-2 = 0 (f 0), B-1 = 2 (f 0.5).
        let sheet = AnswerSheet(values: [.number(4), .number(0), .number(2)])
        // Before: D_a = (1·1 + 1·0)/2 = 0.5; total 100·(40·0.5 + 60·0.5)/100 = 50.00.
        #expect(Rounding.format2(before.score(sheet).total ?? -1) == "50.00")
        // After: D_a = (1·1 + 3·0)/4 = 0.25; total 100·(40·0.25 + 60·0.5)/100 = 40.00.
        #expect(Rounding.format2(after.score(sheet).total ?? -1) == "40.00")
        #expect(before.reconstructedParts.count == 3)
        #expect(after.reconstructedParts.count == 2)
        #expect(after.indicators[1].origins.of(.weight)?.source == "Peraturan X Lampiran II")
    }
}
