/// The SKM minimum sample (PermenPANRB 14/2017 uses the Krejcie–Morgan table).
public enum SampleSize {
    /// `S = 3.841·N·0.25 / (0.0025·(N−1) + 3.841·0.25)`, rounded to nearest; every user
    /// (a census) when the population is under 10.
    public static func krejcieMorgan(population n: Int) -> Int {
        guard n >= 10 else { return max(n, 0) }
        let chi = 3.841
        let p = 0.25
        let d2 = 0.0025
        let s = chi * Double(n) * p / (d2 * Double(n - 1) + chi * p)
        return Int(s.rounded(.toNearestOrAwayFromZero))
    }
}
