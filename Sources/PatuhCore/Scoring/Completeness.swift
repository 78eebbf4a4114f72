extension RoundResult {
    /// How complete an indicator's value is for a unit: of its respondents (a survey
    /// indicator) or of its assessments (an assessor indicator), how many gave an answer
    /// ("na" included), and how many there were.
    public func completeness(of u: UnitResult, _ ir: IndicatorResult) -> (answered: Int, asked: Int) {
        let i = ir.indicatorIndex
        guard rubric.indicators[i].source == .survey else {
            return (u.assessmentCount - ir.missingCount, u.assessmentCount)
        }
        let tally = surveys[u.key]?.tally
        return (tally?.answered(at: i) ?? 0, tally?.respondents ?? 0)
    }
}
