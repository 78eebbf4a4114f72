import Foundation
import PatuhCore

/// ArgumentParser's own usage errors (a missing argument, an unknown option, a value that does
/// not parse) in Indonesian for an Indonesian reader: ArgumentParser words them in English only.
/// Names, values and the usage line stay as they are. A message of another shape keeps its words
/// under the Indonesian "Galat:": the commands' own usage errors are already said in the reader's
/// language, and they are the ones that arrive so.
enum ParserWording {
    /// One English message shape of ArgumentParser 1.x and its Indonesian wording; `$1`, `$2`
    /// are the message's own names and values.
    private static let shapes: [(pattern: String, indonesian: String)] = [
        (#"^Error: Missing expected argument '(.*)'$"#, "Galat: argumen '$1' belum diberikan"),
        (#"^Error: Missing one of: (.*)$"#, "Galat: berikan salah satu dari $1"),
        (#"^Error: Missing value for '(.*)'$"#, "Galat: '$1' memerlukan nilai"),
        (
            #"^Error: Unknown option '([^']*)'\. Did you mean '([^']*)'\?$"#,
            "Galat: opsi '$1' tidak dikenal. Maksudnya '$2'?"
        ),
        (#"^Error: Unknown option '(.*)'$"#, "Galat: opsi '$1' tidak dikenal"),
        (#"^Error: Unexpected argument '(.*)'$"#, "Galat: argumen '$1' tidak diharapkan"),
        (#"^Error: (\d+) unexpected arguments: (.*)$"#, "Galat: $1 argumen tidak diharapkan: $2"),
        (
            #"^Error: The value '([^']*)' is invalid for '([^']*)'\. Please provide one of (.*)\.$"#,
            "Galat: nilai '$1' tidak berlaku untuk '$2'. Pilih salah satu: $3."
        ),
        (#"^Error: The value '([^']*)' is invalid for '([^']*)'$"#, "Galat: nilai '$1' tidak berlaku untuk '$2'"),
        (
            #"^Error: The option '([^']*)' does not take any value, but '([^']*)' was specified\.$"#,
            "Galat: opsi '$1' tidak menerima nilai, tetapi diberi '$2'."
        ),
        (#"^Error: Missing required subcommand\.$"#, "Galat: sebutkan subperintah."),
        (#"^Error: (.*)$"#, "Galat: $1"),
        (#"^Help:  (.*)$"#, "Bantuan:  $1"),
        (#"^Usage: (.*)$"#, "Pemakaian: $1"),
        (#"^  See '(.*)' for more information\.$"#, "  Lihat '$1' untuk keterangan lebih lanjut.")
    ]

    private static let expressions: [(NSRegularExpression, String)] = shapes.compactMap { shape in
        guard let expression = try? NSRegularExpression(pattern: shape.pattern) else { return nil }
        return (expression, shape.indonesian)
    }

    /// `message` (ArgumentParser's full usage error) in `language`: line by line for Indonesian.
    /// " and " and " or " in a list of choices become " dan " and " atau ".
    static func message(_ message: String, in language: Language) -> String {
        guard language == .id else { return message }
        return message.split(separator: "\n", omittingEmptySubsequences: false).map { translated(String($0)) }
            .joined(separator: "\n")
    }

    private static func translated(_ line: String) -> String {
        let whole = NSRange(line.startIndex..., in: line)
        for (expression, indonesian) in expressions
        where expression.firstMatch(in: line, range: whole) != nil {
            let said = expression.stringByReplacingMatches(in: line, range: whole, withTemplate: indonesian)
            return said.replacingOccurrences(of: "' or '", with: "' atau '")
                .replacingOccurrences(of: "' and '", with: "' dan '")
        }
        return line
    }
}
