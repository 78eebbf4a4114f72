import Foundation
import PatuhCore
import PatuhReport

/// The responses of the database as the contract's survey files, one per unit and period,
/// which `validate`, `score` and `report` read as they are.
public enum SurveyExport {
    /// One unit's survey file for a period.
    public static func survey(config: ServeConfiguration, unit: String, period: String, responses: [StoredResponse])
        -> String
    {
        let rubric = config.rubric
        let list = responses.map { r in
            var response = SurveyResponse(
                id: r.id, rubricID: rubric.instrument, unitID: r.unitID, period: r.period, date: r.date,
                answers: rubric.indicators[rubric.surveyWindow].compactMap { indicator in
                    r.answers[indicator.id].map { Answer(indicatorID: indicator.id, value: .number($0)) }
                },
                comments: r.comment.map { [$0] } ?? [])
            response.respondent = r.respondent
            return response
        }
        var id = "serve-\(rubric.instrument)-\(unit)-\(period)"
        if !ContractText.isID(id) { id = "serve-" + FormIdentity.shortHash(id, digits: 16) }
        return ContractXML.survey(
            id: id, rubric: rubric.instrument, unit: unit, period: period, responses: list,
            comment: "Exported by patuh serve: answers given at the counter questionnaire.")
    }

    /// Writes `out/counter/<period>/<unit>.xml` for every unit and period with responses;
    /// returns the files written (relative paths).
    public static func write(config: ServeConfiguration, store: Store, into out: String) throws -> [String] {
        var byFile: [String: [StoredResponse]] = [:]
        for r in try store.responses() { byFile["\(r.period)/\(r.unitID)", default: []].append(r) }
        var written: [String] = []
        for key in byFile.keys.sorted() {
            guard let list = byFile[key], let first = list.first else { continue }
            let relative = "counter/\(key).xml"
            let path = (out as NSString).appendingPathComponent(relative)
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let xml = survey(config: config, unit: first.unitID, period: first.period, responses: list)
            try Data(xml.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            written.append(relative)
        }
        return written
    }
}
