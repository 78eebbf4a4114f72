import Foundation
import PatuhCore
import PatuhXML
import Synchronization

// What the survey handler looks up on every response, kept apart from it.

/// A file's group values, interned: each (dimension, value) gets a slot on first sight,
/// found again by comparing bytes, so a response makes no `String` for its groups.
struct GroupTable {
    private var values: [[UInt8]] = []
    private(set) var keys: [BreakdownKey] = []
    /// Per slot: whether its value is missing from the registry's list for its group.
    private(set) var unlisted: [Bool] = []
    /// The registry's `answer-values`: a group's values and synonyms to the value they count as.
    var lists: [BreakdownDimension: [String: String]] = [:]

    mutating func slot(
        _ dimension: BreakdownDimension, value: XMLBytes, tallies: inout [SurveyTally],
        indicatorCount: Int
    ) -> Int {
        for i in keys.indices where keys[i].dimension == dimension && values[i].count == value.count {
            if values[i].withUnsafeBufferPointer({ v in
                v.baseAddress.map { memcmp($0, value.base, value.count) == 0 } ?? true
            }) {
                return i
            }
        }
        var key = BreakdownKey(dimension, value.string)
        var notListed = false
        if let list = lists[dimension] {
            if let listed = list[key.value.lowercased()] {
                key = BreakdownKey(dimension, listed)
            } else {
                notListed = true
            }
        }
        let slot = add(key, bytes: Array(value.buffer), tallies: &tallies, indicatorCount: indicatorCount)
        unlisted[slot] = notListed
        return slot
    }

    mutating func slot(
        _ dimension: BreakdownDimension, band: String, tallies: inout [SurveyTally],
        indicatorCount: Int
    ) -> Int {
        if let i = keys.firstIndex(of: BreakdownKey(dimension, band)) { return i }
        return add(
            BreakdownKey(dimension, band), bytes: Array(band.utf8), tallies: &tallies, indicatorCount: indicatorCount)
    }

    private mutating func add(_ key: BreakdownKey, bytes: [UInt8], tallies: inout [SurveyTally], indicatorCount: Int)
        -> Int
    {
        keys.append(key)
        values.append(bytes)
        unlisted.append(false)
        tallies.append(SurveyTally(indicatorCount: indicatorCount))
        return keys.count - 1
    }
}

/// A rubric's indicator ids as one run of bytes, so that matching an answer's bytes against
/// them touches no reference count.
struct IndicatorIDs {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    init() {}

    init(_ ids: [String]) {
        for id in ids {
            bytes += id.utf8
            ends.append(bytes.count)
        }
    }

    var count: Int { ends.count }

    func string(_ i: Int) -> String { String(decoding: bytes[start(i)..<ends[i]], as: UTF8.self) }

    /// The index of the id equal to `other`, trying `hint` first.
    func index(of other: XMLBytes, tryingFirst hint: Int) -> Int? {
        if hint < count, matches(hint, other) { return hint }
        return (0..<count).first { matches($0, other) }
    }

    private func start(_ i: Int) -> Int { i == 0 ? 0 : ends[i - 1] }

    private func matches(_ i: Int, _ other: XMLBytes) -> Bool {
        let from = start(i)
        guard ends[i] - from == other.count else { return false }
        // Ids are a few bytes long: a loop beats a call to memcmp.
        for k in 0..<other.count where bytes[from + k] != other.base[k] { return false }
        return true
    }
}

/// A rubric taken apart for the survey hot path: what `SurveyHandler` needs of it, made once
/// per rubric for every file and thread, not once per file.
struct SurveyRubricTables: Sendable {
    var indicatorIDs: IndicatorIDs
    var mins: [Double]
    var maxs: [Double]
    var allowsNA: [Bool]
    /// The positions a survey response should answer (the rubric's survey indicators), and
    /// which of them the rubric requires.
    var asked: [Int]
    var required: [Bool]
    var anyRequired: Bool
    var isSurveyRubric: Bool
    var window: Range<Int>

    init(_ rubric: Rubric) {
        indicatorIDs = IndicatorIDs(rubric.indicators.map(\.id))
        mins = rubric.indicators.map(\.min)
        maxs = rubric.indicators.map(\.max)
        allowsNA = rubric.indicators.map(\.allowsNA)
        asked = rubric.indicators.indices.filter { rubric.sourceOfIndicator[$0] == .survey }
        required = rubric.indicators.map(\.required)
        anyRequired = required.contains(true)
        isSurveyRubric = rubric.isSurveyRubric
        window = rubric.surveyWindow
    }

    var count: Int { mins.count }
}

/// The tables of each rubric found so far, shared by the threads reading surveys.
final class SurveyRubricCache: Sendable {
    private let tables = Mutex<[String: SurveyRubricTables]>([:])

    /// The tables of the rubric `find` gives for `id`, made on first use; `nil` when there is
    /// no such rubric (asked again each time: that file is rejected anyway).
    func tables(for id: String, find: (String) -> Rubric?) -> SurveyRubricTables? {
        if let known = tables.withLock({ $0[id] }) { return known }
        guard let rubric = find(id) else { return nil }
        let made = SurveyRubricTables(rubric)
        tables.withLock { $0[id] = made }
        return made
    }
}
