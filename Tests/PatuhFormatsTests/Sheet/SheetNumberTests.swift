import PatuhFormats
import Testing

/// A sheet's numbers go through the contract's decimal grammar, with a decimal comma allowed.
@Suite struct SheetNumberTests {
    @Test(arguments: [("3", 3.0), (" 2,5 ", 2.5), ("3.0", 3), ("-0,5", -0.5), (".5", 0.5), ("007", 7)])
    func numbers(_ text: String, _ value: Double) {
        #expect(SheetText.number(text) == value)
    }

    /// A plus sign, two separators, an exponent, digits of another script and words are not
    /// numbers a sheet holds.
    @Test(arguments: ["+3", "1,000.5", "1,2,3", "1e3", "١٢", "tiga", "", "-", ","])
    func notNumbers(_ text: String) {
        #expect(SheetText.number(text) == nil)
    }
}
