import PatuhCore

/// What is scored in a round, picked from the inputs: assessments and surveys for one
/// rubric, each counted once, and the files that were skipped or rejected.
public struct RoundAssembly: Sendable {
    public var assessments: [Assessment] = []
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
    /// so that a national round's assessments and survey tallies are never held twice.
    public init(taking inputs: inout Inputs, rubric: Rubric, registry: Registry) {
        var seenAssessments: [String: SourceLocation] = [:]
        let assessmentFiles = inputs.assessmentFiles
        inputs.assessmentFiles = []
        assessments.reserveCapacity(assessmentFiles.reduce(0) { $0 + $1.assessments.count })
        for file in assessmentFiles {
            var forRubric = 0
            for a in file.assessments where a.rubricID == rubric.id {
                forRubric += 1
                // Checked against the rubric when loaded (InputLoader); the unit against this
                // registry here, which may be one of several among the inputs.
                if registry.unit(a.unitID) == nil { continue }
                if let first = seenAssessments[a.id] {
                    diagnostics.append(.warning(a.location,
                        "assessment '\(a.id)' was already read at \(first); counted once"))
                    continue
                }
                seenAssessments[a.id] = a.location
                assessments.append(a)
            }
            if forRubric == 0 && file.complete && (file.skipped > 0 || !file.assessments.isEmpty) {
                skippedFiles.append(file.path)
            }
        }
        var seenSurveys: [String: SourceLocation] = [:]
        let surveyFiles = inputs.surveyFiles
        inputs.surveyFiles = []
        for file in surveyFiles {
            if file.skipped || (file.complete && file.rubricID != rubric.id) {
                skippedFiles.append(file.path)
                continue
            }
            guard file.complete else { continue }
            if let id = file.id {
                if let first = seenSurveys[id] {
                    diagnostics.append(.warning(file.location, "survey '\(id)' was already read at \(first); counted once"))
                    continue
                }
                seenSurveys[id] = file.location
            }
            surveys.pool(file.summary, at: UnitPeriod(file.unitID, file.period))
        }
    }
}
