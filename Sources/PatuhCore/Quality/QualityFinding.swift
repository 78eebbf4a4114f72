/// What `patuh check` looks for: signs that data were collected or entered badly. For the
/// assessing body's own quality control; never published.
public enum QualityFindingKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// An assessment (or a survey file) answering `na` to more than a set share of its items.
    case naShare = "na_share"
    /// A survey response giving one same answer to every unsur.
    case straightLining = "straight_lining"
    /// A survey response equal to an earlier one of the same file in every answer and
    /// demographic, on the same day.
    case duplicateResponse = "duplicate_response"
    /// One assessor's assessments of different units with identical answers.
    case identicalAssessments = "identical_assessments"
    /// A survey response or assessment dated outside its period.
    case dateOutsidePeriod = "date_outside_period"
    /// A unit's score moving more than a set number of points from one period to the next.
    case scoreChange = "score_change"
    /// A unit with fewer survey respondents than its Krejcie–Morgan sample.
    case belowSample = "below_sample"

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// What the finding means, (Indonesian, English).
    public var title: (String, String) {
        switch self {
        case .naShare: return ("Banyak jawaban 'na'", "Many 'na' answers")
        case .straightLining: return ("Jawaban seragam di semua unsur", "Same answer to every unsur")
        case .duplicateResponse: return ("Respons kembar pada hari yang sama", "Duplicate response on one day")
        case .identicalAssessments:
            return ("Penilaian identik untuk unit berbeda", "Identical assessments of different units")
        case .dateOutsidePeriod: return ("Tanggal di luar periode", "Date outside its period")
        case .scoreChange: return ("Nilai berubah tajam antarperiode", "Score moves sharply between periods")
        case .belowSample: return ("Responden kurang dari sampel", "Fewer respondents than the sample")
        }
    }
}

/// One finding, pointing at the place to look.
public struct QualityFinding: Hashable, Sendable, Comparable {
    public var kind: QualityFindingKind
    public var location: SourceLocation
    public var unitID: String
    public var period: String
    /// The figure found (a share, a number of points, a count), as text.
    public var value: String
    /// The limit it was measured against, as text ("" where there is none).
    public var threshold: String
    /// What was found, in words (English; ids and figures are the same in both languages).
    public var detail: String

    public init(
        _ kind: QualityFindingKind, at location: SourceLocation, unit: String, period: String,
        value: String, threshold: String = "", detail: String
    ) {
        self.kind = kind
        self.location = location
        self.unitID = unit
        self.period = period
        self.value = value
        self.threshold = threshold
        self.detail = detail
    }

    public static func < (a: Self, b: Self) -> Bool {
        (a.location, a.kind, a.unitID, a.period) < (b.location, b.kind, b.unitID, b.period)
    }
}

/// The limits of `patuh check`, each an option.
public struct QualityThresholds: Sendable, Hashable {
    /// Largest share of `na` answers (0…1) an assessment or a survey file may have.
    public var naShare = 0.05
    /// Largest change of a unit's score between two periods, in points.
    public var scoreChange = 30.0
    /// Fewest answered unsur for a response with one same answer to count as straight-lining.
    public var straightLiningMinimum = 5

    public init() {}
}

/// The days a period covers: `2023` a year, `2023-S1`/`-S2` a half year, `2023-Q1`…`-Q4` a
/// quarter, `2023-07` a month; `nil` for any other form (not checked).
public enum PeriodDays {
    public static func range(_ period: String) -> ClosedRange<String>? {
        let parts = period.split(separator: "-").map(String.init)
        guard let year = parts.first, year.count == 4, year.allSatisfy(\.isNumber) else { return nil }
        func span(_ from: Int, _ to: Int) -> ClosedRange<String> {
            let last =
                [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][to - 1]
                + (to == 2 && Int(year).map { ($0 % 4 == 0 && $0 % 100 != 0) || $0 % 400 == 0 } == true ? 1 : 0)
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return "\(year)-\(two(from))-01"..."\(year)-\(two(to))-\(two(last))"
        }
        guard parts.count > 1 else { return span(1, 12) }
        guard parts.count == 2 else { return nil }
        switch parts[1].uppercased() {
        case "S1": return span(1, 6)
        case "S2": return span(7, 12)
        case "Q1": return span(1, 3)
        case "Q2": return span(4, 6)
        case "Q3": return span(7, 9)
        case "Q4": return span(10, 12)
        default:
            guard let m = Int(parts[1]), (1...12).contains(m), parts[1].count == 2 else { return nil }
            return span(m, m)
        }
    }

    /// Whether `date` (YYYY-MM-DD) falls outside `period`; false when either is not checkable.
    public static func isOutside(_ date: String, _ period: String) -> Bool {
        guard date.count == 10, let range = range(period) else { return false }
        return !range.contains(date)
    }
}

/// The checks on assessments and on scored results (no I/O).
public enum QualityChecks {
    /// `na` share, dates outside the period, and one assessor's identical assessments of
    /// different units (each after the first in file order is a finding, naming the first).
    public static func assessments(_ assessments: [Assessment], thresholds: QualityThresholds) -> [QualityFinding] {
        var findings: [QualityFinding] = []
        var firstBySignature: [String: Assessment] = [:]
        for a in assessments.sorted(by: { $0.location < $1.location }) {
            let n = a.answers.count
            var na = 0
            var pairs: [String] = []
            for answer in a.answers {
                if answer.value == .notApplicable { na += 1 }
                pairs.append("\(answer.indicatorID)=\(answer.value)")
            }
            // In any order: the same answers to the same items.
            let signature = "\(a.assessor ?? "")\u{1}\(a.period)\u{1}" + pairs.sorted().joined(separator: "\u{1}")
            if n > 0 {
                let share = Double(na) / Double(n)
                if share > thresholds.naShare {
                    findings.append(
                        QualityFinding(
                            .naShare, at: a.location, unit: a.unitID, period: a.period,
                            value: fraction(share), threshold: fraction(thresholds.naShare),
                            detail: "assessment '\(a.id)' answers na to \(na) of \(n) items"))
                }
            }
            if let date = a.date, PeriodDays.isOutside(date, a.period) {
                findings.append(
                    QualityFinding(
                        .dateOutsidePeriod, at: a.location, unit: a.unitID, period: a.period,
                        value: date, detail: "assessment '\(a.id)' is dated \(date), outside period \(a.period)"))
            }
            guard let assessor = a.assessor, !assessor.isEmpty, n > 0 else { continue }
            if let first = firstBySignature[signature] {
                if first.unitID != a.unitID {
                    findings.append(
                        QualityFinding(
                            .identicalAssessments, at: a.location, unit: a.unitID, period: a.period,
                            value: first.unitID,
                            detail:
                                "assessment '\(a.id)' by \(assessor) gives the same answers as '\(first.id)' for unit '\(first.unitID)' at \(first.location)"
                        ))
                }
            } else {
                firstBySignature[signature] = a
            }
        }
        return findings
    }

    /// Score changes above the threshold and units below their sample, from scored results.
    public static func results(_ result: RoundResult, thresholds: QualityThresholds) -> [QualityFinding] {
        var findings: [QualityFinding] = []
        for u in result.units {
            if let change = u.change, abs(change) > thresholds.scoreChange {
                findings.append(
                    QualityFinding(
                        .scoreChange, at: u.unit.location, unit: u.unit.id, period: u.period,
                        value: points(change), threshold: points(thresholds.scoreChange),
                        detail:
                            "unit '\(u.unit.id)' scores \(points(Rounding.round2(u.score))) in \(u.period), \(points(change)) points from the period before"
                    ))
            }
            if u.respondents != nil, let check = u.sampleCheck(under: result.rubric), !check.met {
                findings.append(
                    QualityFinding(
                        .belowSample, at: u.unit.location, unit: u.unit.id, period: u.period,
                        value: String(check.respondents), threshold: String(check.required),
                        detail:
                            "unit '\(u.unit.id)' has \(check.respondents) respondents in \(u.period); its sample is \(check.required)"
                    ))
            }
        }
        return findings
    }

    static func fraction(_ x: Double) -> String {
        let cents = (x * 1000).rounded() / 1000
        return String(cents)
    }

    static func points(_ x: Double) -> String { DecimalFormat.fixed(x, decimals: 2) }
}
