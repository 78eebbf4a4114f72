import Foundation
import Testing

/// Issue 18, acceptance 2: the hand-made mistakes get messages a person can act on, in
/// Indonesian and English, each with its file, line and column.
@Suite struct MessageTests {
    static let registry = """
        <registry xmlns="urn:patuh:1">
          <region code="99" level="provinsi" name="Provinsi Uji">
            <unit id="9901-disdukcapil" type="opd" name="Dinas Uji"/>
            <unit id="9901-dpmptsp" type="opd" name="Dinas Uji 2"/>
          </region>
        </registry>
        """
    static let head =
        "<assessment xmlns=\"urn:patuh:1\" id=\"a1\" rubric=\"ombudsman-opini-2022\" unit=\"9901-disdukcapil\""

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var file: String
        var at: String
        var id: String
        var en: String
        var description: String { name }
    }

    static let cases: [Case] = [
        // Line 2: two spaces, `<answer indicator="IN-01" value="1">` (36), `<note>` (6),
        // "Loket A " (8): the '&' is character 53.
        Case(
            name: "bare &",
            file: head
                + " period=\"2023\">\n  <answer indicator=\"IN-01\" value=\"1\"><note>Loket A & B tutup</note></answer>\n</assessment>\n",
            at: "2:53",
            id: "tanda '&' tanpa nama entitas: dalam teks tulis &amp; (mis. \"Loket A &amp; B\")",
            en: "'&' without an entity name: in text write &amp; (e.g. \"Counter A &amp; B\")"),
        // The same place, "antrian " (8) before the '<': character 53.
        Case(
            name: "bare <",
            file: head
                + " period=\"2023\">\n  <answer indicator=\"IN-01\" value=\"1\"><note>antrian < 10 menit</note></answer>\n</assessment>\n",
            at: "2:53",
            id: "tanda '<' di dalam teks: tulis &lt; (mis. \"&lt; 10 menit\")",
            en: "'<' inside text: write &lt; (e.g. \"&lt; 10 minutes\")"),
        // 10/02/2023 written day first, as Indonesians do: 10 February 2023. The schema
        // names the element, whose start tag is line 1, column 1.
        Case(
            name: "date",
            file: head
                + " period=\"2023\" date=\"10/02/2023\">\n  <answer indicator=\"IN-01\" value=\"1\"/>\n</assessment>\n",
            at: "1:1",
            id:
                "tanggal '10/02/2023' pada <assessment> tidak berbentuk TTTT-BB-HH (tahun-bulan-hari); maksudnya 2023-02-10?",
            en:
                "date '10/02/2023' on <assessment> is not in the form YYYY-MM-DD (year-month-day); did you mean 2023-02-10?"
        ),
        Case(
            name: "period",
            file: head + " period=\"2023/S1\">\n  <answer indicator=\"IN-01\" value=\"1\"/>\n</assessment>\n",
            at: "1:1",
            id:
                "periode '2023/S1' pada <assessment> tidak dikenal: tulis salah satu bentuk 2023 (tahun), 2023-S1 / 2023-S2 (semester), 2023-Q1 … 2023-Q4 (triwulan), 2023-07 (bulan); maksudnya 2023-S1?",
            en:
                "period '2023/S1' on <assessment> is not one of the allowed forms 2023 (year), 2023-S1 / 2023-S2 (half year), 2023-Q1 … 2023-Q4 (quarter), 2023-07 (month); did you mean 2023-S1?"
        ),
        // "disdukcapll" is one letter off "disdukcapil" (distance 1); "dpmptsp" is far.
        Case(
            name: "unit id",
            file: head.replacingOccurrences(of: "9901-disdukcapil", with: "9901-disdukcapll")
                + " period=\"2023\">\n  <answer indicator=\"IN-01\" value=\"1\"/>\n</assessment>\n",
            at: "1:1",
            id: "unit '9901-disdukcapll' tidak ada dalam registri; yang terdekat: '9901-disdukcapil'",
            en: "unit '9901-disdukcapll' is not in the registry; nearest: '9901-disdukcapil'"),
        // A survey for an unknown unit: two letters swapped (distance 2) from 9901-dpmptsp.
        Case(
            name: "survey unit id",
            file:
                "<survey xmlns=\"urn:patuh:1\" rubric=\"skm-2017\" unit=\"9901-dpmptps\" period=\"2023-S1\">\n<response id=\"r1\"><answer indicator=\"U1\" value=\"4\"/></response>\n</survey>\n",
            at: "1:1",
            id: "unit '9901-dpmptps' tidak ada dalam registri; yang terdekat: '9901-dpmptsp'; berkas survei ditolak",
            en: "unit '9901-dpmptps' is not in the registry; nearest: '9901-dpmptsp'; survey file rejected"),
        // A survey response's date (line 2, the response's start tag at column 1).
        Case(
            name: "survey date",
            file:
                "<survey xmlns=\"urn:patuh:1\" rubric=\"skm-2017\" unit=\"9901-dpmptsp\" period=\"2023-S1\">\n<response id=\"r1\" date=\"25/12/2023\"><answer indicator=\"U1\" value=\"4\"/></response>\n</survey>\n",
            at: "2:1",
            id:
                "tanggal '25/12/2023' pada <response> tidak berbentuk TTTT-BB-HH (tahun-bulan-hari); maksudnya 2023-12-25?",
            en:
                "date '25/12/2023' on <response> is not in the form YYYY-MM-DD (year-month-day); did you mean 2023-12-25?"
        )
    ]

    @Test(arguments: cases)
    func handMadeMistakeInBothLanguages(_ c: Case) throws {
        let dir = try scratchDirectory()
        try Data(Self.registry.utf8).write(to: dir.appendingPathComponent("r.xml"))
        let file = dir.appendingPathComponent("x.xml")
        try Data(c.file.utf8).write(to: file)
        for (lang, text) in [("id", c.id), ("en", c.en)] {
            let run = try patuh(["validate", "--lang", lang, dir.path])
            #expect(run.status == 1)
            #expect(run.stderr.contains("\(file.path):\(c.at): error: \(text)\n"), "\(lang): \(run.stderr)")
        }
    }

    @Test func langFromTheEnvironment() throws {
        // LANG=id_ID.UTF-8 picks Indonesian without --lang; --lang en wins over it.
        let dir = try scratchDirectory()
        try Data(Self.registry.utf8).write(to: dir.appendingPathComponent("r.xml"))
        try Data(Self.cases[4].file.utf8).write(to: dir.appendingPathComponent("x.xml"))
        let env = try run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["LANG=id_ID.UTF-8", "LC_ALL=", "LC_MESSAGES=", try patuhExecutable().path, "validate", dir.path])
        #expect(env.stderr.contains("tidak ada dalam registri"))
        // The summary too: 2 files (registry and x.xml), 1 valid, 1 with an error (the unknown
        // unit) and two warnings (the assessment answers IN-01 only; the registry's region 99
        // is not a Kemendagri code).
        #expect(
            env.stderr.contains("patuh validate: 2 berkas: 1 sah, 1 bermasalah; 1 galat, 2 peringatan"), "\(env.stderr)"
        )
        let en = try run(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "LANG=id_ID.UTF-8", "LC_ALL=", "LC_MESSAGES=", try patuhExecutable().path, "validate", "--lang", "en",
                dir.path
            ])
        #expect(en.stderr.contains("is not in the registry"))
    }

    @Test func libxml2MessagesAreInTheReadersLanguageWithTheirPlace() throws {
        // An unclosed element: libxml2's words in English, in Indonesian the same said in
        // Indonesian (LibXML2Wording), both with file:line:col.
        let dir = try scratchDirectory()
        let file = dir.appendingPathComponent("x.xml")
        try Data((Self.head + " period=\"2023\">\n  <answer indicator=\"IN-01\" value=\"1\">\n</assessment>\n").utf8)
            .write(to: file)
        let words = [
            "id": "tag pembuka dan penutup tidak cocok: <answer> (baris 2) ditutup dengan </assessment>",
            "en": "Opening and ending tag mismatch: answer line 2 and assessment"
        ]
        for (lang, text) in words {
            let run = try patuh(["validate", "--lang", lang, dir.path])
            #expect(run.stderr.contains("\(file.path):3:"), "\(run.stderr)")
            #expect(run.stderr.contains(text), "\(run.stderr)")
        }
    }
}
