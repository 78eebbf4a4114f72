/// Running sums of survey answers, per indicator position: enough for NRR and IKM without
/// keeping a single response.
///
/// Only the positions in `window` are tallied: a mixed rubric (Ombudsman 2022) has a few
/// survey indicators among forty, and a national round holds a tally per unit and period.
public struct SurveyTally: Hashable, Sendable {
    public private(set) var respondents = 0
    /// The indicator positions tallied; answers elsewhere are not counted.
    public let window: Range<Int>
    /// Every position of the rubric, tallied or not.
    public let indicatorCount: Int
    /// Sums and counts of the positions in `window`, from its lower bound.
    private var sums: [Double]
    private var counts: [Int]

    /// A tally of every position.
    public init(indicatorCount: Int) { self.init(indicatorCount: indicatorCount, window: 0..<indicatorCount) }

    /// A tally of the positions in `window` (clamped to the rubric's).
    public init(indicatorCount: Int, window: Range<Int>) {
        self.indicatorCount = indicatorCount
        self.window = window.clamped(to: 0..<indicatorCount)
        sums = Array(repeating: 0, count: self.window.count)
        counts = Array(repeating: 0, count: self.window.count)
    }

    /// Adds one respondent's answers (`nil` where the respondent gave none, or `na`).
    public mutating func add(_ answers: [Double?]) {
        add(answers: answers.map { $0 ?? .nan })
    }

    /// Adds one respondent's answers by position, NaN where none was given: the streaming
    /// reader's form, which needs no optional per answer.
    public mutating func add(answers: [Double]) {
        respondents += 1
        let first = window.lowerBound
        let n = Swift.min(answers.count - first, sums.count)
        guard n > 0 else { return }
        for k in 0..<n where !answers[first + k].isNaN {
            sums[k] += answers[first + k]
            counts[k] += 1
        }
    }

    /// Pools another tally into this one (same rubric, so the same window).
    public mutating func merge(_ other: SurveyTally) {
        respondents += other.respondents
        for i in window where other.window.contains(i) {
            sums[i - window.lowerBound] += other.sums[i - other.window.lowerBound]
            counts[i - window.lowerBound] += other.counts[i - other.window.lowerBound]
        }
    }

    /// How many respondents answered the indicator at `position` (0 where it is not tallied).
    public func answered(at position: Int) -> Int {
        window.contains(position) ? counts[position - window.lowerBound] : 0
    }

    /// NRR per indicator position: the sum of answers over the number who answered; `nil` if
    /// none did, or the position is not tallied.
    public var means: [Double?] {
        (0..<indicatorCount).map { i in
            guard window.contains(i) else { return nil }
            let k = i - window.lowerBound
            return counts[k] > 0 ? sums[k] / Double(counts[k]) : nil
        }
    }

    /// The means as an answer sheet; an indicator nobody answered is not applicable.
    public var sheet: AnswerSheet {
        AnswerSheet(values: means.map { $0.map(AnswerValue.number) ?? .notApplicable })
    }
}

/// Some respondents' comments set aside while reading, where a survey's comments are never
/// all held in memory at once: the block knows its source, so whoever holds the block can
/// read them back.
public struct CommentBlock: Hashable, Sendable {
    /// What wrote the comments and reads them back.
    public let source: any CommentSource
    /// Where the source put them (meaningful to the source only).
    public var offset: Int
    public var length: Int
    /// Comments in the block.
    public var count: Int

    public init(source: any CommentSource, offset: Int, length: Int, count: Int) {
        self.source = source
        self.offset = offset
        self.length = length
        self.count = count
    }

    /// The block's comments, in file order, read back from its source.
    public func comments() -> [SurveyComment] { source.comments(in: self) }

    public static func == (a: Self, b: Self) -> Bool {
        a.source === b.source && a.offset == b.offset && a.length == b.length && a.count == b.count
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(source))
        hasher.combine(offset)
        hasher.combine(length)
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
///
/// Demographic values (not services) are trimmed, their inner blanks collapsed, known
/// synonyms mapped to one spelling (`DemographicValues`), and compared without case: `SMA`, `sma` and `SMA ` are one group,
/// shown in the spelling first read (files are read in path order, so always the same one).
public struct BreakdownKey: Hashable, Sendable, Comparable {
    public var dimension: BreakdownDimension
    public private(set) var value: String
    private var folded: String

    public init(_ dimension: BreakdownDimension, _ value: String) {
        self.dimension = dimension
        // Demographic answers only: a service's name is kept exactly as the form wrote it.
        self.value = dimension == .service ? value : DemographicValues.canonical(dimension, value)
        folded = dimension == .service ? value : self.value.lowercased()
    }

    public static func == (a: Self, b: Self) -> Bool { a.dimension == b.dimension && a.folded == b.folded }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(dimension)
        hasher.combine(folded)
    }

    public static func < (a: Self, b: Self) -> Bool { (a.dimension, a.folded) < (b.dimension, b.folded) }
}

/// The spellings SKM forms use for one answer (PermenPANRB 14/2017's questionnaire asks
/// education SD … S3; gender is L or P by the schema), mapped to one.
public enum DemographicValues {
    static let synonyms: [BreakdownDimension: [String: String]] = [
        .education: [
            "sltp": "SMP", "slta": "SMA", "d-i": "D1", "d-ii": "D2", "d-iii": "D3", "d-iv": "D4",
            "diii": "D3", "div": "D4", "s-1": "S1", "s-2": "S2", "s-3": "S3"
        ]
    ]

    /// `value` trimmed, inner blanks collapsed, and a known synonym replaced.
    public static func canonical(_ dimension: BreakdownDimension, _ value: String) -> String {
        let trimmed = value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(
            separator: " ")
        return synonyms[dimension]?[trimmed.lowercased()] ?? trimmed
    }
}

/// Everything a unit's survey files add up to in one period.
public struct SurveySummary: Hashable, Sendable {
    public var tally: SurveyTally
    /// Tallies per service and demographic group (kept for survey rubrics: SKM reports them).
    public var breakdown: [BreakdownKey: SurveyTally] = [:]
    /// Comments held in memory (small inputs, tests).
    public var comments: [SurveyComment] = []
    /// Comments set aside while reading, in file order (each block reads its own back).
    public var commentBlocks: [CommentBlock] = []

    public init(indicatorCount: Int) { tally = SurveyTally(indicatorCount: indicatorCount) }

    /// A summary whose tallies cover the positions in `window` only.
    public init(indicatorCount: Int, window: Range<Int>) {
        tally = SurveyTally(indicatorCount: indicatorCount, window: window)
    }

    /// Comments in memory and in blocks.
    public var commentCount: Int { comments.count + commentBlocks.reduce(0) { $0 + $1.count } }

    public mutating func merge(_ other: SurveySummary) {
        tally.merge(other.tally)
        for (key, t) in other.breakdown {
            breakdown[key, default: SurveyTally(indicatorCount: t.indicatorCount, window: t.window)].merge(t)
        }
        comments += other.comments
        commentBlocks += other.commentBlocks
    }
}

extension Dictionary where Key == UnitPeriod, Value == SurveySummary {
    /// Pools `summary` in at `key`: the first summary of a key is taken as it is (its storage
    /// shared, not copied), later ones are merged into it.
    public mutating func pool(_ summary: SurveySummary, at key: UnitPeriod) {
        if self[key] == nil {
            self[key] = summary
        } else {
            self[key]?.merge(summary)
        }
    }
}

/// Reads back comments set aside in blocks (implemented outside the core, which does no I/O).
public protocol CommentSource: AnyObject, Sendable {
    func comments(in block: CommentBlock) -> [SurveyComment]
}

extension SurveySummary {
    /// Every comment, those in memory first, then each block's in order (read back from
    /// where they were set aside).
    public func allComments() -> [SurveyComment] {
        comments + commentBlocks.flatMap { $0.comments() }
    }
}

extension SurveyTally {
    /// The sums and counts of the positions in `window`, from its lower bound: what a tally
    /// is made of, to keep it on disk (the read cache) and make it again.
    public var columns: (sums: [Double], counts: [Int]) { (sums, counts) }

    /// A tally made again from `columns`; `nil` when they do not fit `window`.
    public init?(indicatorCount: Int, window: Range<Int>, respondents: Int, sums: [Double], counts: [Int]) {
        guard window.lowerBound >= 0, window.upperBound <= indicatorCount, sums.count == window.count,
            counts.count == window.count
        else { return nil }
        self.indicatorCount = indicatorCount
        self.window = window
        self.respondents = respondents
        self.sums = sums
        self.counts = counts
    }
}
