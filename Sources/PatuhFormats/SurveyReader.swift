import Foundation
import PatuhCore
import PatuhXML

/// What a survey file added up to. Responses are tallied as they stream by, never kept.
public struct SurveyFile: Sendable {
    public var path: String
    public var id: String?
    public var rubricID: String
    public var unitID: String
    public var period: String
    public var location: SourceLocation
    public var summary: SurveySummary
    /// Responses counted, and responses excluded for an error inside them.
    public var accepted: Int
    public var excluded: Int
    public var diagnostics: [Diagnostic]
    /// False when the file as a whole was rejected (not well-formed, unknown unit or rubric).
    public var complete: Bool
    /// True when the file names another rubric than the one asked for: not read further.
    public var skipped: Bool
}

/// Streams survey files into tallies, one response at a time.
public struct SurveyReader: Sendable {
    public var parser: XMLStreamParser
    /// Finds a rubric by id; `nil` for an id nobody defines.
    public var rubric: @Sendable (String) -> Rubric?
    public var registry: Registry?
    /// When set, files for any other rubric are skipped, not read.
    public var only: String?

    public init(schema: XMLSchema?, registry: Registry?, only: String? = nil,
                rubric: @escaping @Sendable (String) -> Rubric?) {
        parser = XMLStreamParser(schema: schema)
        self.registry = registry
        self.only = only
        self.rubric = rubric
    }

    public func read(file path: String) -> SurveyFile {
        let handler = SurveyHandler(reader: self)
        let result = parser.parse(file: path, handler: handler)
        let complete = result.complete && !handler.rejectedWhole
        return SurveyFile(
            path: path, id: handler.fileID, rubricID: handler.rubricID, unitID: handler.unitID,
            period: handler.period, location: handler.location ?? SourceLocation(file: path),
            summary: complete ? handler.summary : SurveySummary(indicatorCount: 0),
            accepted: complete ? handler.accepted : 0,
            excluded: complete ? handler.excluded : handler.accepted + handler.excluded,
            diagnostics: result.diagnostics, complete: complete, skipped: handler.skipped)
    }
}

private final class SurveyHandler: XMLStreamHandler {
    let reader: SurveyReader
    var fileID: String?
    var rubricID = ""
    var unitID = ""
    var period = ""
    var location: SourceLocation?
    var summary = SurveySummary(indicatorCount: 0)
    var accepted = 0
    var excluded = 0
    var rejectedWhole = false
    var skipped = false

    private var rubric: Rubric?
    /// Indicator ids as bytes, for matching answers without making strings.
    private var indicatorBytes: [[UInt8]] = []
    private var answers: [Double?] = []
    private var bad = false
    private var errorsAtStart = 0
    private var responseID = ""
    private var groups: [BreakdownKey] = []
    private var service: String?
    private var comments: [String] = []
    private var text = TextBuffer()
    private var seenIDs = Set<Int>()

    init(reader: SurveyReader) { self.reader = reader }

    func start(_ tag: XMLStartTag, in stream: XMLStream) {
        let name = tag.localName
        if name.equals("answer") {
            answer(tag, in: stream)
        } else if name.equals("response") {
            beginResponse(tag, in: stream)
        } else if name.equals("comment") {
            text.begin()
        } else if name.equals("survey") {
            beginSurvey(tag, in: stream)
        }
    }

    func text(_ bytes: XMLBytes, in stream: XMLStream) { text.append(bytes) }

    func end(_ name: XMLBytes, in stream: XMLStream) {
        if name.equals("response") {
            endResponse(in: stream)
        } else if name.equals("comment") {
            let comment = text.finish()
            if !comment.isEmpty { comments.append(comment) }
        }
    }

    private func beginSurvey(_ tag: XMLStartTag, in stream: XMLStream) {
        location = stream.tagStart
        fileID = tag.attribute("id")?.string
        rubricID = tag.attribute("rubric")?.string ?? ""
        unitID = tag.attribute("unit")?.string ?? ""
        period = tag.attribute("period")?.string ?? ""
        let here = location ?? stream.here
        if let only = reader.only, only != rubricID {
            skipped = true
            stream.finish()
            return
        }
        guard let rubric = reader.rubric(rubricID) else {
            rejectedWhole = true
            stream.stop(.error(here, "rubric '\(rubricID)' is not defined in the inputs or in Rubrics/; survey file rejected"))
            return
        }
        if let registry = reader.registry, registry.unit(unitID) == nil {
            rejectedWhole = true
            stream.stop(.error(here, "unit '\(unitID)' is not in the registry; survey file rejected"))
            return
        }
        self.rubric = rubric
        indicatorBytes = rubric.indicators.map { Array($0.id.utf8) }
        summary = SurveySummary(indicatorCount: rubric.indicators.count)
    }

    private func beginResponse(_ tag: XMLStartTag, in stream: XMLStream) {
        errorsAtStart = stream.errorCount
        bad = false
        answers = Array(repeating: nil, count: indicatorBytes.count)
        comments.removeAll(keepingCapacity: true)
        responseID = tag.attribute("id")?.string ?? ""
        service = tag.attribute("service")?.string
        groups.removeAll(keepingCapacity: true)
        if let s = service { groups.append(BreakdownKey(.service, s)) }
        if let g = tag.attribute("gender") { groups.append(BreakdownKey(.gender, g.string)) }
        if let a = tag.attribute("age"), let years = DecimalText.parse(a), years >= 0, years < 200 {
            groups.append(BreakdownKey(.age, BreakdownDimension.ageBand(Int(years))))
        }
        if let e = tag.attribute("education") { groups.append(BreakdownKey(.education, e.string)) }
        if let o = tag.attribute("occupation") { groups.append(BreakdownKey(.occupation, o.string)) }
        // Hashes stand in for the ids: 8 bytes a response whatever the ids' length.
        if !seenIDs.insert(responseID.hashValue).inserted {
            bad = true
            stream.report(.error(stream.tagStart, "duplicate response id '\(responseID)'; response excluded"))
        }
    }

    private func answer(_ tag: XMLStartTag, in stream: XMLStream) {
        guard let rubric, let indicator = tag.attribute("indicator") else { return }
        guard let i = indicatorBytes.firstIndex(where: { $0.count == indicator.count && $0.elementsEqual(indicator.buffer) })
        else {
            bad = true
            stream.report(.error(stream.tagStart,
                "indicator '\(indicator.string)' is not in rubric '\(rubric.id)'; response '\(responseID)' excluded"))
            return
        }
        guard let raw = tag.attribute("value") else { return }
        if raw.equals("na") { return }
        guard let v = DecimalText.parse(raw) else {
            bad = true  // the schema reports the malformed value itself
            return
        }
        let ind = rubric.indicators[i]
        if v < ind.min || v > ind.max {
            bad = true
            stream.report(.error(stream.tagStart,
                "value \(AssessmentChecks.formatValue(v)) for '\(ind.id)' is outside its range \(AssessmentChecks.formatValue(ind.min))..\(AssessmentChecks.formatValue(ind.max)); response '\(responseID)' excluded"))
        } else if answers[i] != nil {
            bad = true
            stream.report(.error(stream.tagStart, "indicator '\(ind.id)' answered twice; response '\(responseID)' excluded"))
        } else {
            answers[i] = v
        }
    }

    private func endResponse(in stream: XMLStream) {
        guard rubric != nil else { return }
        if bad || stream.errorCount > errorsAtStart {
            excluded += 1
            return
        }
        accepted += 1
        summary.tally.add(answers)
        for key in groups {
            summary.breakdown[key, default: SurveyTally(indicatorCount: answers.count)].add(answers)
        }
        for comment in comments {
            summary.comments.append(SurveyComment(responseID: responseID, service: service, text: comment,
                                                  location: stream.here))
        }
    }
}
