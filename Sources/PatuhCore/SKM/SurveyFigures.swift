/// Survey figures the outputs print, worked out here once so that every writer (CSV, pages,
/// messages, quality report) gives the same answer.
extension UnitResult {
    /// The Krejcie–Morgan check of the unit in this period, when the rubric is an SKM survey
    /// rubric (PermenPANRB 14/2017; the Ombudsman's output questionnaire samples about 30
    /// users per pemda by design) and the registry gives the unit's service users. A unit
    /// with no respondents counts as 0.
    public func sampleCheck(under rubric: Rubric) -> SampleCheck? {
        guard rubric.isSurveyRubric, let population = unit.population else { return nil }
        return SampleCheck(population: population, respondents: respondents ?? 0)
    }
}

extension Rubric {
    /// A respondent group's own score (a service, a gender, an age band...), or `nil` when the
    /// rubric is not a pure survey rubric (SKM): only there do a group's answers make a whole
    /// questionnaire.
    public func groupScore(_ tally: SurveyTally) -> Double? {
        isSurveyRubric ? score(tally.sheet).total : nil
    }
}
