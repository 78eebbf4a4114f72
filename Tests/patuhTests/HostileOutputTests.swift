import Foundation
import PatuhTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

// What Patuh writes, under attack (issue 7): outputs that survive kill -9, outputs that are
// never read back as inputs, text that reaches a spreadsheet or a page and stays text.

/// Every file under `dir` (relative path → bytes).
/// Every file under `dir` (the marker without its page list, which records inodes and times).
private func contents(of dir: URL) throws -> [String: Data] { try siteFiles(dir) }

/// RFC 4180 fields of a CSV file (quotes, doubled quotes, separators and line breaks inside).
private func parseCSV(_ text: String, separator: Character = ",") -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var i = text.startIndex
    if text.first == "\u{FEFF}" { i = text.index(after: i) }
    while i < text.endIndex {
        let c = text[i]
        if quoted {
            if c == "\"" {
                let next = text.index(after: i)
                if next < text.endIndex, text[next] == "\"" {
                    field.append("\"")
                    i = next
                } else {
                    quoted = false
                }
            } else {
                field.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == separator {
            row.append(field)
            field = ""
        } else if c == "\r\n" || c == "\n" {
            row.append(field)
            rows.append(row)
            row = []
            field = ""
        } else {
            field.append(c)
        }
        i = text.index(after: i)
    }
    if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
    return rows
}

/// The values of `column` in a parsed CSV.
private func column(_ rows: [[String]], _ name: String) -> [String] {
    guard let header = rows.first, let i = header.firstIndex(of: name) else { return [] }
    return rows.dropFirst().map { i < $0.count ? $0[i] : "" }
}

@Suite(.serialized) struct HostileOutputTests {
    let rubric = "ombudsman-opini-2022"

    // MARK: kill -9

    /// `patuh report` killed with SIGKILL at points spread over a run, into a folder holding
    /// a previous site: the folder is always one whole site, either the previous one or the
    /// new one (the site is built beside it and swapped in), never a mix.
    @Test func killedMidRunLeavesTheOldSiteOrTheNewOneWhole() throws {
        let sample = repositoryRoot.appendingPathComponent("Samples/riau").path
        let old = try scratchDirectory().appendingPathComponent("site")
        let new = try scratchDirectory().appendingPathComponent("site")
        // The previous outputs differ from the new ones in every file: another language, another
        // rubric (the SKM round's first period).
        let before = try patuh([
            "report", "--rubric", "skm-2017", sample, "--out", old.path, "--lang", "en", "--period", "2023-S1", "-q"
        ])
        #expect(before.status == 0, "\(before.stderr)")
        let started = ContinuousClock.now
        let after = try patuh(["report", "--rubric", rubric, sample, "--out", new.path, "-q"])
        let duration = ContinuousClock.now - started
        #expect(after.status == 0, "\(after.stderr)")
        let oldFiles = try contents(of: old)
        let newFiles = try contents(of: new)
        #expect(oldFiles["units.csv"] != newFiles["units.csv"] && oldFiles["index.html"] != newFiles["index.html"])

        // At spread-out moments (however a loaded machine stretches them): old or new, never a mix.
        for fraction in [0.1, 0.3, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95] {
            let parent = try scratchDirectory()
            let out = parent.appendingPathComponent("site")
            try FileManager.default.copyItem(at: old, to: out)
            let process = Process()
            process.executableURL = try patuhExecutable()
            process.arguments = ["report", "--rubric", rubric, sample, "--out", out.path, "-q"]
            // The date run() gives every run, so datapackage.json is the same as the new one's.
            process.environment = ProcessInfo.processInfo.environment.merging(["SOURCE_DATE_EPOCH": "1700000000"]) {
                $1
            }
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            usleep(
                useconds_t(
                    Double(duration.components.seconds) * 1e6 * fraction + Double(duration.components.attoseconds)
                        / 1e12 * fraction))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try contents(of: out)
            #expect(
                now == oldFiles || now == newFiles,
                "at \(fraction) of a run the folder is neither the old site nor the new one")
            // The next run cleans up what the killed one left beside the folder.
            let again = try patuh(["report", "--rubric", rubric, sample, "--out", out.path, "-q"])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(try contents(of: out) == newFiles)
            #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["site"])
        }
    }

    /// `patuh report` killed while the new site is being built, at two moments it stops itself
    /// at (`PATUH_STOP_AT`: after the CSV files are written into the new site, and after its
    /// pages, before it is put in place), so that the kill lands there whatever the machine's
    /// load: the folder is still the previous site, the half-built one lies beside it, and the
    /// next run clears it away.
    @Test(arguments: ["write CSV", "write site"])
    func killedWhileTheNewSiteIsBuiltLeavesTheOldOne(_ phase: String) throws {
        let sample = repositoryRoot.appendingPathComponent("Samples/riau").path
        let parent = try scratchDirectory()
        let out = parent.appendingPathComponent("site")
        let before = try patuh([
            "report", "--rubric", "skm-2017", sample, "--out", out.path, "--lang", "en", "--period", "2023-S1", "-q"
        ])
        #expect(before.status == 0, "\(before.stderr)")
        let oldFiles = try contents(of: out)
        let process = Process()
        process.executableURL = try patuhExecutable()
        process.arguments = ["report", "--rubric", rubric, sample, "--out", out.path, "-q"]
        process.environment = ProcessInfo.processInfo.environment.merging(["PATUH_STOP_AT": phase]) { $1 }
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stopped = waitUntilStopped(process)
        let beside = try FileManager.default.contentsOfDirectory(atPath: parent.path)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(stopped, "patuh report never reached \(phase)")
        #expect(beside.contains { $0.hasSuffix(".partial") }, "no site being built beside the folder: \(beside)")
        #expect(try contents(of: out) == oldFiles)
        let again = try patuh(["report", "--rubric", rubric, sample, "--out", out.path, "-q"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try contents(of: out) != oldFiles)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["site"])
    }

    /// Waits until `process` has stopped itself (state T in /proc), or has ended; false if it ended.
    /// The limit (10 minutes) is for a run that never stops, not a guess at how long one takes.
    private func waitUntilStopped(_ process: Process) -> Bool {
        let stat = "/proc/\(process.processIdentifier)/stat"
        for _ in 0..<60_000 where process.isRunning {
            // The state is the field after the command's name in parentheses.
            if let text = try? String(contentsOfFile: stat, encoding: .utf8),
                let close = text.lastIndex(of: ")"),
                text[text.index(after: close)...].split(separator: " ").first == "T"
            {
                return true
            }
            usleep(10_000)
        }
        return false
    }

    // MARK: --out inside an input folder

    @Test func outputsInsideAnInputFolderAreNeverReadBack() throws {
        let dir = try copyOfTheSample()
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let out = dir.appendingPathComponent("out")
        let first = try patuh(["score", "--rubric", rubric, dir.path, "--out", out.path, "-q"])
        #expect(first.status == 0, "\(first.stderr)")
        let expected = try contents(of: out)
        // What a later run would choke on or count twice, if it read the output folder.
        try Data("<assessment xmlns=\"urn:patuh:1\"".utf8).write(to: out.appendingPathComponent("broken.xml"))
        try FileManager.default.copyItem(
            at: dir.appendingPathComponent("assessments/2023/14.xml"),
            to: out.appendingPathComponent("again.xml"))
        let link = dir.deletingLastPathComponent().appendingPathComponent("out-link")
        #expect(symlink(out.path, link.path) == 0)
        for spelling in [out.path, out.path + "/", dir.path + "/./out", dir.path + "/../riau/out", link.path] {
            let run = try patuh(["score", "--rubric", rubric, dir.path, "--out", spelling, "-q"])
            #expect(run.status == 0, "--out \(spelling): \(run.stderr)")
            #expect(!run.stderr.contains("/out/"), "--out \(spelling) was read: \(run.stderr)")
            var now = try contents(of: out)
            now["broken.xml"] = nil
            now["again.xml"] = nil
            #expect(now == expected, "--out \(spelling)")
        }
        // The report too, given relative paths from the input folder itself: a report
        // replaces only a folder it wrote, so the score outputs make way for a site, and what
        // is planted in that site before the second report is not read either.
        try FileManager.default.removeItem(at: out)
        for round in 0..<2 {
            if round == 1 {
                try Data("<assessment xmlns=\"urn:patuh:1\"".utf8).write(to: out.appendingPathComponent("broken.xml"))
                try FileManager.default.copyItem(
                    at: dir.appendingPathComponent("assessments/2023/14.xml"),
                    to: out.appendingPathComponent("again.xml"))
            }
            let run = try ChildProcess.run(
                try patuhExecutable(), ["report", "--rubric", rubric, ".", "--out", "out", "-q"], in: dir,
                environment: ["PATUH_RUBRICS": repositoryRoot.appendingPathComponent("Rubrics").path])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(!run.stderr.contains("out/"), "\(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("broken.xml").path))
    }

    // MARK: Formula injection

    /// Text a spreadsheet would take for a formula, in every text column that takes input
    /// text: unit and region names (registry), comments and services (surveys).
    static let formulas = [
        "=HYPERLINK(\"http://evil.example\",\"klik\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1"
    ]

    /// In XML, a tab or CR in an attribute is normalised to a space; as character references they stay.
    static func xmlText(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "\t", with: "&#9;")
            .replacingOccurrences(of: "\r", with: "&#13;")
    }

    func formulaDataset() throws -> URL {
        let dir = try scratchDirectory()
        var registry =
            "<registry xmlns=\"urn:patuh:1\">\n<region code=\"99\" level=\"provinsi\" name=\"\(Self.xmlText("=1+2 Provinsi"))\">\n"
        for (i, f) in Self.formulas.enumerated() {
            registry += "  <unit id=\"u\(i)\" type=\"opd\" name=\"\(Self.xmlText(f))\" population=\"10\"/>\n"
        }
        registry += "</region>\n</registry>\n"
        try Data(registry.utf8).write(to: dir.appendingPathComponent("registry.xml"))
        for (i, f) in Self.formulas.enumerated() {
            var survey = "<survey xmlns=\"urn:patuh:1\" rubric=\"skm-2017\" unit=\"u\(i)\" period=\"2023\">\n"
            survey += "<response id=\"r1\" service=\"\(Self.xmlText(f))\">"
            survey += (1...9).map { "<answer indicator=\"U\($0)\" value=\"3\"/>" }.joined()
            survey += "<comment>\(Self.xmlText(f))</comment></response>\n</survey>\n"
            try Data(survey.utf8).write(to: dir.appendingPathComponent("s\(i).xml"))
        }
        return dir
    }

    @Test(arguments: ["standard", "excel-id"])
    func formulasAreWrittenAsText(_ dialect: String) throws {
        let dir = try formulaDataset()
        let out = try scratchDirectory()
        let run = try patuh([
            "score", "--rubric", "skm-2017", dir.path, "--out", out.path, "--csv-dialect", dialect, "-q"
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let separator: Character = dialect == "standard" ? "," : ";"
        func values(_ file: String, _ name: String) throws -> [String] {
            column(parseCSV(try read(out.appendingPathComponent(file)), separator: separator), name)
        }
        let expected = Set(Self.formulas.map { "'" + $0 })
        #expect(Set(try values("units.csv", "unit_name")) == expected)
        // Comments are element text, trimmed: the tab and CR go, the formula is still neutralised.
        let comments = try values("comments.csv", "text")
        #expect(
            Set(comments) == Set(Self.formulas.map { "'" + $0.trimmingCharacters(in: .whitespacesAndNewlines) }),
            "\(comments)")
        #expect(Set(try values("comments.csv", "service")) == expected)
        #expect(Set(try values("regions.csv", "region_name")) == ["'=1+2 Provinsi"])
        let breakdown = parseCSV(try read(out.appendingPathComponent("breakdown.csv")), separator: separator)
        let services = zip(column(breakdown, "group_by"), column(breakdown, "group")).filter { $0.0 == "service" }.map(
            \.1)
        #expect(Set(services) == expected, "\(services)")
        // No field anywhere starts with a formula character unless it is a number.
        for file in ["units.csv", "regions.csv", "indicators.csv", "comments.csv", "breakdown.csv"] {
            for row in parseCSV(try read(out.appendingPathComponent(file)), separator: separator).dropFirst() {
                for field in row where field.first.map({ "=+-@\t\r".contains($0) }) == true {
                    #expect(
                        Double(field.replacingOccurrences(of: ",", with: ".")) != nil,
                        "\(file): \(field.debugDescription)")
                }
            }
        }
    }

    // MARK: HTML injection

    /// A payload per field, so that each field's escaped text can be found in the site.
    static func payload(_ field: String) -> String {
        "\"'><script>alert('\(field)')</script><img src=x onerror=alert('\(field)')>"
    }

    static func escaped(_ field: String) -> String {
        "&lt;script&gt;alert(&#39;\(field)&#39;)&lt;/script&gt;"
    }

    @Test func everyTextFieldReachingAPageStaysText() throws {
        let dir = try scratchDirectory()
        let p = { (field: String) in Self.xmlText(Self.payload(field)) }
        let rubricXML = """
            <rubric xmlns="urn:patuh:1" id="hostile" version="1">
              <title lang="id">\(p("rubric-title-id"))</title><title lang="en">\(p("rubric-title-en"))</title>
              <basis>\(p("basis"))</basis>
              <description lang="id">\(p("description"))</description>
              <dimension id="d1" weight="1">
                <title lang="id">\(p("dimension-title"))</title>
                <indicator id="X1" min="0" max="2" ref="\(p("ref"))">
                  <title lang="id">\(p("indicator-title"))</title>
                  <description lang="id">\(p("indicator-description"))</description>
                  <level value="0" lang="id">\(p("level-0"))</level>
                  <level value="1" lang="id">\(p("level-1"))</level>
                  <level value="2" lang="id">\(p("level-2"))</level>
                </indicator>
              </dimension>
              <bands>
                <band id="a" min="50" zone="hijau"><label lang="id">\(p("band-label"))</label><label lang="en">A</label></band>
                <band id="b" min="0" zone="merah"><label lang="id">\(p("band-label-low"))</label><label lang="en">B</label></band>
              </bands>
            </rubric>
            """
        try Data(rubricXML.utf8).write(to: dir.appendingPathComponent("rubric.xml"))
        let registry = """
            <registry xmlns="urn:patuh:1">
              <region code="99" level="provinsi" name="\(p("region-name"))">
                <unit id="u1" type="opd" name="\(p("unit-name"))"/>
                <region code="99.01" level="kabupaten" name="\(p("subregion-name"))">
                  <unit id="u2" type="opd" name="\(p("unit-name-2"))"/>
                </region>
              </region>
            </registry>
            """
        try Data(registry.utf8).write(to: dir.appendingPathComponent("registry.xml"))
        // Evidence links: only relative paths and http(s) become links.
        let links = ["foto/pr01.jpg", "dok/laporan%202023.pdf", "http://contoh.go.id/a", "HTTPS://contoh.go.id/b"]
        let notLinks = [
            "javascript:alert(1)", "JaVaScRiPt:alert(2)", " javascript:alert(3)",
            "data:text/html,<script>alert(5)</script>", "vbscript:msgbox(6)", "file:///etc/passwd",
            "//evil.example/x", "/etc/passwd", "\\\\evil\\share"
        ]
        let evidence = (links + notLinks).enumerated().map { i, href in
            "<evidence href=\"\(Self.xmlText(href))\">\(p("caption-\(i)"))</evidence>"
        }.joined()
        let assessment = """
            <assessment xmlns="urn:patuh:1" id="h1" rubric="hostile" unit="u1" period="2023" assessor="\(p("assessor"))">
              <answer indicator="X1" value="1"><note>\(p("note"))</note>\(evidence)</answer>
            </assessment>
            """
        try Data(assessment.utf8).write(to: dir.appendingPathComponent("a.xml"))
        // The relative evidence exists beside the assessment file, so it is copied and linked.
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("foto"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("dok"), withIntermediateDirectories: true)
        try Data("jpg".utf8).write(to: dir.appendingPathComponent("foto/pr01.jpg"))
        try Data("pdf".utf8).write(to: dir.appendingPathComponent("dok/laporan 2023.pdf"))
        try Data(
            assessment.replacingOccurrences(of: "id=\"h1\"", with: "id=\"h2\"").replacingOccurrences(
                of: "unit=\"u1\"", with: "unit=\"u2\""
            )
            .utf8
        ).write(to: dir.appendingPathComponent("a2.xml"))
        // Surveys, for the survey pages: service, education, occupation, comment.
        var survey = "<survey xmlns=\"urn:patuh:1\" rubric=\"skm-2017\" unit=\"u1\" period=\"2023\">\n"
        survey +=
            "<response id=\"r1\" service=\"\(p("service"))\" education=\"\(p("education"))\" occupation=\"\(p("occupation"))\">"
        survey += (1...9).map { "<answer indicator=\"U\($0)\" value=\"3\"/>" }.joined()
        survey += "<comment>\(p("comment"))</comment></response>\n</survey>\n"
        try Data(survey.utf8).write(to: dir.appendingPathComponent("s.xml"))

        var site: [String: String] = [:]
        for (rubric, lang) in [(dir.appendingPathComponent("rubric.xml").path, "id"), ("skm-2017", "en")] {
            let out = try scratchDirectory()
            let run = try patuh([
                "report", "--rubric", rubric, dir.path, "--out", out.path, "--lang", lang, "--title",
                Self.payload("title"), "-q"
            ])
            #expect(run.status == 0, "\(run.stderr)")
            for (path, data) in try contents(of: out) where path.hasSuffix(".html") {
                site["\(rubric)/\(path)"] = String(decoding: data, as: UTF8.self)
            }
        }
        #expect(site.count > 6)
        for (page, html) in site {
            #expect(!html.contains("<script>alert"), "\(page)")
            #expect(!html.contains("<img src=x"), "\(page)")
            #expect(!html.contains("'><"), "\(page): an attribute was broken out of")
            #expect(
                !html.lowercased().contains("href=\"javascript:") && !html.lowercased().contains("href=\" javascript:"),
                "\(page)")
            for href in notLinks {
                #expect(!html.contains("href=\"\(Self.htmlAttribute(href))\""), "\(page) links to \(href)")
            }
        }
        let all = site.values.joined()
        // Every field that reaches a page is there, escaped: so the checks above saw it. (The
        // assessor's name and the descriptions are on no page; the checks above cover them all the same.)
        // (basis is for maintainers and is on no page; the rubric's reader notes are.)
        let fields =
            [
                "rubric-title-id", "dimension-title", "ref", "indicator-title", "level-0", "level-1",
                "level-2", "band-label", "band-label-low", "region-name", "subregion-name", "unit-name",
                "unit-name-2", "note", "service", "education", "occupation", "comment", "title"
            ]
            + (links + notLinks).indices.map { "caption-\($0)" }
        for field in fields {
            #expect(all.contains(Self.escaped(field)), "\(field) is not on any page, or not escaped as expected")
        }
        let unit = try #require(site["\(dir.appendingPathComponent("rubric.xml").path)/unit/u1.html"])
        // http(s) evidence is linked as given; relative evidence through its copy in the site.
        for href in links where href.lowercased().hasPrefix("http") {
            #expect(unit.contains("href=\"\(Self.htmlAttribute(href))\""), "\(href) is not a link")
        }
        for name in ["-pr01.jpg\"", "-laporan-2023.pdf\""] {
            #expect(
                unit.contains("href=\"../evidence/") && unit.contains(name), "\(name) is not linked through its copy")
        }
    }

    static func htmlAttribute(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    // MARK: Encodings, end to end

    @Test func utf16AndLatin1FilesAreScored() throws {
        let dir = try copyFixture("score")
        let original = try read(dir.appendingPathComponent("assessments/2023.xml"))
        try FileManager.default.removeItem(at: dir.appendingPathComponent("assessments/2023.xml"))
        // The same assessments, once in UTF-16 (with its BOM) and once in ISO-8859-1.
        let body = original.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", with: "")
        let utf16 =
            [UInt8]([0xFF, 0xFE])
            + ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + body).utf16
            .flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        try Data(utf16).write(to: dir.appendingPathComponent("assessments/2023-utf16.xml"))
        let out = try scratchDirectory()
        var run = try patuh(["score", "--rubric", "uji", dir.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let expected = try read(fixtures.appendingPathComponent("expected/units.csv")).replacingOccurrences(
            of: "\n", with: "\r\n")
        #expect(try read(out.appendingPathComponent("units.csv")) == expected)

        try FileManager.default.removeItem(at: dir.appendingPathComponent("assessments/2023-utf16.xml"))
        #expect(body.unicodeScalars.allSatisfy { $0.value < 256 })
        let latin1 = Array(
            ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + body).unicodeScalars.map { UInt8($0.value) })
        try Data(latin1).write(to: dir.appendingPathComponent("assessments/2023-latin1.xml"))
        run = try patuh(["score", "--rubric", "uji", dir.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try read(out.appendingPathComponent("units.csv")) == expected)
    }
}
