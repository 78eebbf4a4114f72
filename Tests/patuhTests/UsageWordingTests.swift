import Foundation
import Testing

/// Bad usage is said in the reader's language: Indonesian under an Indonesian locale,
/// English otherwise (the expected words are the ones written in the commands, by hand).
@Suite struct UsageWordingTests {
    /// Arguments, then the Indonesian and the English words the message must hold.
    static let cases: [([String], String, String)] = [
        (
            ["report", "--rubric", "skm-2017", "--min-group", "0", "Samples/riau", "--out", "/tmp/x"],
            "--min-group berupa bilangan bulat, sedikitnya 1", "--min-group takes a whole number of at least 1"
        ),
        (["report", "--rubric", "skm-2017", "--out", "/tmp/x"], "tidak ada masukan", "no inputs"),
        (
            ["check", "--rubric", "skm-2017", "--na-share", "2", "Samples/riau", "--out", "/tmp/x"],
            "--na-share berupa bagian dari 0 sampai 1",
            "--na-share takes a share"
        ),
        (
            ["import", "sheet", "--map", "map.xml", "--lang", "fr", "x.csv", "--out", "/tmp/x"],
            "--lang berupa id atau en",
            "--lang is id or en"
        ),
        (["generate", "--units", "0", "--out", "/tmp/x"], "--units harus 1 sampai 200", "--units must be 1...200"),
        (
            ["template", "--rubric", "skm-2017", "--period", "2026-S2", "--out", "/tmp/x.csv"],
            "--out harus menyebut berkas .xlsx", "--out names an .xlsx file"
        ),
        // A command with no input at all: its own check, no longer ArgumentParser's English one.
        (["validate"], "sebutkan sedikitnya satu berkas atau folder", "name at least one file or directory"),
        (
            ["import", "odk", "--out", "/tmp/x"], "sebutkan sedikitnya satu berkas atau folder kiriman",
            "name at least one submission file or directory"
        ),
        // ArgumentParser's own errors, said in Indonesian by ParserWording's table.
        (
            ["score", "--rubric", "skm-2017", "--out", "/tmp/x", "--bogus", "Samples/riau"],
            "Galat: opsi '--bogus' tidak dikenal", "Unknown option '--bogus'"
        ),
        (
            ["import", "odk", "x.xml"], "Galat: argumen '--out <out>' belum diberikan",
            "Missing expected argument '--out <out>'"
        ),
        (["report", "--out"], "'--out <out>' memerlukan nilai", "Missing value for '--out <out>'")
    ]

    @Test(arguments: cases)
    func usageErrorsAreSaidInBothLanguages(_ arguments: [String], _ indonesian: String, _ english: String) throws {
        let id = try patuh(arguments, environment: ["LANG": "id_ID.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(id.status == 2)
        #expect(id.stderr.contains(indonesian), "\(id.stderr)")
        #expect(!id.stderr.contains(english), "\(id.stderr)")
        let en = try patuh(arguments, environment: ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(en.status == 2)
        #expect(en.stderr.contains(english), "\(en.stderr)")
    }
}
