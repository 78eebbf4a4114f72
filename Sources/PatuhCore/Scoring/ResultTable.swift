/// Unit results kept once each, in the order they were scored, and found by key: a
/// national round has some 48,000, and a dictionary of them beside the sorted list held
/// every result twice.
struct ResultTable {
    private var results: [UnitResult] = []
    private var index: [UnitPeriod: Int] = [:]

    subscript(key: UnitPeriod) -> UnitResult? {
        get { index[key].map { results[$0] } }
        set {
            guard let newValue else { return }  // results are never removed
            if let i = index[key] {
                results[i] = newValue
            } else {
                index[key] = results.count
                results.append(newValue)
            }
        }
    }

    var values: [UnitResult] { results }

    mutating func reserve(_ count: Int) { results.reserveCapacity(count) }

    /// The results by period, then unit id (`UnitPeriod`'s order); the table is used up, so
    /// the results are handed over without a copy.
    consuming func takeSorted() -> [UnitResult] {
        index = [:]
        var sorted = results
        results = []
        sorted.sort { $0.key < $1.key }
        return sorted
    }
}
