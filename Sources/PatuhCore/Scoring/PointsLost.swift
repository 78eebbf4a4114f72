/// What a unit's page explains about its score: how many points each dimension can give,
/// and how many points each indicator fell short of its maximum.
extension Rubric {
    /// Whether any band carries an Ombudsman zone (hijau, kuning, merah).
    public var hasZones: Bool { bands.contains { $0.zone != nil } }

    /// Whether the only dimension is the implicit one (indicators placed directly under
    /// `rubric`): then no dimension is ever shown to a reader.
    public var hasOnlyImplicitDimension: Bool {
        dimensions.count == 1 && dimensions[0].id == Dimension.implicitID && dimensions[0].title.isEmpty
    }

    /// The most points each dimension can give, parallel to `dimensions`; `nil` for a
    /// dimension not present (dropped out: all its indicators not applicable).
    ///
    /// Normalized model: `scale · W / Σ W` over the present dimensions, so the maxima of the
    /// present dimensions sum to the scale. Linear model: `factor · Σ w · max` over the
    /// dimension's indicators.
    public func dimensionMaxima(present: [Bool]) -> [Double?] {
        let isPresent = { (d: Int) in d < present.count && present[d] }
        switch model {
        case .normalized(let scale):
            let total = dimensions.indices.filter(isPresent).reduce(0) { $0 + dimensions[$1].weight }
            return dimensions.indices.map { d in
                isPresent(d) ? (total > 0 ? scale * dimensions[d].weight / total : 0) : nil
            }
        case .linear(let factor):
            return dimensions.indices.map { d in
                isPresent(d) ? factor * dimensions[d].indicators.reduce(0) { $0 + $1.weight * $1.max } : nil
            }
        case .weightedSum(let factor):
            // PEKPPP: an aspect gives at most factor · W · Σ w · max.
            return dimensions.indices.map { d in
                isPresent(d)
                    ? factor * dimensions[d].weight * dimensions[d].indicators.reduce(0) { $0 + $1.weight * $1.max }
                    : nil
            }
        }
    }

    /// Points each indicator fell short of its maximum (`values` parallel to `indicators`,
    /// `nil` where not applicable), largest first, those under half a cent left out: what
    /// to fix first.
    ///
    /// Normalized model: an indicator's share of the total is `scale · W/ΣW · w/Σw` (its
    /// dimension's share, split by weight over the dimension's applicable indicators); it
    /// loses `share · (1 − f)`. Linear model: `factor · w · (max − v)`; weighted sum:
    /// `factor · W · w · (max − v)`.
    public func pointsLost(values: [Double?]) -> [(indicator: Int, lost: Double)] {
        guard values.count == indicators.count else { return [] }
        var lost: [(indicator: Int, lost: Double)] = []
        switch model {
        case .linear(let factor), .weightedSum(let factor):
            // The weighted sum also multiplies by the dimension's (aspect's) weight.
            let weighted = if case .weightedSum = model { true } else { false }
            for (i, v) in values.enumerated() {
                guard let v else { continue }
                let w = weighted ? dimensions[dimensionOfIndicator[i]].weight : 1
                lost.append((i, factor * w * indicators[i].weight * (indicators[i].max - v)))
            }
        case .normalized:
            let applicable = indicators.indices.filter { values[$0] != nil }
            let present = dimensions.indices.map { d in applicable.contains { dimensionOfIndicator[$0] == d } }
            let maxima = dimensionMaxima(present: present)
            for d in dimensions.indices {
                guard let dimensionMax = maxima[d] else { continue }
                let members = applicable.filter { dimensionOfIndicator[$0] == d }
                let weights = members.reduce(0) { $0 + indicators[$1].weight }
                guard weights > 0 else { continue }
                for i in members {
                    let share = dimensionMax * indicators[i].weight / weights
                    let fraction = values[i].map { indicators[i].fraction(of: $0) } ?? 0
                    lost.append((i, share * (1 - fraction)))
                }
            }
        }
        return lost.filter { Rounding.cents($0.lost) > 0 }.sorted {
            ($0.lost, -$0.indicator) > ($1.lost, -$1.indicator)
        }
    }

    /// The described levels an answer lies between (an averaged answer such as 2,50 lies
    /// between the levels 2 and 3), or the one level it equals.
    public func levels(around value: Double, of indicator: Int) -> (below: Level?, above: Level?) {
        let levels = indicators[indicator].levels
        if let exact = levels.first(where: { $0.value == value }) { return (exact, exact) }
        return (levels.last { $0.value < value }, levels.first { $0.value > value })
    }
}
