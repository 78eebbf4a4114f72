/// One set of answers to a rubric, by indicator position (`Rubric.indicators`).
///
/// `nil` is a missing answer, which counts as the indicator's `min`.
public struct AnswerSheet: Hashable, Sendable {
    public var values: [AnswerValue?]

    public init(count: Int) { values = Array(repeating: nil, count: count) }
    public init(values: [AnswerValue?]) { self.values = values }

    public subscript(i: Int) -> AnswerValue? {
        get { values[i] }
        set { values[i] = newValue }
    }
}

/// The result of scoring one answer sheet.
public struct ScoreBreakdown: Hashable, Sendable {
    /// The total, `nil` when no indicator applied at all.
    public var total: Double?
    /// Points per dimension, `nil` for a dimension whose indicators were all `na`.
    public var dimensionPoints: [Double?]
    /// The value each indicator was scored on (`min` for a missing answer), `nil` for `na`.
    public var values: [Double?]
    /// Positions of indicators whose answer was missing and counted as `min`.
    public var missing: [Int]
}

extension Rubric {
    /// Scores one answer sheet by the rubric's model (docs/FORMATS.md, "The arithmetic").
    public func score(_ sheet: AnswerSheet) -> ScoreBreakdown {
        var values = [Double?](repeating: nil, count: indicators.count)
        var missing: [Int] = []
        for i in indicators.indices {
            switch i < sheet.values.count ? sheet.values[i] : nil {
            case .number(let v)?: values[i] = v
            case .notApplicable?: values[i] = nil
            case nil:
                values[i] = indicators[i].min
                missing.append(i)
            }
        }
        switch model {
        case .normalized(let scale):
            return normalizedScore(values: values, missing: missing, scale: scale)
        case .linear(let factor):
            return linearScore(values: values, missing: missing, factor: factor)
        case .weightedSum(let factor):
            return weightedSumScore(values: values, missing: missing, factor: factor)
        }
    }

    private func normalizedScore(values: [Double?], missing: [Int], scale: Double) -> ScoreBreakdown {
        // D = Σ w·f / Σ w within each dimension over applicable indicators.
        var fractionSum = [Double](repeating: 0, count: dimensions.count)
        var weightSum = [Double](repeating: 0, count: dimensions.count)
        for (i, value) in values.enumerated() {
            guard let v = value else { continue }
            let d = dimensionOfIndicator[i]
            if d == qualifierDimension { continue }  // decides the qualifier, not the score
            fractionSum[d] += indicators[i].weight * indicators[i].fraction(of: v)
            weightSum[d] += indicators[i].weight
        }
        // Dimensions with no applicable indicator drop out of Σ W.
        var totalWeight = 0.0
        for d in dimensions.indices where weightSum[d] > 0 { totalWeight += dimensions[d].weight }
        guard totalWeight > 0 else {
            return ScoreBreakdown(
                total: nil, dimensionPoints: Array(repeating: nil, count: dimensions.count),
                values: values, missing: missing)
        }
        var points = [Double?](repeating: nil, count: dimensions.count)
        var total = 0.0
        for d in dimensions.indices where weightSum[d] > 0 {
            let p = scale * dimensions[d].weight * (fractionSum[d] / weightSum[d]) / totalWeight
            points[d] = p
            total += p
        }
        return ScoreBreakdown(total: total, dimensionPoints: points, values: values, missing: missing)
    }

    /// Σ dimensions W·(Σ w·v), times `factor`; a dimension's points are its term. An `na`
    /// answer adds nothing; a dimension with no applicable indicator has no points.
    private func weightedSumScore(values: [Double?], missing: [Int], factor: Double) -> ScoreBreakdown {
        var sums = [Double?](repeating: nil, count: dimensions.count)
        for (i, value) in values.enumerated() {
            guard let v = value else { continue }
            let d = dimensionOfIndicator[i]
            if d == qualifierDimension { continue }  // decides the qualifier, not the score
            sums[d] = (sums[d] ?? 0) + indicators[i].weight * v
        }
        let points = dimensions.indices.map { d in sums[d].map { factor * dimensions[d].weight * $0 } }
        let total = points.contains { $0 != nil } ? points.reduce(0) { $0 + ($1 ?? 0) } : nil
        return ScoreBreakdown(total: total, dimensionPoints: points, values: values, missing: missing)
    }

    private func linearScore(values: [Double?], missing: [Int], factor: Double) -> ScoreBreakdown {
        var points = [Double?](repeating: nil, count: dimensions.count)
        var any = false
        for (i, value) in values.enumerated() {
            guard let v = value else { continue }
            let d = dimensionOfIndicator[i]
            if d == qualifierDimension { continue }  // decides the qualifier, not the score
            points[d] = (points[d] ?? 0) + factor * indicators[i].weight * v
            any = true
        }
        let total = any ? points.reduce(0) { $0 + ($1 ?? 0) } : nil
        return ScoreBreakdown(total: total, dimensionPoints: points, values: values, missing: missing)
    }
}
