import PatuhCore
import Testing

@Suite struct FollowupTests {
    @Test func periodEnds() {
        // Semesters end in June and December; quarters every third month; 2024 is a leap year.
        #expect(PeriodCalendar.endDay(of: "2023") == "2023-12-31")
        #expect(PeriodCalendar.endDay(of: "2023-S1") == "2023-06-30")
        #expect(PeriodCalendar.endDay(of: "2023-S2") == "2023-12-31")
        #expect(PeriodCalendar.endDay(of: "2023-Q3") == "2023-09-30")
        #expect(PeriodCalendar.endDay(of: "2024-02") == "2024-02-29")
        #expect(PeriodCalendar.endDay(of: "2023-02") == "2023-02-28")
        #expect(PeriodCalendar.endDay(of: "x") == nil)
    }

    @Test func overdueOnlyWhenNotDoneAndPastItsEnd() {
        // Judged on the data's period end (2023-12-31), not today.
        let late = FollowupItem(indicatorID: "U8", end: "2023-09-30", status: .proses)
        #expect(late.isOverdue(on: "2023-12-31"))
        #expect(!late.isOverdue(on: "2023-09-30"))  // due that very day: not yet late
        #expect(!FollowupItem(indicatorID: "U8", end: "2023-09-30", status: .selesai).isOverdue(on: "2023-12-31"))
        #expect(!FollowupItem(indicatorID: "U8", status: .rencana).isOverdue(on: "2023-12-31"))  // no time frame
    }

    @Test func checksNameUnknownUnitAndIndicator() {
        let rubric = Make.skm(weight: 1.0 / 9)
        let at = { (line: Int) in SourceLocation(file: "f.xml", line: line, column: 1) }
        let plan = FollowupPlan(
            rubricID: "skm", unitID: "nowhere", period: "2023",
            items: [
                FollowupItem(indicatorID: "U1", start: "2023-08-01", end: "2023-07-01", location: at(3)),
                FollowupItem(indicatorID: "U10", location: at(4))
            ], location: at(2))
        let problems = FollowupChecks.check(plan, rubric: rubric, registry: Make.registry)
        #expect(problems.map(\.location.line) == [2, 3, 4])
        #expect(problems.allSatisfy { $0.severity == .error })
        #expect(problems[0].message.contains("unit 'nowhere'"))
        #expect(problems[1].message.contains("ends (2023-07-01) before it starts (2023-08-01)"))
        #expect(problems[2].message.contains("indicator 'U10'"))
    }
}
