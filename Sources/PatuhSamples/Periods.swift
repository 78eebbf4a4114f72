/// A day of the proleptic Gregorian calendar, counted from 1970-01-01 (no time zones, no clock).
struct CalendarDay: Sendable, Hashable, Comparable {
    var number: Int

    init(number: Int) { self.number = number }

    /// The day `year-month-day` (Hinnant's days-from-civil algorithm).
    init(year: Int, month: Int, day: Int) {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        number = era * 146_097 + doe - 719_468
    }

    /// Year, month and day (Hinnant's civil-from-days algorithm).
    var components: (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `YYYY-MM-DD`.
    var iso: String {
        let (y, m, d) = components
        return "\(y)-\(Places.twoDigits(m))-\(Places.twoDigits(d))"
    }

    static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.number < b.number }
}

/// The days a period covers: `2023` a year, `2023-S1` a semester, `2023-Q2` a quarter,
/// `2023-07` a month; other refinements of a year cover the year.
struct PeriodSpan: Sendable, Hashable {
    var first: CalendarDay
    var last: CalendarDay

    init(first: CalendarDay, last: CalendarDay) {
        self.first = first
        self.last = last
    }

    /// The span of `period`, or `nil` when it does not start with a four-digit year.
    init?(period: String) {
        let parts = period.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let head = parts.first, head.count == 4, let year = Int(head) else { return nil }
        var (from, to) = (1, 12)
        if parts.count > 1 {
            let part = parts[1].uppercased()
            if part.count == 2, let half = Int(part.dropFirst()), part.hasPrefix("S"), (1...2).contains(half) {
                (from, to) = (half * 6 - 5, half * 6)
            } else if part.count == 2, let q = Int(part.dropFirst()), part.hasPrefix("Q"), (1...4).contains(q) {
                (from, to) = (q * 3 - 2, q * 3)
            } else if let month = Int(part), (1...12).contains(month) {
                (from, to) = (month, month)
            }
        }
        first = CalendarDay(year: year, month: from, day: 1)
        let next =
            to == 12 ? CalendarDay(year: year + 1, month: 1, day: 1) : CalendarDay(year: year, month: to + 1, day: 1)
        last = CalendarDay(number: next.number - 1)
    }

    /// When Ombudsman teams visit in a yearly period: June to November; a shorter period
    /// is used whole.
    var fieldwork: PeriodSpan {
        let (y1, _, _) = first.components
        let (y2, m2, d2) = last.components
        guard y1 == y2, first.components.month == 1, m2 == 12, d2 == 31 else { return self }
        return PeriodSpan(
            first: CalendarDay(year: y1, month: 6, day: 1), last: CalendarDay(year: y1, month: 11, day: 30))
    }

    /// A day in the span, uniformly.
    func day(_ random: inout RandomSource) -> CalendarDay {
        CalendarDay(number: first.number + random.below(last.number - first.number + 1))
    }
}

extension PeriodSpan {
    /// A Monday-to-Friday day in the span (any day if the span has none).
    func workday(_ random: inout RandomSource) -> CalendarDay {
        for _ in 0..<16 {
            let day = day(&random)
            // 1970-01-01 was a Thursday: (number + 3) mod 7 is 0 on Mondays.
            if ((day.number + 3) % 7 + 7) % 7 < 5 { return day }
        }
        return day(&random)
    }
}
