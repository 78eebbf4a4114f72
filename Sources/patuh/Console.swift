import Foundation
import PatuhCore

/// What the commands print on stderr.
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Diagnostics in file, line, column order, one per line, `file:line:col: error: message`.
    static func print(_ diagnostics: [Diagnostic], quiet: Bool = false) {
        var seen = Set<Diagnostic>()
        var text = ""
        for d in diagnostics.sorted(by: { ($0.location, $0.message) < ($1.location, $1.message) })
        where seen.insert(d).inserted && (!quiet || d.severity == .error) {
            text += d.description + "\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// "3 errors" / "1 warning".
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
