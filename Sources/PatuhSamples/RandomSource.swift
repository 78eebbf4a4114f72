import PatuhCore

/// A seeded pseudo-random generator: SplitMix64 (Steele, Lea and Flood 2014; Vigna's
/// reference code at https://prng.di.unimi.it/splitmix64.c).
///
/// Every draw the sample generator makes comes from here, through integer arithmetic and
/// IEEE-754 operations that are exact on every platform (no `log`, `sin` or other libm
/// calls), so a seed gives byte-identical output on every machine and toolchain. Never
/// Swift's `SystemRandomNumberGenerator`, nor the standard library's `random(in:using:)`,
/// whose algorithm is not specified.
public struct RandomSource: RandomNumberGenerator, Sendable, Hashable {
    /// The generator's whole state.
    public private(set) var state: UInt64

    /// A generator whose first output is SplitMix64's first output for `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// SplitMix64's finalizer (a bijection on 64-bit words).
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An independent stream named by `label`, derived from this generator's state without
    /// advancing it: the same label always gives the same stream, whatever was drawn before
    /// elsewhere. Data for a unit drawn from `derive("unit/1471-disdukcapil")` stays the same
    /// when other units are added or removed.
    public func derive(_ label: String) -> RandomSource {
        RandomSource(seed: Self.mix(state ^ FNV1a.hash(label)))
    }
}

extension RandomSource {
    /// A uniform integer in `0..<bound` (Lemire's multiply-shift with rejection: unbiased).
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// A uniform integer in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform double in `[0, 1)` with 53 random bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in `range`.
    public mutating func double(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * unit()
    }

    /// `true` with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// An approximately standard normal draw: the Irwin–Hall sum of twelve uniforms minus
    /// six (mean 0, variance 1, within ±6). Exact arithmetic only, so it is portable.
    public mutating func gaussian() -> Double {
        var sum = 0.0
        for _ in 0..<12 { sum += unit() }
        return sum - 6
    }

    /// One element of a non-empty array, uniformly.
    public mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    /// An index drawn with the given non-negative weights (not all zero).
    public mutating func weightedIndex(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var target = unit() * total
        for (i, w) in weights.enumerated() {
            if target < w { return i }
            target -= w
        }
        return weights.count - 1
    }

    /// The array in a uniformly random order (Fisher–Yates).
    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var result = items
        var i = result.count - 1
        while i > 0 {
            let j = below(i + 1)
            result.swapAt(i, j)
            i -= 1
        }
        return result
    }
}
