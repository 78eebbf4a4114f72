/// The lexical rules of the contract's simple types (`Rubrics/schema/common.xsd`), for
/// values that arrive from elsewhere (a phone) and must make a valid Patuh file.
public enum ContractText {
    /// `Id`: a letter or digit, then letters, digits and `. _ -`; at most 128 characters.
    public static func isID(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, scalars.count <= 128, isAlphanumeric(first) else { return false }
        return scalars.dropFirst().allSatisfy { isAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }

    /// The longest period (`Period`'s `maxLength`): a period names files and pages.
    public static let maxPeriodLength = 32

    /// `Period`: four digits, then any number of `-` and letters or digits (2023, 2023-S1);
    /// at most 32 characters.
    public static func isPeriod(_ text: String) -> Bool {
        guard text.utf8.count <= maxPeriodLength else { return false }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let year = parts.first, year.count == 4, year.unicodeScalars.allSatisfy(isDigit) else { return false }
        return parts.dropFirst().allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy(isAlphanumeric) }
    }

    /// The `YYYY-MM-DD` part of an `xs:date` (a time-zone suffix, as some phones add, is
    /// dropped), or `nil` when the text is not a date.
    public static func date(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 10 else { return nil }
        let day = String(String.UnicodeScalarView(scalars[0..<10]))
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        guard digits.allSatisfy({ isDigit(scalars[$0]) }), scalars[4] == "-", scalars[7] == "-",
              let month = Int(day.dropFirst(5).prefix(2)), (1...12).contains(month),
              let dayOfMonth = Int(day.suffix(2)), (1...31).contains(dayOfMonth) else { return nil }
        let rest = String(String.UnicodeScalarView(scalars[10...]))
        guard rest.isEmpty || rest == "Z" || isZoneOffset(rest) else { return nil }
        return day
    }

    /// `Name`: any text of 1 to 512 characters.
    public static func isName(_ text: String) -> Bool { !text.isEmpty && text.count <= 512 }

    /// `Text` (notes, comments): at most 20,000 characters.
    public static let maxTextLength = 20_000

    private static func isZoneOffset(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        return s.count == 6 && (s[0] == "+" || s[0] == "-") && isDigit(s[1]) && isDigit(s[2]) && s[3] == ":"
            && isDigit(s[4]) && isDigit(s[5])
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    private static func isAlphanumeric(_ c: Unicode.Scalar) -> Bool {
        isDigit(c) || ("a"..."z").contains(c) || ("A"..."Z").contains(c)
    }
}
