import PatuhCore
import PatuhXML

/// Reads survey files response by response for `patuh check`: straight-lining, duplicate
/// responses on one day, dates outside the period, and each file's share of `na`. Files are
/// read as they are; what is wrong with their format is `validate`'s to say.
public struct ResponseScan: Sendable {
    public var thresholds: QualityThresholds

    public init(thresholds: QualityThresholds) { self.thresholds = thresholds }

    public func findings(file path: String) -> [QualityFinding] {
        let handler = ResponseScanHandler(path: path, thresholds: thresholds)
        _ = XMLStreamParser().parse(file: path, handler: handler)
        handler.finishFile()
        return handler.findings
    }
}

private final class ResponseScanHandler: XMLStreamHandler {
    let path: String
    let thresholds: QualityThresholds
    var findings: [QualityFinding] = []
    private var unit = ""
    private var period = ""
    private var surveyStart: SourceLocation?
    // The response being read.
    private var start = SourceLocation(file: "")
    private var id = ""
    private var date = ""
    private var demographics = ""
    private var answers: [(String, String)] = []
    private var inResponse = false
    // The file's tallies.
    private var answerCount = 0
    private var naCount = 0
    private var firstOf: [String: (id: String, at: SourceLocation)] = [:]

    init(path: String, thresholds: QualityThresholds) {
        self.path = path
        self.thresholds = thresholds
    }

    func start(_ tag: XMLStartTag, in stream: XMLStream) {
        let name = tag.localName
        if name.equals("answer"), inResponse {
            let value = tag.attribute("value")?.string.split(separator: " ").joined() ?? ""
            answers.append((tag.attribute("indicator")?.string ?? "", value))
            answerCount += 1
            if value == "na" { naCount += 1 }
        } else if name.equals("response") {
            inResponse = true
            start = stream.tagStart
            id = tag.attribute("id")?.string ?? ""
            date = tag.attribute("date")?.string ?? ""
            demographics = ["service", "gender", "age", "education", "occupation"]
                .map { tag.attribute($0)?.string ?? "" }.joined(separator: "\u{1}")
            answers.removeAll(keepingCapacity: true)
        } else if name.equals("survey") {
            surveyStart = stream.tagStart
            unit = tag.attribute("unit")?.string ?? ""
            period = tag.attribute("period")?.string ?? ""
        }
    }

    func end(_ name: XMLBytes, in stream: XMLStream) {
        guard name.equals("response"), inResponse else { return }
        inResponse = false
        let numbers = answers.map(\.1).filter { $0 != "na" }
        if numbers.count >= thresholds.straightLiningMinimum, let first = numbers.first,
            numbers.allSatisfy({ $0 == first })
        {
            findings.append(
                QualityFinding(
                    .straightLining, at: start, unit: unit, period: period, value: first,
                    detail: "response '\(id)' answers \(first) to all \(numbers.count) unsur"))
        }
        if !date.isEmpty, PeriodDays.isOutside(date, period) {
            findings.append(
                QualityFinding(
                    .dateOutsidePeriod, at: start, unit: unit, period: period, value: date,
                    detail: "response '\(id)' is dated \(date), outside period \(period)"))
        }
        if !date.isEmpty {
            let key =
                date + "\u{2}" + demographics + "\u{2}"
                + answers.sorted { $0.0 < $1.0 }.map { "\($0.0)=\($0.1)" }.joined(separator: ",")
            if let first = firstOf[key] {
                findings.append(
                    QualityFinding(
                        .duplicateResponse, at: start, unit: unit, period: period, value: first.id,
                        detail:
                            "response '\(id)' repeats response '\(first.id)' at \(first.at) in every answer and demographic, on \(date)"
                    ))
            } else {
                firstOf[key] = (id, start)
            }
        }
    }

    func finishFile() {
        guard answerCount > 0 else { return }
        let share = Double(naCount) / Double(answerCount)
        if share > thresholds.naShare {
            findings.append(
                QualityFinding(
                    .naShare, at: surveyStart ?? SourceLocation(file: path, line: 1, column: 1),
                    unit: unit, period: period, value: String((share * 1000).rounded() / 1000),
                    threshold: String(thresholds.naShare),
                    detail: "\(naCount) of \(answerCount) answers in the file are na"))
        }
    }
}
