/// How well each unit serves, period by period: the hidden truth the answers are drawn around.
struct QualityModel: Sendable {
    var random: RandomSource
    /// The assessment periods, oldest first.
    var periods: [String]

    /// Compliance in `0...1` for a unit in assessment period number `index`: about the
    /// share of the Ombudsman score it earns. Most units are good (zona hijau), some middling
    /// (kuning), a few poor (merah); each drifts a little from year to year, mostly upwards.
    func compliance(unit: PlannedUnit, period index: Int) -> Double {
        let t = periods.count > 1 ? Double(index) / Double(periods.count - 1) : 0
        switch unit.id {
        case SamplePlan.improvingUnit: return 0.30 + (0.93 - 0.30) * t
        case SamplePlan.decliningUnit: return 0.92 + (0.36 - 0.92) * t
        default: break
        }
        var rng = random.derive("quality/\(unit.seedID)")
        let tiers = [rng.double(in: 0.80...0.97), rng.double(in: 0.55...0.78), rng.double(in: 0.10...0.48)]
        let base = tiers[rng.weightedIndex([0.55, 0.30, 0.15])]
        let drift = 0.02 + 0.035 * rng.gaussian()
        return min(max(base + drift * Double(index), 0.03), 0.99)
    }

    /// Compliance in the assessment period of the same year as `surveyPeriod` (else the
    /// nearest one), for units surveyed in semesters.
    func compliance(unit: PlannedUnit, surveyPeriod: String) -> Double {
        let year = String(surveyPeriod.prefix(4))
        if let i = periods.firstIndex(where: { $0.hasPrefix(year) }) {
            return compliance(unit: unit, period: i)
        }
        let later = periods.firstIndex { $0 > surveyPeriod }
        return compliance(unit: unit, period: later ?? max(periods.count - 1, 0))
    }

    /// An assessor's 0–`max` answer for an item of difficulty `offset` (in steps of a 0–3
    /// scale) at compliance `q`.
    static func itemScore(compliance q: Double, offset: Double, max top: Int = 3, random: inout RandomSource) -> Int {
        let unit = Double(top) / 3
        let raw = Double(top) * q + unit * (offset + 0.6 * random.gaussian())
        return min(max(Int(raw.rounded(.toNearestOrAwayFromZero)), 0), top)
    }

    /// A 1–4 answer around `mean`.
    static func likert(mean: Double, spread: Double, random: inout RandomSource) -> Int {
        let raw = mean + spread * random.gaussian()
        return min(max(Int(raw.rounded(.toNearestOrAwayFromZero)), 1), 4)
    }

    /// How much harder (negative) or easier (positive) an Ombudsman item is than average:
    /// complaint handling and training lag, uniforms and visi-misi are easy.
    static func difficulty(_ indicator: String) -> Double {
        switch indicator {
        case "PG-06", "PG-07", "PG-08": -0.35
        case "IN-05", "IN-09", "PR-08", "IN-10": -0.2
        case "PR-10", "PR-09", "IN-12": 0.25
        default: 0
        }
    }
}
