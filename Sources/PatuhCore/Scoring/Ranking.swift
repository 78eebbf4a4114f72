/// Competition ranks ("1224"): equal scores share a rank, and the next rank skips.
public enum Ranking {
    /// Ranks for `scores` (higher is better), compared on their 2-decimal rounding.
    /// `nil` scores get no rank. The result is parallel to the input.
    public static func competition(_ scores: [Double?]) -> [Int?] {
        let ranked = scores.enumerated()
            .compactMap { i, s in s.map { (index: i, cents: Rounding.cents($0)) } }
            .sorted { $0.cents > $1.cents }
        var ranks = [Int?](repeating: nil, count: scores.count)
        for (position, entry) in ranked.enumerated() {
            if position > 0, ranked[position - 1].cents == entry.cents {
                ranks[entry.index] = ranks[ranked[position - 1].index]
            } else {
                ranks[entry.index] = position + 1
            }
        }
        return ranks
    }
}
