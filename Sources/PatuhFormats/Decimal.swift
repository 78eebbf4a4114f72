import PatuhCore
import PatuhXML

/// xs:decimal values (the grammar is `ContractText.decimal`); surrounding blanks are
/// ignored (the schema collapses them).
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
        let value = bytes.trimmed
        guard let d = ContractText.decimal(utf8: value.buffer) else { return nil }
        if d.fractionDigits == 0, d.digits <= 15 {
            // -0 is 0: no negative zero reaches the arithmetic.
            return d.negative && d.integer != 0 ? -Double(d.integer) : Double(d.integer)
        }
        guard let v = Double(value.string), v.isFinite else { return nil }
        return v == 0 ? 0 : v
    }

    /// Whether some bytes are `na` (an xs:token: blanks around it collapse, as for numbers).
    static func isNotApplicable(_ bytes: XMLBytes) -> Bool { bytes.trimmed.equals("na") }
}
