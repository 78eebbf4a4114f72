/// Where an item of a follow-up plan stands.
public enum FollowupStatus: String, Sendable, Hashable, CaseIterable {
    case rencana, proses, selesai
}

/// A piece of evidence that an action was taken: a document or photo, or a description.
public struct FollowupEvidence: Hashable, Sendable {
    public var href: String?
    public var text: String

    public init(href: String?, text: String) {
        self.href = href
        self.text = text
    }
}

/// One action of a follow-up plan, aimed at one indicator.
public struct FollowupItem: Hashable, Sendable {
    /// An indicator of the plan's rubric (an SKM unsur such as `U8`, or `PR-01`).
    public var indicatorID: String
    public var problem: String
    /// The program/kegiatan.
    public var action: String
    /// Time frame, `YYYY-MM-DD`.
    public var start: String?
    public var end: String?
    public var responsible: String
    public var status: FollowupStatus
    /// When the status was set (the day it was done, for `selesai`), `YYYY-MM-DD`.
    public var statusDate: String?
    public var evidence: [FollowupEvidence]
    public var location: SourceLocation

    public init(
        indicatorID: String, problem: String = "", action: String = "", start: String? = nil,
        end: String? = nil, responsible: String = "", status: FollowupStatus = .rencana,
        statusDate: String? = nil, evidence: [FollowupEvidence] = [],
        location: SourceLocation = SourceLocation(file: "")
    ) {
        self.indicatorID = indicatorID
        self.problem = problem
        self.action = action
        self.start = start
        self.end = end
        self.responsible = responsible
        self.status = status
        self.statusDate = statusDate
        self.evidence = evidence
        self.location = location
    }

    /// Not done although its time frame ended before `day` (`YYYY-MM-DD`): judged against the
    /// end of the data's period, never the clock, so that outputs do not change by the day.
    public func isOverdue(on day: String) -> Bool {
        guard status != .selesai, let end else { return false }
        return end < day
    }
}

/// A unit's follow-up plan (rencana tindak lanjut) for the results of one period.
public struct FollowupPlan: Hashable, Sendable {
    /// The rubric (or instrument) whose indicators the items name.
    public var rubricID: String
    public var unitID: String
    /// The period whose results the plan answers.
    public var period: String
    public var date: String?
    public var items: [FollowupItem]
    public var location: SourceLocation

    public init(
        rubricID: String, unitID: String, period: String, date: String? = nil,
        items: [FollowupItem], location: SourceLocation = SourceLocation(file: "")
    ) {
        self.rubricID = rubricID
        self.unitID = unitID
        self.period = period
        self.date = date
        self.items = items
        self.location = location
    }
}

/// What the schema cannot check in a follow-up plan: that its unit and indicators exist.
public enum FollowupChecks {
    /// Problems of `plan` against its rubric (when known) and the registry (when known):
    /// an unknown unit or indicator is an error at its own line and column.
    public static func check(_ plan: FollowupPlan, rubric: Rubric?, registry: Registry?) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if let registry, registry.unit(plan.unitID) == nil {
            problems.append(.error(plan.location, .unknownUnit(id: plan.unitID, nearest: [], fileRejected: false)))
        }
        guard let rubric else {
            problems.append(.error(plan.location, .unknownRubric(id: plan.rubricID)))
            return problems
        }
        var seen: [String: SourceLocation] = [:]
        for item in plan.items {
            if rubric.indicatorIndex[item.indicatorID] == nil {
                problems.append(
                    .error(item.location, .indicatorNotInRubric(indicator: item.indicatorID, rubric: rubric.id)))
            }
            if let start = item.start, let end = item.end, end < start {
                problems.append(
                    .error(
                        item.location, id: "jangka waktu berakhir (\(end)) sebelum dimulai (\(start))",
                        en: "time frame ends (\(end)) before it starts (\(start))"))
            }
            if item.status == .selesai, item.statusDate == nil {
                problems.append(
                    .warning(
                        item.location, id: "butir untuk '\(item.indicatorID)' berstatus selesai tetapi tanpa tanggal",
                        en: "item for '\(item.indicatorID)' is selesai but has no date"))
            }
            if let first = seen[item.indicatorID + "\u{0}" + item.action], !item.action.isEmpty {
                problems.append(
                    .warning(
                        item.location,
                        id: "tindakan yang sama untuk '\(item.indicatorID)' sudah direncanakan di \(first)",
                        en: "the same action for '\(item.indicatorID)' is already planned at \(first)"))
            } else {
                seen[item.indicatorID + "\u{0}" + item.action] = item.location
            }
        }
        return problems
    }
}

/// Calendar facts about periods (`2023`, `2023-S1`, `2023-Q2`, `2023-07`).
public enum PeriodCalendar {
    /// The last day of a period, `YYYY-MM-DD`; a year's last day for a refinement not known.
    public static func endDay(of period: String) -> String? {
        let parts = period.split(separator: "-")
        guard let first = parts.first, first.count == 4, let year = Int(first) else { return nil }
        var month = 12
        if parts.count > 1 {
            let r = parts[1].uppercased()
            if r == "S1" {
                month = 6
            } else if r == "S2" {
                month = 12
            } else if r.hasPrefix("Q"), let q = Int(r.dropFirst()), (1...4).contains(q) {
                month = 3 * q
            } else if let m = Int(r), (1...12).contains(m) {
                month = m
            }
        }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return "\(first)-\(month < 10 ? "0" : "")\(month)-\(days)"
    }
}
