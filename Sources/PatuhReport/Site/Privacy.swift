import Foundation

/// What a published page may say about respondents: no group small enough to single a
/// person out, no contact details or NIK in their comments, never a response id.
enum Privacy {
    /// A comment with e-mail addresses, phone numbers and 16-digit NIK replaced by a mark.
    static func mask(_ text: String, lang: String) -> String {
        // Most comments hold neither an "@" nor nine digits: nothing to mask, no expression run.
        var at = false
        var digits = 0
        for b in text.utf8 {
            if b == UInt8(ascii: "@") { at = true } else if b >= 48 && b <= 57 { digits += 1 }
        }
        if !at && digits < 9 { return text }
        let en = lang == "en"
        let regexes = pool.take()
        defer { pool.give(regexes) }
        var out = replace(regexes.email, in: text, with: en ? "[e-mail hidden]" : "[email disamarkan]")
        out = replace(regexes.digitRun, in: out) { run in
            let digits = run.filter(\.isNumber).count
            if digits == 16 { return en ? "[NIK hidden]" : "[NIK disamarkan]" }
            if digits >= 9 && digits <= 15 { return en ? "[phone number hidden]" : "[nomor telepon disamarkan]" }
            return run
        }
        return out
    }

    /// The two expressions, compiled once per thread that masks (not once per comment), each
    /// used by one thread at a time.
    private final class Regexes: @unchecked Sendable {
        let email = try? NSRegularExpression(pattern: #"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"#)
        /// Runs of digits, possibly split by blanks, dots, dashes, brackets or a leading +.
        let digitRun = try? NSRegularExpression(pattern: #"\+?\(?[0-9][0-9 .\-()]{7,}[0-9]"#)
    }

    private final class Pool: @unchecked Sendable {
        private let lock = NSLock()
        private var free: [Regexes] = []
        func take() -> Regexes {
            lock.lock()
            defer { lock.unlock() }
            return free.popLast() ?? Regexes()
        }
        func give(_ r: Regexes) {
            lock.lock()
            free.append(r)
            lock.unlock()
        }
    }

    private static let pool = Pool()

    private static func replace(_ regex: NSRegularExpression?, in text: String, with mark: String) -> String {
        replace(regex, in: text) { _ in mark }
    }

    private static func replace(_ regex: NSRegularExpression?, in text: String, _ transform: (String) -> String)
        -> String
    {
        guard let regex else { return text }
        let ns = text as NSString
        var out = ""
        var last = 0
        for m in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
            out += transform(ns.substring(with: m.range))
            last = m.range.location + m.range.length
        }
        return out + ns.substring(from: last)
    }
}
