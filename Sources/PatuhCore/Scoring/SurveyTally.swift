/// Running sums of survey answers, per indicator position: enough for NRR and IKM without
/// keeping a single response.
public struct SurveyTally: Hashable, Sendable {
    public private(set) var respondents = 0
    public private(set) var sums: [Double]
    public private(set) var counts: [Int]

    public init(indicatorCount: Int) {
        sums = Array(repeating: 0, count: indicatorCount)
        counts = Array(repeating: 0, count: indicatorCount)
    }

    /// Adds one respondent's answers (`nil` where the respondent gave none, or `na`).
    public mutating func add(_ answers: [Double?]) {
        respondents += 1
        for (i, a) in answers.enumerated() where i < sums.count {
            if let a {
                sums[i] += a
                counts[i] += 1
            }
        }
    }

    /// Pools another tally into this one (same rubric).
    public mutating func merge(_ other: SurveyTally) {
        respondents += other.respondents
        for i in sums.indices where i < other.sums.count {
            sums[i] += other.sums[i]
            counts[i] += other.counts[i]
        }
    }

    /// NRR per indicator: the sum of answers over the number who answered; `nil` if none did.
    public var means: [Double?] {
        sums.indices.map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) : nil }
    }

    /// The means as an answer sheet; an indicator nobody answered is not applicable.
    public var sheet: AnswerSheet {
        AnswerSheet(values: means.map { $0.map(AnswerValue.number) ?? .notApplicable })
    }
}

/// A respondent's written comment or suggestion.
public struct SurveyComment: Hashable, Sendable {
    public var responseID: String
    public var service: String?
    public var text: String
    public var location: SourceLocation

    public init(responseID: String, service: String?, text: String, location: SourceLocation) {
        self.responseID = responseID
        self.service = service
        self.text = text
        self.location = location
    }
}

/// The groups SKM users break results down by.
public enum BreakdownDimension: String, Sendable, Hashable, CaseIterable, Comparable {
    case service, gender, age, education, occupation

    private var order: Int {
        switch self {
        case .service: return 0
        case .gender: return 1
        case .age: return 2
        case .education: return 3
        case .occupation: return 4
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.order < b.order }

    /// The SKM age band of an age in years.
    public static func ageBand(_ age: Int) -> String {
        switch age {
        case ..<17: return "<17"
        case 17...25: return "17-25"
        case 26...35: return "26-35"
        case 36...45: return "36-45"
        case 46...55: return "46-55"
        default: return "56+"
        }
    }
}

/// One group of respondents: a service, a gender, an age band, ...
public struct BreakdownKey: Hashable, Sendable, Comparable {
    public var dimension: BreakdownDimension
    public var value: String

    public init(_ dimension: BreakdownDimension, _ value: String) {
        self.dimension = dimension
        self.value = value
    }

    public static func < (a: Self, b: Self) -> Bool { (a.dimension, a.value) < (b.dimension, b.value) }
}

/// Everything a unit's survey files add up to in one period.
public struct SurveySummary: Hashable, Sendable {
    public var tally: SurveyTally
    public var breakdown: [BreakdownKey: SurveyTally] = [:]
    public var comments: [SurveyComment] = []

    public init(indicatorCount: Int) { tally = SurveyTally(indicatorCount: indicatorCount) }

    public mutating func merge(_ other: SurveySummary) {
        tally.merge(other.tally)
        for (key, t) in other.breakdown { breakdown[key, default: SurveyTally(indicatorCount: t.sums.count)].merge(t) }
        comments += other.comments
    }
}
