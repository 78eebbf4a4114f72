import Foundation
import PatuhCore

/// ArgumentParser's own words in a help screen (its headings, "(default: …)", the help and
/// version flags, the pointer to `patuh help`) in Indonesian for an Indonesian reader: it writes
/// them in English only. The commands' own texts are already in the reader's language
/// (`Help`); names, values and the layout stay as they are.
enum HelpWording {
    /// Whole lines, as ArgumentParser writes them.
    private static let lines: [String: String] = [
        "ARGUMENTS:": "ARGUMEN:",
        "OPTIONS:": "OPSI:",
        "SUBCOMMANDS:": "SUBPERINTAH:",
        "  See 'patuh help <subcommand>' for detailed help.":
            "  Lihat 'patuh help <subperintah>' untuk bantuan lengkap."
    ]

    /// Words inside a line, in this order.
    private static let words: [(String, String)] = [
        ("OVERVIEW: ", "RINGKASAN: "),
        ("USAGE: ", "PEMAKAIAN: "),
        ("[<options>]", "[<opsi>]"),
        (" <subcommand>", " <subperintah>"),
        ("Show help information.", "Tampilkan bantuan ini."),
        ("Show the version.", "Tampilkan versi."),
        ("(values: ", "(nilai: "),
        ("; default as flag: ", "; bawaan sebagai flag: "),
        ("; default: ", "; bawaan: "),
        ("(default: ", "(bawaan: "),
        ("(default:", "(bawaan:"),  // wrapped before its value
        // The default subcommand, padded so that the abstracts stay in their column.
        (" (default) ", " (bawaan)  "),
        (" (default)", " (bawaan)")
    ]

    /// `text` (a help screen) in `language`: line by line for Indonesian.
    static func text(_ text: String, in language: Language) -> String {
        guard language == .id else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { translated(String($0)) }
            .joined(separator: "\n")
    }

    private static func translated(_ line: String) -> String {
        if let whole = lines[line] { return whole }
        var line = line
        // "  See 'patuh help serve <subcommand>' for detailed help."
        let see = ("  See '", "' for detailed help.")
        if line.hasPrefix(see.0), line.hasSuffix(see.1) {
            line = "  Lihat '" + line.dropFirst(see.0.count).dropLast(see.1.count) + "' untuk bantuan lengkap."
        }
        for (english, indonesian) in words where line.contains(english) {
            line = line.replacingOccurrences(of: english, with: indonesian)
        }
        return line
    }
}
