import Foundation
import PatuhTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

// Issue 15: twenty ways a hostile or unlucky input lost data, leaked a file, crashed, hung
// or miscounted. Each test reproduces one case (and a sibling of its class where there is
// one) on the built `patuh`; the numbers expected are the hand-worked ones of
// `Fixtures/expected` (see ExpectedArithmetic.md there).

/// The hand-worked tiny round (rubric `uji`, 8 units, two periods) copied to a scratch folder.
private func tinyRound() throws -> URL {
    let dir = try scratchDirectory().appendingPathComponent("round")
    try FileManager.default.copyItem(at: fixtures.appendingPathComponent("score"), to: dir)
    return dir
}

private func write(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: false, encoding: .utf8)
}

private func edit(_ url: URL, _ change: (String) -> String) throws {
    try write(change(try read(url)), to: url)
}

/// `units.csv` as lines without the CRLF.
private func lines(_ url: URL) throws -> [String] {
    try read(url).split(whereSeparator: \.isNewline).map(String.init)
}

private let expectedUnits = { () -> [String] in
    (try? lines(fixtures.appendingPathComponent("expected/units.csv"))) ?? []
}()

/// Runs `patuh` and gives up (failing the test) if it has not finished within `seconds`:
/// a guard against a hang, never a measure of speed.
private func patuhFinishing(within seconds: Double, _ arguments: [String]) throws -> Run? {
    let run = try ChildProcess.run(try patuhExecutable(), arguments, in: repositoryRoot, timeout: seconds)
    return run.timedOut ? nil : run
}

@Suite struct ReliabilityTests {
    // MARK: Case 4 and 20: numbers the arithmetic cannot take, nonsense the schema allows

    @Test(arguments: [
        (
            #"<band id="baik" min="80""#, #"<band id="baik" min="100000000000000000""#,
            "numbers in a rubric must lie between"
        ),
        (
            #"<band id="kurang" min="0""#, #"<band id="kurang" min="-100000000000000000""#,
            "numbers in a rubric must lie between"
        ),
        (#"scale="100""#, #"scale="100000000000000000""#, "numbers in a rubric must lie between"),
        (
            #"model="normalized" scale="100""#, #"model="linear" factor="100000000000000000""#,
            "numbers in a rubric must lie between"
        ),
        (#"<indicator id="B1" min="0" max="4""#, #"<indicator id="B1" weight="1e3" min="0" max="4""#, ""),
        (#"scale="100""#, #"scale="-100""#, "it must be positive"),
        (#"scale="100""#, #"scale="0""#, "it must be positive"),
        (#"model="normalized" scale="100""#, #"model="linear" factor="-1""#, "it must be positive"),
        (
            #"<band id="baik" min="80""#, #"<band id="baik" min="180""#,
            "above the highest score the rubric can give (100.00)"
        )
    ])
    func rubricNumbersOutOfBoundsAreRefusedNotTrapped(_ from: String, _ to: String, _ message: String) throws {
        let round = try tinyRound()
        let rubric = round.appendingPathComponent("uji.xml")
        try edit(rubric) { $0.replacingOccurrences(of: from, with: to) }
        let validate = try patuh(["validate", rubric.path])
        // Never the trap of "Double value cannot be converted to Int" (status 132 or 133).
        #expect(validate.status == 1, "\(validate.stderr)")
        if !message.isEmpty {
            #expect(validate.stderr.contains("uji.xml:") && validate.stderr.contains(message), "\(validate.stderr)")
        }
        let score = try patuh([
            "score", "--rubric", rubric.path, round.path, "--out", round.appendingPathComponent("out").path
        ])
        #expect(score.status == 2, "\(score.stderr)")
        #expect(score.stderr.contains("could not be read"))
    }

    @Test func aPopulationBeyondAnyRealCountIsAnErrorNotDropped() throws {
        let round = try tinyRound()
        try edit(round.appendingPathComponent("registry.xml")) {
            $0.replacingOccurrences(
                of: #"name="Puskesmas B"/>"#, with: #"name="Puskesmas B" population="99999999999999999999"/>"#)
        }
        let run = try patuh(["validate", round.appendingPathComponent("registry.xml").path])
        #expect(run.status == 1)
        #expect(
            run.stderr.contains("population '99999999999999999999' of unit '9901-b' is larger than 1000000000"),
            "\(run.stderr)")
    }

    // MARK: Case 5 and 17: values used in file names, and --period

    @Test func anOverlongPeriodRejectsItsFileAndTheRestIsScored() throws {
        let round = try tinyRound()
        let long = "2023-" + String(repeating: "x", count: 300)
        try write(
            """
            <assessments xmlns="urn:patuh:1"><assessment id="long" rubric="uji" unit="9901-a" period="\(long)">
            <answer indicator="A1" value="1"/></assessment></assessments>
            """, to: round.appendingPathComponent("assessments/long.xml"))
        let out = round.appendingPathComponent("out")
        let run = try patuh([
            "score", "--rubric", round.appendingPathComponent("uji.xml").path, round.path, "--out", out.path
        ])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("long.xml:1:"), "\(run.stderr)")
        // The other files are scored as the hand-worked table says.
        #expect(try lines(out.appendingPathComponent("units.csv")) == expectedUnits)
    }

    @Test func periodOptionIsCheckedAndAPeriodWithoutDataIsNotSuccess() throws {
        let round = try tinyRound()
        let rubric = round.appendingPathComponent("uji.xml").path
        for bad in ["", "../x", "2023/../../x", String(repeating: "2", count: 40)] {
            let run = try patuh([
                "score", "--rubric", rubric, round.path, "--out", round.appendingPathComponent("o").path, "--period",
                bad
            ])
            #expect(run.status == 2, "\(bad): \(run.stderr)")
            #expect(run.stderr.contains("is not a period"))
        }
        let run = try patuh([
            "score", "--rubric", rubric, round.path, "--out", round.appendingPathComponent("o").path, "--period", "1999"
        ])
        #expect(run.status == 1)
        #expect(
            run.stderr.contains("nothing in the inputs is for rubric 'uji' in period 1999; the inputs hold:"),
            "\(run.stderr)")
        #expect(run.stderr.contains("\n  uji: 2022, 2023\n"), "\(run.stderr)")
    }

    // MARK: Case 6 and 11: every input path read or named

    @Test func aFIFONamedLikeAnInputIsNamedAndNeverOpened() throws {
        let round = try tinyRound()
        let fifo = round.appendingPathComponent("assessments/pipe.xml").path
        #expect(mkfifo(fifo, 0o644) == 0)
        for arguments in [
            ["validate", round.path],
            [
                "score", "--rubric", round.appendingPathComponent("uji.xml").path, round.path, "--out",
                round.appendingPathComponent("o").path
            ],
            ["validate", fifo]
        ] {
            let run = try #require(try patuhFinishing(within: 120, arguments), "patuh \(arguments[0]) hung on a FIFO")
            #expect(run.stderr.contains("pipe.xml:0:0: warning: not a regular file"), "\(run.stderr)")
        }
        #expect(try lines(round.appendingPathComponent("o/units.csv")) == expectedUnits)
    }

    @Test func linkedFoldersUpperCaseNamesOddNamesAndDeepPathsAreReadOrNamed() throws {
        let base = try scratchDirectory()
        let round = base.appendingPathComponent("round")
        try FileManager.default.createDirectory(at: round, withIntermediateDirectories: true)
        for name in ["uji.xml", "registry.xml"] {
            try FileManager.default.copyItem(
                at: fixtures.appendingPathComponent("score/\(name)"), to: round.appendingPathComponent(name))
        }
        // 2022 through a symlinked folder, 2023 under an upper-case name.
        let elsewhere = base.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: fixtures.appendingPathComponent("score/assessments/2022.xml"),
            to: elsewhere.appendingPathComponent("2022.xml"))
        try FileManager.default.createSymbolicLink(
            at: round.appendingPathComponent("linked"), withDestinationURL: elsewhere)
        // A link back up must not loop.
        try FileManager.default.createSymbolicLink(
            at: elsewhere.appendingPathComponent("up"), withDestinationURL: round)
        try FileManager.default.copyItem(
            at: fixtures.appendingPathComponent("score/assessments/2023.xml"),
            to: round.appendingPathComponent("2023.XML"))
        // A folder whose name is not UTF-8 (Latin-1 "é"), holding a file.
        let odd = round.path + "/caf\u{E9}"
        var bytes = Array(round.path.utf8) + Array("/caf".utf8) + [0xE9]
        bytes.append(0)
        #expect(mkdir(bytes.map { CChar(bitPattern: $0) }, 0o755) == 0)
        _ = odd
        // A chain of folders deeper than PATH_MAX, made one level at a time from the last.
        var fd = open(round.path, O_RDONLY | O_DIRECTORY)
        var depth = round.path.utf8.count
        let segment = String(repeating: "d", count: 200)
        while depth < 4300 {
            #expect(mkdirat(fd, segment, 0o755) == 0)
            let next = openat(fd, segment, O_RDONLY | O_DIRECTORY)
            close(fd)
            fd = next
            depth += 201
        }
        #expect(openat(fd, "deep.xml", O_WRONLY | O_CREAT, 0o644) >= 0)
        close(fd)
        let out = base.appendingPathComponent("out")
        let run = try patuh([
            "score", "--rubric", round.appendingPathComponent("uji.xml").path, round.path, "--out", out.path
        ])
        #expect(run.status == 0, "\(run.stderr)")
        // The linked folder is named, not followed: only 2023 (the upper-case name) is scored.
        #expect(run.stderr.contains("linked:0:0: warning: a symbolic link to a folder; not followed"), "\(run.stderr)")
        let got = try lines(out.appendingPathComponent("units.csv"))
        #expect(!got.contains { $0.hasPrefix("2022,") } && got.filter { $0.hasPrefix("2023,") }.count == 7, "\(got)")
        // Named on the command line, the same link is read.
        let both = try patuh([
            "score", "--rubric", round.appendingPathComponent("uji.xml").path, round.path,
            round.appendingPathComponent("linked").path, "--out", out.path
        ])
        #expect(both.status == 0, "\(both.stderr)")
        #expect(try lines(out.appendingPathComponent("units.csv")) == expectedUnits)
        #expect(run.stderr.contains("the name is not UTF-8"), "\(run.stderr)")
        #expect(run.stderr.contains("the path is longer than"), "\(run.stderr)")
    }

    // MARK: Case 7: values the schema reads collapsed

    @Test func tokenValuesWithBlanksScoreAsWithout() throws {
        let round = try tinyRound()
        let blanks = ["\u{20}", "&#10;", "&#9;", "&#13;"]
        var k = 0
        func padded(_ value: Substring) -> String {
            k += 1
            return blanks[k % 4] + value + blanks[(k + 1) % 4]
        }
        // Every attribute of every file but the names (xs:string) gets blanks around its value.
        let attribute =
            /(id|rubric|unit|period|indicator|value|code|level|type|zone|model|scale|min|max|weight)="([^"]*)"/
        for file in ["uji.xml", "registry.xml", "assessments/2022.xml", "assessments/2023.xml"] {
            try edit(round.appendingPathComponent(file)) { text in
                text.replacing(attribute) { m in "\(m.1)=\"\(padded(m.2))\"" }
            }
        }
        let out = round.appendingPathComponent("out")
        let run = try patuh([
            "score", "--rubric", round.appendingPathComponent("uji.xml").path, round.path, "--out", out.path
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try lines(out.appendingPathComponent("units.csv")) == expectedUnits)
    }

    @Test func aLinearModelWithBlanksIsLinear() throws {
        // model=" linear " factor="10" on uji: 9901-a in 2022 answers A1 0, A2 1, B1 2
        // (assessments/2022.xml), so 10 · (0 + 1 + 2) = 30.00 with literal weights of 1.
        let round = try tinyRound()
        try edit(round.appendingPathComponent("uji.xml")) {
            $0.replacingOccurrences(of: #"model="normalized" scale="100""#, with: #"model=" linear " factor=" 10 ""#)
                .replacingOccurrences(of: #"min="80""#, with: #"min="15""#).replacingOccurrences(
                    of: #"min="50""#, with: #"min="5""#)
        }
        let out = round.appendingPathComponent("out")
        let run = try patuh([
            "score", "--rubric", round.appendingPathComponent("uji.xml").path, round.path, "--out", out.path
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            try lines(out.appendingPathComponent("units.csv")).contains {
                $0.hasPrefix("2022,9901-a,") && $0.contains(",30.00,baik,hijau,")
            })
    }

    @Test func naFalseWithBlanksForbidsNA() throws {
        let round = try tinyRound()
        try edit(round.appendingPathComponent("uji.xml")) {
            $0.replacingOccurrences(
                of: #"<indicator id="A2" min="0" max="2" na="true""#,
                with: "<indicator id=\"A2\" min=\"0\" max=\"2\" na=\" false&#10;\"")
        }
        let run = try patuh([
            "score", "--rubric", round.appendingPathComponent("uji.xml").path, round.path, "--out",
            round.appendingPathComponent("o").path
        ])
        // b1 (2023) answers A2 with na: now an error at its answer.
        #expect(run.status == 1)
        #expect(
            run.stderr.contains("2023.xml:10:") && run.stderr.contains("indicator 'A2' does not allow 'na'"),
            "\(run.stderr)")
    }

    @Test func registryIdsThatDifferOnlyInBlanksAreOneId() throws {
        let round = try tinyRound()
        try edit(round.appendingPathComponent("registry.xml")) {
            $0.replacingOccurrences(
                of: #"<unit id="9971-c" type="opd" name="Dinas C"/>"#,
                with:
                    #"<unit id="9971-c" type="opd" name="Dinas C"/><unit id="&#10;9971-c&#9;" type="opd" name="Dinas C bis"/>"#
            )
        }
        let run = try patuh(["validate", round.appendingPathComponent("registry.xml").path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("unit id '9971-c'"), "\(run.stderr)")
    }

    @Test func aRubricAttributeWithBlanksIsNotSkipped() throws {
        let round = try tinyRound()
        try edit(round.appendingPathComponent("assessments/2023.xml")) {
            $0.replacingOccurrences(of: #"rubric="uji""#, with: #"rubric=" uji ""#)
        }
        let out = round.appendingPathComponent("out")
        let run = try patuh([
            "score", "--rubric", round.appendingPathComponent("uji.xml").path, round.path, "--out", out.path
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try lines(out.appendingPathComponent("units.csv")) == expectedUnits)
    }

    // MARK: Case 8, 9 and 18: which rubric, which registry

    @Test func anInputRubricWithAShippedIdDoesNotReplaceItSilently() throws {
        let round = try tinyRound()
        // A rubric with the id of a shipped one, whose bands differ.
        let shipped = try read(repositoryRoot.appendingPathComponent("Rubrics/skm-2004.xml"))
        try write(
            shipped.replacingOccurrences(of: #"min="81.26""#, with: #"min="50""#),
            to: round.appendingPathComponent("fake-skm.xml"))
        let run = try patuh([
            "score", "--rubric", "skm-2004", round.path, "--out", round.appendingPathComponent("o").path
        ])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(
            run.stderr.contains("fake-skm.xml:") && run.stderr.contains("differs from the rubric of that id in"),
            "\(run.stderr)")
    }

    @Test func theRegistryNamedIsTheOneUsedAndAMissingOneIsBadUsage() throws {
        let round = try tinyRound()
        let registry = try read(round.appendingPathComponent("registry.xml"))
        try write(
            registry.replacingOccurrences(of: "Dinas Satu", with: "Dinas Lama"),
            to: round.appendingPathComponent("old-registry.xml"))
        let out = round.appendingPathComponent("out")
        let rubric = round.appendingPathComponent("uji.xml").path
        let run = try patuh([
            "score", "--rubric", rubric, "--registry", round.appendingPathComponent("registry.xml").path, round.path,
            "--out", out.path
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try lines(out.appendingPathComponent("units.csv")) == expectedUnits)
        let missing = round.appendingPathComponent("elsewhere")
        let bad = try patuh([
            "score", "--rubric", rubric, "--registry", "nope/registry.xml", round.path, "--out", missing.path
        ])
        #expect(bad.status == 2)
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    @Test func aRubricIdIsAnIdEvenWhenAFolderOfThatNameExists() throws {
        let round = try tinyRound()
        // The working directory holds a folder named like the rubric id (an earlier output).
        let work = try scratchDirectory()
        try FileManager.default.createDirectory(
            at: work.appendingPathComponent("skm-2004"), withIntermediateDirectories: true)
        let run = try ChildProcess.run(
            try patuhExecutable(),
            [
                "score", "--rubric", "skm-2004", "--rubrics", repositoryRoot.appendingPathComponent("Rubrics").path,
                round.path, "--out", "skm-2004"
            ], in: work)
        // Read as the id: the uji round has no skm-2004 input, which is said (exit 1), not
        // "the rubric skm-2004 could not be read" (exit 2).
        #expect(run.status == 1, "\(run.stderr)")
        #expect(!run.stderr.contains("could not be read"), "\(run.stderr)")
    }

    // MARK: Case 12: the same survey twice

    @Test func aSurveyGivenTwiceOrCopiedIsCountedOnce() throws {
        let round = try tinyRound()
        let answers = (1...9).map { #"<answer indicator="U\#($0)" value="3"/>"# }.joined()
        let responses = (1...3).map { #"<response id="r\#($0)">\#(answers)</response>"# }.joined(separator: "\n")
        let survey =
            #"<survey xmlns="urn:patuh:1" rubric="skm-2017" unit="9901-b" period="2023-S1">"# + "\n" + responses
            + "\n</survey>\n"
        let file = round.appendingPathComponent("surveys/a.xml")
        try write(survey, to: file)
        try write(survey, to: round.appendingPathComponent("surveys/copy-of-a.xml"))
        let out = round.appendingPathComponent("out")
        let run = try patuh([
            "score", "--rubric", "skm-2017", round.path, file.path, "./" + file.path, "--out", out.path
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("counted once"), "\(run.stderr)")
        let units = try lines(out.appendingPathComponent("units.csv"))
        let header = units[0].split(separator: ",").map(String.init)
        let row = try #require(units.first { $0.contains(",9901-b,") }).split(
            separator: ",", omittingEmptySubsequences: false)
        let respondents = try #require(header.firstIndex(of: "respondents"))
        #expect(row[respondents] == "3")
    }

    // MARK: Case 16 and 19: outputs

    @Test func anOutputThatIsAFileOrAnInputIsBadUsageInASentence() throws {
        let round = try tinyRound()
        let rubric = round.appendingPathComponent("uji.xml").path
        let file = round.appendingPathComponent("a-file")
        try write("x", to: file)
        for arguments in [
            ["score", "--rubric", rubric, round.path, "--out", file.path],
            ["score", "--rubric", rubric, round.path, "--out", round.path],
            ["report", "--rubric", rubric, round.path, "--out", round.deletingLastPathComponent().path],
            ["import", "odk", round.path, "--out", file.path]
        ] {
            let run = try patuh(arguments)
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(!run.stderr.contains("Domain") && !run.stderr.contains("Error "), "\(run.stderr)")
        }
        #expect(try read(file) == "x")
        // A folder that cannot be made (a file stands where a parent should be): status 1, a sentence.
        let odk = fixtures.appendingPathComponent("odk").path
        for arguments in [
            ["score", "--rubric", rubric, round.path, "--out", file.path + "/sub"],
            ["import", "odk", odk, "--out", file.path + "/sub"]
        ] {
            let run = try patuh(arguments)
            #expect(run.status == 1, "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains("cannot write \(file.path): it exists and is not a folder"), "\(run.stderr)")
            #expect(!run.stderr.contains("Domain") && !run.stderr.contains("Error "), "\(run.stderr)")
        }
    }
}
