/// Rounding to 2 decimals, half away from zero, as the contract and the published tables do.
public enum Rounding {
    /// The score in hundredths, rounded half away from zero.
    ///
    /// A binary double cannot hold 80.995 exactly (it holds 80.99499999999999744...), so a
    /// plain `rounded()` of `x * 100` gives 80.99. Scores come from decimal inputs, so a
    /// value within a billionth of a hundredth of the half is taken to be the half.
    ///
    /// Rubric checks bound every total to ±10⁹; a value beyond what an `Int` of hundredths
    /// holds (or not a number) is clamped rather than trapping the process.
    public static func cents(_ x: Double) -> Int {
        let scaled = (x * 100).magnitude
        guard scaled < 9e18 else { return x.isNaN ? 0 : (x < 0 ? -Int(9e18) : Int(9e18)) }
        let rounded = (scaled + 0.5 + 1e-7).rounded(.down)
        return x < 0 ? -Int(rounded) : Int(rounded)
    }

    /// `x` rounded to 2 decimals, half away from zero.
    public static func round2(_ x: Double) -> Double { Double(cents(x)) / 100 }

    /// `x` with exactly two decimals, e.g. `81.00`; `decimalSeparator` "," for Indonesian prose.
    public static func format2(_ x: Double, decimalSeparator: String = ".") -> String {
        let c = cents(x)
        let sign = c < 0 ? "-" : ""
        let whole = c.magnitude / 100
        let frac = c.magnitude % 100
        return "\(sign)\(whole)\(decimalSeparator)\(frac < 10 ? "0" : "")\(frac)"
    }
}
