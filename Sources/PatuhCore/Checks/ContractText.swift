/// The lexical rules of the contract's simple types (`Rubrics/schema/common.xsd`), written
/// once over UTF-8 bytes: the stream's checks (`SurveyShape`, the decimal reader) hand over
/// bytes, values from elsewhere (a phone, a sheet, an option) hand over `String`s, and the
/// XForm constraints and the data package's schemas take the patterns below.
public enum ContractText {
    /// `Id`'s and `Period`'s letters and digits, as a regular-expression character range.
    static let alphanumericRange = "A-Za-z0-9"

    /// `Id`'s pattern (XSD, XPath `regex()` and JSON Schema alike; no anchors).
    public static let idPattern = "[\(alphanumericRange)][\(alphanumericRange)._-]*"

    /// `Period`'s pattern (no anchors).
    public static let periodPattern = "[0-9]{4}(-[\(alphanumericRange)]+)*"

    /// The longest id (`Id`'s `maxLength`).
    public static let maxIDLength = 128

    /// The longest period (`Period`'s `maxLength`): a period names files and pages.
    public static let maxPeriodLength = 32

    /// The longest `Name`, in characters.
    public static let maxNameLength = 512

    /// `Text` (notes, comments): at most 20,000 characters.
    public static let maxTextLength = 20_000

    // MARK: Strings

    /// `Id`: a letter or digit, then letters, digits and `. _ -`; at most 128 characters.
    public static func isID(_ text: String) -> Bool { isID(utf8: text.utf8) }

    /// `Period`: four digits, then any number of `-` and letters or digits (2023, 2023-S1);
    /// at most 32 characters.
    public static func isPeriod(_ text: String) -> Bool { isPeriod(utf8: text.utf8) }

    /// `Name`: any text of 1 to 512 characters.
    public static func isName(_ text: String) -> Bool { isName(utf8: text.utf8) }

    /// The `YYYY-MM-DD` part of an `xs:date` (a time-zone suffix, as some phones add, is
    /// dropped), or `nil` when the text is not a date.
    public static func date(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, isDay(utf8: bytes[0..<10]) else { return nil }
        let zone = bytes[10...]
        guard zone.isEmpty || zone.elementsEqual("Z".utf8) || isZoneOffset(utf8: zone) else { return nil }
        return String(decoding: bytes[0..<10], as: UTF8.self)
    }

    // MARK: Bytes

    @inlinable
    public static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    @inlinable
    public static func isAlphanumeric(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }

    /// The blanks XML collapses around an `xs:token` (space, tab, line feed, carriage return).
    @inlinable
    public static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    /// `Id` over UTF-8 bytes (every byte it allows is ASCII, so bytes count characters).
    @inlinable
    public static func isID<Bytes: Collection<UInt8>>(utf8 bytes: Bytes) -> Bool {
        guard let first = bytes.first, isAlphanumeric(first), bytes.count <= maxIDLength else { return false }
        return bytes.dropFirst().allSatisfy { isAlphanumeric($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }

    /// `Period` over UTF-8 bytes: `[0-9]{4}(-[A-Za-z0-9]+)*`, at most 32 characters.
    @inlinable
    public static func isPeriod<Bytes: Collection<UInt8>>(utf8 bytes: Bytes) -> Bool {
        guard bytes.count >= 4, bytes.count <= maxPeriodLength, bytes.prefix(4).allSatisfy(isDigit) else {
            return false
        }
        var rest = bytes.dropFirst(4)
        while let dash = rest.first {
            guard dash == 0x2D else { return false }
            rest = rest.dropFirst()
            let part = rest.prefix(while: isAlphanumeric)
            guard !part.isEmpty else { return false }
            rest = rest[part.endIndex...]
        }
        return true
    }

    /// Characters in UTF-8 bytes (code points, as XSD lengths count them).
    @inlinable
    public static func characters<Bytes: Sequence<UInt8>>(utf8 bytes: Bytes) -> Int {
        var n = 0
        for c in bytes where c & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// `Name` over UTF-8 bytes: 1 to 512 characters.
    @inlinable
    public static func isName<Bytes: Collection<UInt8>>(utf8 bytes: Bytes) -> Bool {
        !bytes.isEmpty && (bytes.count <= maxNameLength || characters(utf8: bytes) <= maxNameLength)
    }

    /// `xs:date` without time zone: `YYYY-MM-DD`, a real day, year 0001 to 9999.
    @inlinable
    public static func isDay<Bytes: RandomAccessCollection<UInt8>>(utf8 bytes: Bytes) -> Bool {
        guard bytes.count == 10 else { return false }
        func b(_ k: Int) -> UInt8 { bytes[bytes.index(bytes.startIndex, offsetBy: k)] }
        guard b(4) == 0x2D, b(7) == 0x2D else { return false }
        for k in [0, 1, 2, 3, 5, 6, 8, 9] where !isDigit(b(k)) { return false }
        func number(_ r: Range<Int>) -> Int { r.reduce(0) { $0 * 10 + Int(b($1) - 0x30) } }
        let (year, month, day) = (number(0..<4), number(5..<7), number(8..<10))
        guard year >= 1, (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }

    /// A time-zone offset such as `+07:00`.
    static func isZoneOffset<Bytes: Collection<UInt8>>(utf8 bytes: Bytes) -> Bool {
        let s = Array(bytes)
        return s.count == 6 && (s[0] == 0x2B || s[0] == 0x2D) && isDigit(s[1]) && isDigit(s[2]) && s[3] == 0x3A
            && isDigit(s[4]) && isDigit(s[5])
    }

    /// The parts of an `xs:decimal` in its plain spelling (no blanks): an optional sign,
    /// digits with at most one point, at least one digit; no exponent, no `NaN` or `INF`.
    public struct DecimalSpelling: Sendable {
        public var negative = false
        /// All digits, before and after the point.
        public var digits = 0
        public var fractionDigits = 0
        /// The integer part's value while it has at most 15 digits (exact in a `Double`).
        public var integer = 0

        @inlinable
        public init() {}
    }

    /// `bytes` read as an `xs:decimal`, or `nil` when they are not one.
    @inlinable
    public static func decimal<Bytes: Collection<UInt8>>(utf8 bytes: Bytes) -> DecimalSpelling? {
        var d = DecimalSpelling()
        var rest = bytes[...]
        if let sign = rest.first, sign == 0x2B || sign == 0x2D {
            d.negative = sign == 0x2D
            rest = rest.dropFirst()
        }
        var sawPoint = false
        for c in rest {
            if isDigit(c) {
                d.digits += 1
                if sawPoint {
                    d.fractionDigits += 1
                } else if d.digits <= 15 {
                    d.integer = d.integer * 10 + Int(c - 0x30)
                }
            } else if c == 0x2E, !sawPoint {
                sawPoint = true
            } else {
                return nil
            }
        }
        return d.digits > 0 ? d : nil
    }
}
