import Foundation
import Testing

/// Help is written in the reader's language: Indonesian under an Indonesian locale (the
/// commands' texts and ArgumentParser's own headings), English otherwise. The expected words
/// are written here by hand, from the help tables; help wraps lines, so spaces are folded.
@Suite struct HelpLanguageTests {
    static let indonesian = ["LANG": "id_ID.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]
    static let english = ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]

    /// The command, then words only the Indonesian help has and words only the English one has.
    static let cases: [([String], [String], [String])] = [
        (
            ["report", "--help"],
            [
                "Bahasa situs: id (Bahasa Indonesia) atau en.", "Folder keluaran.", "Contoh:",
                "Kode keluar: 0 semua baik"
            ],
            ["Language of the site: id (Bahasa Indonesia) or en.", "Output directory.", "Examples:", "Exit status: 0"]
        ),
        (
            ["score", "--help"],
            ["respons survei yang mengosongkan unsur dikeluarkan", "Rubrik (--rubric):"],
            ["a survey response that leaves an unsur blank is excluded", "Rubrics (--rubric):"]
        ),
        (
            ["validate", "-h"],
            ["Memeriksa berkas terhadap skemanya", "Berkas, atau folder yang ditelusuri"],
            ["Check files against their schema", "Files, or directories searched recursively"]
        ),
        (
            ["import", "odk", "--help"],
            ["Mengimpor kiriman ODK Collect", "Kode keluar: 0 semua diimpor"],
            ["Import ODK Collect / ODK Central submissions", "Exit status: 0 all imported"]
        ),
        (
            ["serve", "user", "add", "--help"],
            ["Nama akun (huruf, angka, . _ - @).", "Biaya bcrypt (2^cost putaran; 4-16).", "Peran: unit (cakupan:"],
            ["Account name (letters, digits, . _ - @).", "bcrypt cost (2^cost rounds; 4-16).", "Roles: unit (scope:"]
        ),
        (
            ["help", "check"],
            ["Laporan mutu data untuk lembaga penilai", "jawaban seragam"],
            ["Quality report for the assessing body", "straight-lining (one same answer"]
        ),
        (
            ["--help"],
            ["Menilai kepatuhan unit layanan publik", "Mengumpulkan jawaban SKM di loket"],
            ["Assess public-service units against UU 25/2009", "Collect SKM answers at the counter"]
        )
    ]

    func help(_ arguments: [String], _ environment: [String: String]) throws -> String {
        let run = try patuh(arguments, environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test(arguments: cases)
    func helpIsInTheReadersLanguage(_ arguments: [String], _ indonesian: [String], _ english: [String]) throws {
        let id = try help(arguments, Self.indonesian)
        let en = try help(arguments, Self.english)
        for words in indonesian {
            #expect(id.contains(words), "\(words) in \(id)")
            #expect(!en.contains(words), "\(words) in \(en)")
        }
        for words in english {
            #expect(en.contains(words), "\(words) in \(en)")
            #expect(!id.contains(words), "\(words) in \(id)")
        }
    }

    /// ArgumentParser's own headings and words: Indonesian for an Indonesian reader only.
    @Test(arguments: [["report", "--help"], ["serve", "--help"], ["--help"]])
    func headingsAreInTheReadersLanguage(_ arguments: [String]) throws {
        let id = try patuh(arguments, environment: Self.indonesian).stdout
        let en = try patuh(arguments, environment: Self.english).stdout
        for (indonesian, english) in [("RINGKASAN:", "OVERVIEW:"), ("PEMAKAIAN:", "USAGE:"), ("OPSI:", "OPTIONS:")] {
            #expect(id.contains(indonesian) && !id.contains(english), "\(id)")
            #expect(en.contains(english) && !en.contains(indonesian), "\(en)")
        }
        #expect(id.contains("Tampilkan bantuan ini.") && !id.contains("Show help information."))
        #expect(en.contains("Show help information."))
    }

    @Test func defaultsAndSubcommandsAreSaidInIndonesian() throws {
        let report = try patuh(["report", "--help"], environment: Self.indonesian).stdout
        #expect(report.contains("(bawaan: id)") && !report.contains("(default: "), "\(report)")  // --lang's default
        let serve = try patuh(["serve", "--help"], environment: Self.indonesian).stdout
        #expect(serve.contains("SUBPERINTAH:") && serve.contains("run (bawaan)"), "\(serve)")
        #expect(serve.contains("Lihat 'patuh help serve <subperintah>' untuk bantuan lengkap."), "\(serve)")
    }

    /// `--lang` wins over the locale, as it does for messages.
    @Test func theLangOptionPicksTheHelpsLanguage() throws {
        let en = try help(["validate", "--lang", "en", "--help"], Self.indonesian)
        #expect(en.contains("Check files against their schema") && en.contains("OPTIONS:"), "\(en)")
    }
}
