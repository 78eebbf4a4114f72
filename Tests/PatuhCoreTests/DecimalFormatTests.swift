import PatuhCore
import Testing

/// The project's number formatter, on values worked out by hand.
@Suite struct DecimalFormatTests {
    @Test func plainAsAPersonWritesIt() {
        #expect(DecimalFormat.plain(3) == "3" && DecimalFormat.plain(-2) == "-2" && DecimalFormat.plain(2.5) == "2.5")
        #expect(DecimalFormat.plain(0.111) == "0.111")
        // From 1e15 on, Swift's own spelling: a point below 2^53 (about 9.007e15), an exponent above.
        #expect(DecimalFormat.plain(1e15) == "1000000000000000.0" && DecimalFormat.plain(1e16) == "1e+16")
    }

    @Test func fixedRoundsHalfAwayFromZero() {
        // 80.995 is held as 80.99499…: still the half, so 81.00; -1.005 → -1.01.
        #expect(DecimalFormat.fixed(80.995, decimals: 2) == "81.00")
        #expect(DecimalFormat.fixed(-1.005, decimals: 2) == "-1.01")
        #expect(DecimalFormat.fixed(87.2777, decimals: 2, decimalSeparator: ",") == "87,28")
        // 4 decimals: 0.11115 → 0.1112 (half up); 1 decimal: -0.04 → 0.0 with no minus sign.
        #expect(DecimalFormat.fixed(0.11115, decimals: 4) == "0.1112")
        #expect(DecimalFormat.fixed(-0.04, decimals: 1) == "0.0")
        #expect(DecimalFormat.fixed(2.5, decimals: 0) == "3")
    }

    @Test func weightsAsShortAsTheyWereWritten() {
        #expect(DecimalFormat.weight(0.111) == "0.111" && DecimalFormat.weight(1.0 / 9) == "0.111111")
        #expect(DecimalFormat.weight(3) == "3" && DecimalFormat.weight(0.25, decimalSeparator: ",") == "0,25")
    }

    /// Indonesian writes thousands with '.' and decimals with ','.
    @Test func indonesianNumberForms() {
        #expect(DecimalFormat.indonesian(0) == "0" && DecimalFormat.indonesian(999) == "999")
        #expect(DecimalFormat.indonesian(1000) == "1.000" && DecimalFormat.indonesian(18723) == "18.723")
        #expect(DecimalFormat.indonesian(1_234_567) == "1.234.567" && DecimalFormat.indonesian(-48000) == "-48.000")
        #expect(DecimalFormat.indonesianPlain(3) == "3" && DecimalFormat.indonesianPlain(2.5) == "2,5")
        #expect(DecimalFormat.indonesianPlain(1234.5) == "1.234,5" && DecimalFormat.indonesianPlain(-0.25) == "-0,25")
    }
}
