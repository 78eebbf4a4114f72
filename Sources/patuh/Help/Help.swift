import ArgumentParser
import Foundation

/// Help in the reader's language. `Console.language` is set from `--lang` or the locale before
/// the command line is parsed, and ArgumentParser reads a command's `configuration` and its
/// options' `help:` only when it parses or prints help: so the texts below are chosen then.
enum Help {
    /// An option's help: (Indonesian, English).
    static func say(_ indonesian: String, _ english: String) -> ArgumentHelp {
        ArgumentHelp(Console.say((indonesian, english)))
    }

    /// A command's abstract or discussion: (Indonesian, English).
    static func text(_ indonesian: String, _ english: String) -> String { Console.say((indonesian, english)) }

    /// The ids of the rubrics in the nearest `Rubrics/` (file names, as `--rubric` takes them).
    static var rubricIDs: String {
        guard let dir = ProcessInfo.processInfo.environment["PATUH_RUBRICS"] ?? RubricLibraryOption.foundDirectory(),
            let names = try? FileManager.default.contentsOfDirectory(atPath: dir)
        else { return text("(folder Rubrics/ tidak ditemukan)", "(no Rubrics/ folder found)") }
        let ids = names.filter { $0.hasSuffix(".xml") }.map { String($0.dropLast(4)) }.sorted()
        return ids.isEmpty ? text("(tidak ada)", "(none)") : ids.joined(separator: ", ")
    }

    /// The exit codes of a command that reads a round.
    static var exitCodes: String {
        text(
            """
            Kode keluar: 0 semua baik; 1 ada masukan yang ditolak (sisanya tetap ditulis) atau tidak \
            ada masukan untuk rubrik atau periode itu; 2 pemakaian salah.
            """,
            """
            Exit status: 0 all good; 1 some input rejected (the rest is still written) or nothing in \
            the inputs for the rubric or period; 2 bad usage.
            """)
    }

    /// `text`, the examples, the rubric ids found (when `rubrics`) and `exit` (by default the
    /// exit codes of a command that reads a round).
    static func discussion(_ text: String, examples: [String], rubrics: Bool = true, exit: String? = nil) -> String {
        var out = text.isEmpty ? "" : text + "\n\n"
        out += Self.text("Contoh:\n", "Examples:\n") + examples.map { "  " + $0 }.joined(separator: "\n")
        if rubrics { out += Self.text("\n\nRubrik (--rubric): ", "\n\nRubrics (--rubric): ") + rubricIDs }
        return out + "\n\n" + (exit ?? exitCodes)
    }
}
