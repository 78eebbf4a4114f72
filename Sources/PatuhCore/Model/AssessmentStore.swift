/// Where a round's assessments are kept, handed out one at a time as plain values.
///
/// The core never holds a round's assessments all at once: it asks for them by position. An
/// array is a store; the formats layer keeps a national round's compactly (`PackedAssessments`),
/// with the assessors' notes on disk, and gives each back whole.
public protocol AssessmentStore: Sendable {
    /// How many assessments the store holds.
    var count: Int { get }
    /// The assessment at `index` (in `0..<count`), whole: every answer with its notes and evidence.
    func assessment(at index: Int) -> Assessment
}

extension Array: AssessmentStore where Element == Assessment {
    public func assessment(at index: Int) -> Assessment { self[index] }
}
