import PatuhCore

/// A scored round and everything a caller needs to write it: made by `RoundPipeline.run`.
public struct ScoredRound: Sendable {
    /// The units' and regions' results; its comments and notes, set aside on disk while
    /// reading, are read back through it.
    public var result: RoundResult
    /// The registry scored against.
    public var registry: Registry
    /// The period asked for (`--period`), if any.
    public var period: String?
    /// Every problem found: reading, picking the round, scoring (in that order; a caller may
    /// add its own, such as the site's, to `result.diagnostics`).
    public var diagnostics: [Diagnostic] { inputDiagnostics + result.diagnostics }
    /// The problems found reading the inputs and picking the round out of them.
    public var inputDiagnostics: [Diagnostic]
    /// Follow-up plans for the rubric, checked against it and the registry.
    public var followups: [FollowupPlan]
    /// The instruments and periods the inputs hold (to say so when nothing was scored).
    public var held: [String: Set<String>]
    /// Assessments and survey responses counted.
    public var assessmentCount = 0
    public var respondentCount = 0
    /// Files made for another rubric, skipped.
    public var skippedFiles: [String] = []
    /// With `InputUse.records`: the survey files read for the rubric, whole (the quality
    /// checks read them again).
    public var surveyFiles: [String] = []
    /// With `InputUse.records`: every assessment read for the rubric, before duplicates and
    /// units of other registries are dropped (the quality checks look at them all).
    public var records: [Assessment] = []

    init(result: RoundResult, registry: Registry, period: String?, inputs: Inputs) {
        self.result = result
        self.registry = registry
        self.period = period
        inputDiagnostics = inputs.diagnostics
        followups = inputs.followups
        held = inputs.held
    }
}
