import PatuhCore

/// What is scored in a round, picked from the inputs: assessments and surveys for one
/// rubric, each counted once, and the files that were skipped or rejected.
public struct RoundAssembly: Sendable {
    public var assessments = PackedAssessments()
    public var surveys: [UnitPeriod: SurveySummary] = [:]
    /// Files made for another rubric, skipped.
    public var skippedFiles: [String] = []
    public var diagnostics: [Diagnostic] = []

    /// Picks the round for `rubric` out of `inputs` (files in path order, so the first of
    /// two copies is the one kept, whatever order the paths were given in).
    public init(inputs: Inputs, rubric: Rubric, registry: Registry) {
        var copy = inputs
        self.init(taking: &copy, rubric: rubric, registry: registry)
    }

    /// Picks the round as `init(inputs:)` does, emptying the inputs' file lists on the way,
    /// so that a national round's assessments and survey tallies are never held twice. With
    /// `store`, the assessments' answers go to disk as they are taken (see
    /// `PackedAssessments.append(from:at:keepingPositions:settingAnswersAsideIn:)`).
    public init(
        taking inputs: inout Inputs, rubric: Rubric, registry: Registry,
        settingAnswersAsideIn store: CommentStore? = nil
    ) {
        var assessmentFiles = inputs.assessmentFiles
        inputs.assessmentFiles = []
        // Sets, not dictionaries of locations: 50,000 ids each; a duplicate's first place is
        // looked up when one turns up, which is rare.
        var seenAssessments = Set<String>(minimumCapacity: assessmentFiles.reduce(0) { $0 + $1.assessments.count })
        assessments.reserveCapacity(
            assessments: seenAssessments.capacity,
            answers: store != nil ? 0 : assessmentFiles.reduce(0) { $0 + $1.assessments.answerCount })
        for f in assessmentFiles.indices {
            let file = assessmentFiles[f]
            assessmentFiles[f].assessments = []  // each file's copy goes as it is taken
            var forRubric = 0
            for (i, a) in file.assessments.heads.enumerated() where a.rubricID == rubric.instrument {
                forRubric += 1
                // Checked against the rubric when loaded (InputLoader); the unit against this
                // registry here, which may be one of several among the inputs.
                if registry.unit(a.unitID) == nil { continue }
                if !seenAssessments.insert(a.id).inserted {
                    let first = assessments.heads.first { $0.id == a.id }?.location ?? a.location
                    diagnostics.append(
                        .warning(
                            a.location, id: "penilaian '\(a.id)' sudah dibaca di \(first); dihitung sekali",
                            en: "assessment '\(a.id)' was already read at \(first); counted once"))
                    continue
                }
                assessments.append(from: file.assessments, at: i, settingAnswersAsideIn: store)
            }
            if forRubric == 0 && file.complete && (file.skipped > 0 || !file.assessments.isEmpty) {
                skippedFiles.append(file.path)
            }
        }
        var surveyFiles = inputs.surveyFiles
        inputs.surveyFiles = []
        var seenSurveys = Set<String>(minimumCapacity: surveyFiles.count)
        var firstSurvey: [String: SourceLocation] = [:]  // only ids seen twice are looked up
        // A copy of a file (no id, or another id) holds the same responses for the same unit
        // and period: counted once, like a file given twice.
        var sameResponses: [ResponseSet: String] = [:]
        surveys.reserveCapacity(surveyFiles.count)
        for f in surveyFiles.indices {
            let file = surveyFiles[f]
            surveyFiles[f].summary = SurveySummary(indicatorCount: 0)
            if file.skipped || (file.complete && file.rubricID != rubric.instrument) {
                skippedFiles.append(file.path)
                continue
            }
            guard file.complete else { continue }
            if let id = file.id, !seenSurveys.insert(id).inserted {
                let first =
                    firstSurvey[id]
                    ?? surveyFiles[..<f].first {
                        $0.id == id && $0.complete && !$0.skipped && $0.rubricID == rubric.instrument
                    }?.location
                firstSurvey[id] = first
                diagnostics.append(
                    .warning(
                        file.location, id: "survei '\(id)' sudah dibaca di \(first ?? file.location); dihitung sekali",
                        en: "survey '\(id)' was already read at \(first ?? file.location); counted once"))
                continue
            }
            let responses = ResponseSet(
                unitID: file.unitID, period: file.period, digest: file.responseDigest,
                count: file.accepted + file.excluded)
            if responses.count > 0, let first = sameResponses[responses] {
                diagnostics.append(
                    .warning(
                        file.location,
                        id:
                            "memuat \(responses.count) id respons yang sama untuk unit '\(file.unitID)' dan periode \(file.period) dengan \(first); dihitung sekali",
                        en:
                            "holds the same \(responses.count) response ids for unit '\(file.unitID)' and period \(file.period) as \(first); counted once"
                    ))
                continue
            }
            sameResponses[responses] = file.path
            surveys.pool(file.summary, at: UnitPeriod(unit: file.unitID, period: file.period))
        }
    }
}

/// What identifies a survey file's responses: its unit, period and set of response ids.
private struct ResponseSet: Hashable {
    var unitID: String
    var period: String
    var digest: UInt64
    var count: Int
}
