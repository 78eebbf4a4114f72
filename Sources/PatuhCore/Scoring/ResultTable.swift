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

    /// The results by unit id, then period; the table is emptied.
    mutating func sortedResults() -> [UnitResult] {
        index = [:]
        var sorted = results
        results = []
        sorted.sort { UnitPeriod($0.unit.id, $0.period) < UnitPeriod($1.unit.id, $1.period) }
        return sorted
    }
}
