/// Numbers as Patuh prints them, in messages and outputs alike: one formatter for the whole
/// project, so that a value reads the same in a CSV, on a page and in a diagnostic.
public enum DecimalFormat {
    /// A number as a person wrote it: `3`, not `3.0`; `2.5` as Swift prints it.
    public static func plain(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }

    /// Fixed decimals, rounded half away from zero; 2 decimals go through `Rounding` so that
    /// printed scores and bands always agree.
    public static func fixed(_ x: Double, decimals: Int, decimalSeparator: String = ".") -> String {
        if decimals == 2 { return Rounding.format2(x, decimalSeparator: decimalSeparator) }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (x.magnitude * scale + 0.5 + 1e-7).rounded(.down)
        let whole = Int(scaled / scale)
        let frac = Int(scaled - Double(whole) * scale)
        var fracText = String(frac)
        while fracText.count < decimals { fracText = "0" + fracText }
        let sign = x < 0 && scaled > 0 ? "-" : ""
        return decimals == 0 ? "\(sign)\(whole)" : "\(sign)\(whole)\(decimalSeparator)\(fracText)"
    }

    /// A weight as short as it can be without losing what the rubric wrote (0.111, 0.111111).
    public static func weight(_ x: Double, decimalSeparator: String = ".") -> String {
        var s = fixed(x, decimals: 6)
        while s.contains("."), s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return decimalSeparator == "." ? s : s.replacingOccurrences(of: ".", with: decimalSeparator)
    }

    /// A whole number as Indonesian writes it, thousands marked with '.': 18723 → `18.723`.
    public static func indonesian(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// A number as `plain` writes it, in Indonesian form: `1.234,5` for 1234.5.
    public static func indonesianPlain(_ v: Double) -> String {
        let text = plain(v)
        guard !text.contains("e"), let n = Int(text.split(separator: ".")[0].drop(while: { $0 == "-" })) else {
            return text.replacingOccurrences(of: ".", with: ",")
        }
        let fraction = text.split(separator: ".").dropFirst().first.map { "," + $0 } ?? ""
        return (text.hasPrefix("-") ? "-" : "") + indonesian(n) + fraction
    }
}
