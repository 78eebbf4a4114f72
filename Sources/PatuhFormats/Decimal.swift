import PatuhXML

/// xs:decimal as the schemas define it: optional sign, digits with an optional point, no
/// exponent, no `NaN` or `inf`; surrounding blanks are ignored (the schema collapses them).
enum DecimalText {
    /// The value of `text`, or `nil` when it is not a decimal.
    static func parse(_ text: String) -> Double? {
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return parse(XMLBytes(base: UnsafePointer(base), count: buffer.count))
        }
    }

    /// The value of some bytes, or `nil`. Small integers (every survey answer) take a
    /// fast path with no allocation.
    static func parse(_ bytes: XMLBytes) -> Double? {
        let (start, end) = trimmed(bytes)
        let b = bytes.base
        guard start < end else { return nil }
        var i = start
        var negative = false
        if b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        var digits = 0
        var integer = 0
        var sawPoint = false
        var fractionDigits = 0
        while i < end {
            let c = b[i]
            if c >= 48 && c <= 57 {
                digits += 1
                if sawPoint { fractionDigits += 1 } else if digits <= 15 { integer = integer * 10 + Int(c - 48) }
            } else if c == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        if fractionDigits == 0, digits <= 15 {
            // -0 is 0: no negative zero reaches the arithmetic.
            return negative && integer != 0 ? -Double(integer) : Double(integer)
        }
        let text = String(decoding: UnsafeBufferPointer(start: b + start, count: end - start), as: UTF8.self)
        guard let v = Double(text), v.isFinite else { return nil }
        return v == 0 ? 0 : v
    }

    /// Whether some bytes are `na` (an xs:token: blanks around it collapse, as for numbers).
    static func isNotApplicable(_ bytes: XMLBytes) -> Bool {
        let (start, end) = trimmed(bytes)
        return end - start == 2 && bytes.base[start] == UInt8(ascii: "n") && bytes.base[start + 1] == UInt8(ascii: "a")
    }

    /// Where the bytes start and end once the blanks the schema collapses are left out.
    private static func trimmed(_ bytes: XMLBytes) -> (start: Int, end: Int) {
        var start = 0
        var end = bytes.count
        while start < end, isBlank(bytes.base[start]) { start += 1 }
        while end > start, isBlank(bytes.base[end - 1]) { end -= 1 }
        return (start, end)
    }

    private static func isBlank(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }
}
