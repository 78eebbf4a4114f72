import Foundation

/// What a published page may say about respondents: no group small enough to single a
/// person out, no contact details or NIK in their comments, never a response id.
enum Privacy {
    /// A comment with e-mail addresses, phone numbers and 16-digit NIK replaced by a mark.
    static func mask(_ text: String, lang: String) -> String {
        let en = lang == "en"
        var out = replace(#"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"#, in: text,
                          with: en ? "[e-mail hidden]" : "[email disamarkan]")
        // Runs of digits, possibly split by blanks, dots, dashes, brackets or a leading +.
        out = replace(#"\+?\(?[0-9][0-9 .\-()]{7,}[0-9]"#, in: out) { run in
            let digits = run.filter(\.isNumber).count
            if digits == 16 { return en ? "[NIK hidden]" : "[NIK disamarkan]" }
            if digits >= 9 && digits <= 15 { return en ? "[phone number hidden]" : "[nomor telepon disamarkan]" }
            return run
        }
        return out
    }

    private static func replace(_ pattern: String, in text: String, with mark: String) -> String {
        replace(pattern, in: text) { _ in mark }
    }

    private static func replace(_ pattern: String, in text: String, _ transform: (String) -> String) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        let ns = text as NSString
        var out = "", last = 0
        for m in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: last, length: m.range.location - last))
            out += transform(ns.substring(with: m.range))
            last = m.range.location + m.range.length
        }
        return out + ns.substring(from: last)
    }
}
