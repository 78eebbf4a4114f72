import Foundation
import PatuhCore
import PatuhFormats
import PatuhReport

/// What the commands print on stderr.
enum Console {
    /// The language messages are printed in: `--lang` when given, else the locale's
    /// (`LANG=id_ID.UTF-8` picks Indonesian). Set once, before any command runs.
    nonisolated(unsafe) static var language = Language.fromEnvironment(ProcessInfo.processInfo.environment)

    /// `--lang id|en` (or `--lang=…`) anywhere among `arguments`: every command that has the
    /// option means the language of its messages by it.
    static func language(in arguments: [String]) -> Language? {
        for (i, a) in arguments.enumerated() {
            if a == "--lang", i + 1 < arguments.count { return Language(rawValue: arguments[i + 1]) }
            if a.hasPrefix("--lang=") { return Language(rawValue: String(a.dropFirst("--lang=".count))) }
        }
        return nil
    }

    /// The text for the reader's language: (Indonesian, English).
    static func say(_ texts: (String, String)) -> String { language == .id ? texts.0 : texts.1 }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Diagnostics in file, line, column order, one per line, `file:line:col: error: message`.
    static func print(_ diagnostics: [Diagnostic], quiet: Bool = false) {
        let shown = quiet ? diagnostics.filter { $0.severity == .error } : diagnostics
        var seen = Set<Diagnostic>()
        var text = ""
        for d in shown.sorted(by: { ($0.location, $0.message) < ($1.location, $1.message) })
        where seen.insert(d).inserted {
            text += d.description(in: language) + "\n"
            // Written as it goes: a national round can have tens of thousands of lines.
            if text.utf8.count >= 1 << 16 {
                FileHandle.standardError.write(Data(text.utf8))
                text = ""
            }
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// An operational failure: the problems found on the way, then `patuh: error: …`.
    static func print(_ failure: PatuhError) {
        if !failure.diagnostics.isEmpty { print(failure.diagnostics) }
        error(failure.line(in: language))
    }

    /// An error as a sentence for a person: the path and the reason, never a framework's
    /// error domain or a type name.
    static func describe(_ error: any Error) -> String {
        if let output = error as? OutputError { return output.description }
        if let failure = error as? PatuhError { return say((failure.indonesian, failure.english)) }
        if let rejection = error as? Rejection {
            return rejection.diagnostics.map { $0.description(in: language) }.joined(separator: "\n")
        }
        let ns = error as NSError
        let path = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        var reason: String?
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32(underlying.code)))
        } else if ns.domain == NSPOSIXErrorDomain {
            reason = String(cString: strerror(Int32(ns.code)))
        } else if ns.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: ns.code) {
            case .fileWriteFileExists:
                reason = say(("ada berkas bernama sama yang menghalangi", "a file of that name is in the way"))
            case .fileNoSuchFile, .fileReadNoSuchFile:
                reason = say(("berkas atau folder tidak ada", "no such file or folder"))
            case .fileReadNoPermission, .fileWriteNoPermission: reason = say(("izin ditolak", "permission denied"))
            case .fileWriteOutOfSpace: reason = say(("ruang di perangkat habis", "no space left on the device"))
            case .fileWriteVolumeReadOnly: reason = say(("diska hanya dapat dibaca", "the disk is read-only"))
            default: reason = say(("sistem berkas menolak operasi ini", "the file system refused the operation"))
            }
        }
        let text = reason ?? ns.localizedDescription
        return path.map { "\($0): \(text)" } ?? text
    }

    /// A whole number in the reader's language: `18.723` in Indonesian, `18723` in English.
    static func number(_ n: Int) -> String { language == .id ? DecimalFormat.indonesian(n) : String(n) }

    /// A count and its noun in the reader's language: "3 errors" / "3 galat" (Indonesian
    /// nouns take no plural ending; `18.723 respons`).
    static func count(_ n: Int, _ texts: (id: String, en: String)) -> String {
        language == .id ? "\(DecimalFormat.indonesian(n)) \(texts.id)" : count(n, texts.en)
    }

    /// "3 errors" / "1 warning".
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
