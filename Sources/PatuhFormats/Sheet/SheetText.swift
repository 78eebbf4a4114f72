import Foundation

/// How sheet text is compared: labels and headers match whatever their case and spacing.
public enum SheetText {
    /// Lowercased, trimmed, inner runs of white space (non-breaking spaces too) made one space.
    public static func key(_ text: String) -> String {
        text.lowercased()
            .split(whereSeparator: { $0.isWhitespace || $0 == "\u{00A0}" })
            .joined(separator: " ")
    }

    /// A header as matched: `key`, with leading numbering removed ("1.", "1)", "(1)", "U1.",
    /// "No. 1 -") and a trailing colon or asterisk (a required question) dropped.
    public static func header(_ text: String) -> String {
        var s = Substring(key(text))
        while let last = s.last, last == ":" || last == "*" || last == " " { s.removeLast() }
        let patterns = [#"^(no\.?\s*)?\(?[0-9]{1,3}[.)]?\)?\s*[-.:]?\s+"#, #"^u[0-9]{1,2}\s*[.):-]\s*"#]
        var t = String(s)
        for p in patterns {
            if let r = t.range(of: p, options: .regularExpression) { t.removeSubrange(r) }
        }
        return t.trimmingCharacters(in: .whitespaces)
    }

    /// Without white space at either end (plain ASCII checked first: most cells have none).
    public static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        if first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A number written either way: `3`, `3.0`, `2,5` (decimal comma); otherwise the
    /// contract's decimal grammar, without a plus sign.
    public static func number(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.hasPrefix("+") else { return nil }
        let commas = t.utf8.count { $0 == UInt8(ascii: ",") }
        return DecimalText.parse(commas == 1 && !t.contains(".") ? t.replacingOccurrences(of: ",", with: ".") : t)
    }
}

/// Dates as sheets write them: formats such as `dd/mm/yyyy`, `yyyy-mm-dd`, `d mmmm yyyy`
/// (month names in Indonesian or English, full or three letters), a time after the date
/// ignored, and Excel's serial day numbers (an .xlsx stores dates as numbers).
public struct SheetDates: Sendable {
    public var formats: [String]

    /// The formats tried when a map names none.
    public static let standard = ["yyyy-mm-dd", "dd/mm/yyyy", "d mmmm yyyy"]

    public init(formats: [String] = SheetDates.standard) { self.formats = formats.isEmpty ? Self.standard : formats }

    static let months: [String: Int] = {
        let id = [
            "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
            "november", "desember"
        ]
        let en = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december"
        ]
        var m: [String: Int] = [:]
        for (i, name) in id.enumerated() {
            m[name] = i + 1
            m[String(name.prefix(3))] = i + 1
        }
        for (i, name) in en.enumerated() {
            m[name] = i + 1
            m[String(name.prefix(3))] = i + 1
        }
        m["agu"] = 8
        m["ags"] = 8
        m["okt"] = 10
        m["des"] = 12
        m["peb"] = 2
        m["nop"] = 11
        m["sept"] = 9
        return m
    }()

    /// `yyyy-mm-dd`, or `nil` when the text is no date in any format.
    public func parse(_ text: String) -> String? {
        let t = SheetText.key(text)
        guard !t.isEmpty else { return nil }
        if let serial = Double(t), serial >= 1, serial < 2_958_466 { return Self.fromSerial(serial) }
        for format in formats {
            if let d = Self.parse(t, format: SheetText.key(format)) { return d }
        }
        return nil
    }

    /// Excel's 1900 date system: day 1 is 1900-01-01, with its phantom 29 February 1900.
    static func fromSerial(_ serial: Double) -> String? {
        var days = Int(serial.rounded(.down))
        if days >= 60 { days -= 1 }
        guard
            let base = DateComponents(
                calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
                year: 1899, month: 12, day: 31
            ).date
        else { return nil }
        let date = base.addingTimeInterval(Double(days) * 86_400)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        guard let y = c.year, let m = c.month, let d = c.day else { return nil }
        return iso(y, m, d)
    }

    static func iso(_ y: Int, _ m: Int, _ d: Int) -> String? {
        let lengths = [
            31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
        ]
        guard (1000...9999).contains(y), (1...12).contains(m), d >= 1, d <= lengths[m - 1] else { return nil }
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    /// Matches `text` against one format: tokens `yyyy`, `yy`, `mmmm`/`mmm` (a month name),
    /// `mm`/`m`, `dd`/`d`; anything else must be there as written. Text after the date (a
    /// time) is ignored when it follows a space or `T`.
    static func parse(_ text: String, format: String) -> String? {
        let s = Array(text)
        let f = Array(format)
        var i = 0
        var j = 0
        var y: Int?
        var m: Int?
        var d: Int?
        func digits(_ min: Int, _ max: Int) -> Int? {
            var n = 0
            var count = 0
            while i < s.count, count < max, let v = s[i].wholeNumberValue, s[i].isASCII {
                n = n * 10 + v
                i += 1
                count += 1
            }
            return count >= min ? n : nil
        }
        func run(_ c: Character) -> Int {
            var k = j
            while k < f.count, f[k] == c { k += 1 }
            return k - j
        }
        while j < f.count {
            let c = f[j]
            let n = run(c)
            switch (c, n) {
            case ("y", 4):
                guard let v = digits(4, 4) else { return nil }
                y = v
                j += 4
            case ("y", 2):
                guard let v = digits(2, 2) else { return nil }
                y = 2000 + v
                j += 2
            case ("m", 3...):
                var word = ""
                while i < s.count, s[i].isLetter {
                    word.append(s[i])
                    i += 1
                }
                guard let v = months[word] else { return nil }
                m = v
                j += n
            case ("m", _):
                guard let v = digits(1, 2) else { return nil }
                m = v
                j += n
            case ("d", _):
                guard let v = digits(1, 2) else { return nil }
                d = v
                j += n
            default:
                guard i < s.count, s[i] == c else { return nil }
                i += 1
                j += 1
            }
        }
        if i < s.count, s[i] != " ", s[i] != "t" { return nil }
        guard let y, let m, let d else { return nil }
        return iso(y, m, d)
    }
}
