import Foundation
import Testing

/// Evidence files reach the site (issue 17 point 3; issue 15 case 15: photos `patuh import
/// odk` writes to `DIR/<form id>/media/<id>/` beside the assessments it writes to
/// `DIR/<form id>/<period>.xml`), and nothing else does.
@Suite(.serialized) struct SiteEvidenceTests {
    @Test func evidenceBesideTheAssessmentFileIsCopiedAndNothingElse() throws {
        let dir = try copyFixture("score")
        let fm = FileManager.default
        // The layout of an import: the form's folder, its period file, media/<submission id>/.
        let form = dir.appendingPathComponent("round/patuh-uji")
        let media = form.appendingPathComponent("media/e-1")
        try fm.createDirectory(at: media, withIntermediateDirectories: true)
        let photo = Data("PNG-BYTES-OF-P1".utf8)
        try photo.write(to: media.appendingPathComponent("p1.png"))
        // A file outside the form's folder, reached through a link and through "..".
        try Data("TOPSECRET".utf8).write(to: dir.appendingPathComponent("secret.png"))
        #expect(
            symlink(dir.appendingPathComponent("secret.png").path, media.appendingPathComponent("link.png").path) == 0)
        try Data("<script>alert(1)</script>".utf8).write(to: media.appendingPathComponent("page.svg"))
        try Data(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <assessments xmlns="urn:patuh:1">
              <assessment id="e-1" rubric="uji" unit="9971-c" period="2023" assessor="Tim 1" date="2023-08-17">
                <answer indicator="A1" value="1"><note>Loket</note><evidence href="media/e-1/p1.png"/><evidence href="media/e-1/missing.png"/></answer>
                <answer indicator="A2" value="1"><note>Link</note><evidence href="media/e-1/link.png"/><evidence href="../../secret.png"/></answer>
                <answer indicator="B1" value="2"><note>Svg</note><evidence href="media/e-1/page.svg"/></answer>
              </assessment>
            </assessments>
            """.utf8
        ).write(to: form.appendingPathComponent("2023.xml"))
        let out = try scratchDirectory().appendingPathComponent("site")
        let run = try patuh(["report", "--rubric", "uji", dir.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        // The photo is copied and linked relative to the page.
        let page = try read(out.appendingPathComponent("unit/9971-c.html"))
        let copied = try fm.contentsOfDirectory(atPath: out.appendingPathComponent("evidence").path)
        #expect(copied.count == 1 && copied[0].hasSuffix("-p1.png"), "\(copied)")
        #expect(page.contains("<a href=\"../evidence/\(copied[0])\" rel=\"nofollow noopener\">media/e-1/p1.png</a>"))
        // The site works from anywhere: moved, the link still resolves to the same bytes.
        let moved = try scratchDirectory().appendingPathComponent("elsewhere")
        try fm.moveItem(at: out, to: moved)
        let target = moved.appendingPathComponent("unit").appendingPathComponent("../evidence/\(copied[0])")
            .standardizedFileURL
        #expect(try Data(contentsOf: target) == photo)
        // Nothing outside the form's folder, no link, no SVG: shown as text, never copied.
        for (name, data) in try siteFiles(moved) {
            #expect(!String(decoding: data, as: UTF8.self).contains("TOPSECRET"), "\(name)")
            #expect(!String(decoding: data, as: UTF8.self).contains("alert(1)"), "\(name)")
        }
        let movedPage = try read(moved.appendingPathComponent("unit/9971-c.html"))
        for text in ["media/e-1/missing.png", "media/e-1/link.png", "../../secret.png", "media/e-1/page.svg"] {
            #expect(movedPage.contains("Bukti: \(text)</p>"), "\(text) not shown as text")
            #expect(!movedPage.contains("href=\"\(text)\""))
        }
        // Each is a warning with the assessment's file, line and column.
        let file = form.appendingPathComponent("2023.xml").path
        for text in ["media/e-1/missing.png", "media/e-1/link.png", "../../secret.png", "media/e-1/page.svg"] {
            #expect(run.stderr.contains("\(file):3:3: warning: evidence \(text) "), "\(text): \(run.stderr)")
        }
    }

    /// Evidence copies are named by their content, not by where the inputs lie: the same
    /// assessment folder at two different paths gives byte-identical sites, and two files with
    /// the same bytes are carried once.
    @Test func theSameInputsAtTwoPlacesGiveTheSameSite() throws {
        let fm = FileManager.default
        let first = try copyFixture("score")
        let form = first.appendingPathComponent("round/patuh-uji")
        let media = form.appendingPathComponent("media/e-1")
        try fm.createDirectory(at: media, withIntermediateDirectories: true)
        try Data("PNG-BYTES-OF-P1".utf8).write(to: media.appendingPathComponent("p1.png"))
        try Data("PNG-BYTES-OF-P1".utf8).write(to: media.appendingPathComponent("again.png"))
        try Data(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <assessments xmlns="urn:patuh:1">
              <assessment id="e-1" rubric="uji" unit="9971-c" period="2023" assessor="Tim 1" date="2023-08-17">
                <answer indicator="A1" value="1"><note>Loket</note><evidence href="media/e-1/p1.png"/></answer>
                <answer indicator="A2" value="1"><note>Lagi</note><evidence href="media/e-1/again.png"/></answer>
              </assessment>
            </assessments>
            """.utf8
        ).write(to: form.appendingPathComponent("2023.xml"))
        // The same folder, one level deeper somewhere else.
        let second = try scratchDirectory().appendingPathComponent("elsewhere/deeper/score")
        try fm.createDirectory(at: second.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fm.copyItem(at: first, to: second)
        var sites: [[String: Data]] = []
        for dir in [first, second] {
            let out = try scratchDirectory().appendingPathComponent("site-\(sites.count)")
            let run = try patuh(
                ["report", "--rubric", "uji", dir.path, "--out", out.path],
                environment: ["SOURCE_DATE_EPOCH": "1700000000"])
            #expect(run.status == 0, "\(run.stderr)")
            sites.append(try siteFiles(out))
        }
        #expect(sites[0].keys.sorted() == sites[1].keys.sorted())
        for (name, data) in sites[0] { #expect(sites[1][name] == data, "\(name) differs") }
        // Two files, one content: one copy, named after the first reference (A1's p1.png).
        let copies = sites[0].keys.filter { $0.hasPrefix("evidence/") }
        #expect(copies.count == 1 && copies[0].hasSuffix("-p1.png"), "\(copies)")
    }
}

/// What a published site says about respondents (issue 17 point 4).
@Suite(.serialized) struct SitePrivacyTests {
    /// A survey of six respondents of `1471-disdukcapil`: five women, one man (a group of one).
    func survey(in dir: URL) throws {
        var responses = ""
        for i in 1...6 {
            let gender = i == 6 ? "L" : "P"
            responses +=
                "  <response id=\"resp-\(i)\" date=\"2023-02-0\(i)\" service=\"KTP-el\" gender=\"\(gender)\" age=\"30\">\n"
            for u in 1...9 { responses += "    <answer indicator=\"U\(u)\" value=\"\(i == 6 ? 4 : 3)\"/>\n" }
            if i == 1 {
                responses +=
                    "    <comment>Hubungi saya di 0812-3456-7890 atau budi@contoh.id, NIK 1471020304050006</comment>\n"
            }
            responses += "  </response>\n"
        }
        try Data(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <survey xmlns="urn:patuh:1" rubric="skm-2017" unit="1471-disdukcapil" period="2023">
            \(responses)</survey>
            """.utf8
        ).write(to: dir.appendingPathComponent("survey.xml"))
    }

    @Test func smallGroupsAndContactDetailsAreNeverPublished() throws {
        let dir = try scratchDirectory()
        try survey(in: dir)
        let registry = repositoryRoot.appendingPathComponent("Samples/riau/registry.xml").path
        let out = dir.appendingPathComponent("site")
        let run = try patuh([
            "report", "--rubric", "skm-2017", registry, dir.appendingPathComponent("survey.xml").path, "--out",
            out.path, "-q"
        ])
        #expect(run.status <= 1, "\(run.stderr)")
        let page = try read(out.appendingPathComponent("unit/1471-disdukcapil.html"))
        // The man is a group of one: "< 5", no score. The women (5) are shown: all answers 3, IKM 25 · 3 = 75,00.
        #expect(
            page.contains(
                "<td>Jenis kelamin</td><td>Laki-laki</td><td class=\"num\">&lt; 5</td><td class=\"num\" data-v=\"\">kelompok kecil, tidak ditampilkan</td>"
            ))
        #expect(
            page.contains(
                "<td>Jenis kelamin</td><td>Perempuan</td><td class=\"num\">5</td><td class=\"num\" data-v=\"75.00\">75,00</td>"
            ))
        let breakdown = try read(out.appendingPathComponent("breakdown.csv"))
        #expect(breakdown.contains("2023,1471-disdukcapil,gender,L,<5,,,,,,,,,,,\r\n"), "\(breakdown)")
        // The comment is published masked, in the page and in comments.csv; no response id on a page.
        #expect(
            page.contains("Hubungi saya di [nomor telepon disamarkan] atau [email disamarkan], NIK [NIK disamarkan]"))
        for (name, data) in try siteFiles(out) {
            let text = String(decoding: data, as: UTF8.self)
            for secret in ["0812-3456-7890", "budi@contoh.id", "1471020304050006"] {
                #expect(!text.contains(secret), "\(name): \(secret)")
            }
            if name.hasSuffix(".html") { #expect(!text.contains("resp-1"), "\(name) shows a response id") }
        }
        // --no-comments: no comment anywhere, no comments.csv.
        let bare = dir.appendingPathComponent("bare")
        let quiet = try patuh([
            "report", "--rubric", "skm-2017", registry, dir.appendingPathComponent("survey.xml").path, "--out",
            bare.path,
            "--no-comments", "-q"
        ])
        #expect(quiet.status <= 1, "\(quiet.stderr)")
        #expect(!FileManager.default.fileExists(atPath: bare.appendingPathComponent("comments.csv").path))
        let barePage = try read(bare.appendingPathComponent("unit/1471-disdukcapil.html"))
        #expect(!barePage.contains("Hubungi saya") && !barePage.contains("comments.csv"))
    }
}
