import Foundation
import Testing

/// `patuh score` end to end, against CSV files worked out by hand in
/// `Fixtures/expected` (the arithmetic is in `ExpectedArithmetic.md` beside them).
@Suite struct ScoreCommandTests {
    let files = ["units.csv", "regions.csv", "indicators.csv"]

    @Test func everyCellMatchesTheHandWorkedFiles() throws {
        let out = try scratchDirectory()
        let run = try patuh([
            "score", "--rubric", fixtures.appendingPathComponent("score/uji.xml").path,
            fixtures.appendingPathComponent("score").path, "--out", out.path
        ])
        #expect(run.status == 0, "\(run.stderr)")
        for file in files {
            let expected = try read(fixtures.appendingPathComponent("expected/\(file)"))
                .replacingOccurrences(of: "\n", with: "\r\n")  // RFC 4180 line ends
            #expect(try read(out.appendingPathComponent(file)) == expected, "\(file)")
        }
        #expect(run.stderr.contains("2023.xml:21:3: warning: assessment 'c1' has no answer for A1"))
        #expect(run.stderr.contains("1 file for other rubrics skipped"))
    }

    @Test func outputsDoNotDependOnTheOrderOfInputs() throws {
        let a = try scratchDirectory()
        let b = try scratchDirectory()
        let score = fixtures.appendingPathComponent("score")
        let forward = [
            score.appendingPathComponent("uji.xml").path, score.appendingPathComponent("registry.xml").path,
            score.appendingPathComponent("assessments/2022.xml").path,
            score.appendingPathComponent("assessments/2023.xml").path
        ]
        let first = try patuh(["score", "--rubric", "uji"] + forward + ["--out", a.path])
        let second = try patuh(["score", "--rubric", "uji"] + forward.reversed() + ["--out", b.path])
        // The same status and the same messages, whatever the order (0: the fixtures are valid).
        #expect(first.status == 0 && second.status == 0, "\(first.stderr)\n\(second.stderr)")
        #expect(first.stderr == second.stderr)
        for file in files {
            #expect(try read(a.appendingPathComponent(file)) == read(b.appendingPathComponent(file)), "\(file)")
        }
    }

    @Test func aBrokenAssessmentDoesNotStopTheRest() throws {
        let dir = try copyFixture("score")
        let broken = dir.appendingPathComponent("assessments/broken.xml")
        try Data(
            "<assessment xmlns=\"urn:patuh:1\" id=\"x\" rubric=\"uji\" unit=\"9901-b\" period=\"2023\">\n<answer indicator=\"A1\" value=\"1\">\n</assessment>\n"
                .utf8
        )
        .write(to: broken)
        let out = try scratchDirectory()
        let run = try patuh(["score", "--rubric", "uji", dir.path, "--out", out.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("rejected: \(broken.path)"))
        #expect(run.stderr.contains("\(broken.path):3:"))
        // The rest is scored exactly as without the broken file.
        for file in files {
            let expected = try read(fixtures.appendingPathComponent("expected/\(file)"))
                .replacingOccurrences(of: "\n", with: "\r\n")
            #expect(try read(out.appendingPathComponent(file)) == expected, "\(file)")
        }
    }

    @Test func excelDialectUsesSemicolonsDecimalCommaAndBOM() throws {
        let out = try scratchDirectory()
        _ = try patuh([
            "score", "--rubric", "uji", fixtures.appendingPathComponent("score").path, "--out", out.path,
            "--csv-dialect", "excel-id"
        ])
        let bytes = try Data(contentsOf: out.appendingPathComponent("units.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])  // the UTF-8 BOM
        let units = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(units.hasPrefix("period;unit_id;"))
        #expect(units.contains("2023;99-opd1;Dinas Satu;opd;99;;81,25;baik;hijau;;assessments;1;56,25;25,00\r\n"))
        #expect(units.contains(";'=Tenant 2;"))
    }

    @Test func badUsageExitsTwo() throws {
        #expect(try patuh(["score", "--out", "/tmp/x"]).status == 2)
        #expect(
            try patuh([
                "score", "--rubric", "no-such-rubric", fixtures.appendingPathComponent("score").path,
                "--out", try scratchDirectory().path
            ]).status == 2)
    }
}
