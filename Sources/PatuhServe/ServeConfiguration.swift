import Foundation
import PatuhCore

/// What `patuh serve` serves: read once at start.
public struct ServeConfiguration: Sendable {
    /// The survey rubric of the counter questionnaire (its survey indicators are the questions).
    public var rubric: Rubric
    /// The units, with the regions their officers' scopes name.
    public var registry: Registry
    /// The periods open for answers; the first is the one the questionnaire collects for.
    public var openPeriods: [String]
    /// `--data`: the database and the ODK submissions' files.
    public var dataDirectory: String
    /// Rubrics whose `patuh xform` forms ODK Collect may fetch and submit.
    public var formRubrics: [Rubric]
    /// Submissions one device (its cookie, else its address) may make in an hour.
    public var perDeviceLimit = 20
    /// Submissions one network address may make in an hour (a shared counter tablet, a kiosk).
    public var perAddressLimit = 2000
    /// The largest questionnaire body accepted, in bytes.
    public var maxFormBody = 64 << 10
    /// The largest ODK submission accepted (XML and photos), in bytes.
    public var maxSubmissionBody = 32 << 20
    /// How long a login lasts.
    public var sessionLifetime: TimeInterval = 8 * 3600
    /// The address printed on posters (`https://skm.example.go.id`); else the request's Host.
    public var publicURL: String?
    /// Whether cookies carry `Secure` (sent back over HTTPS only): when the public address is
    /// `https://`, as behind a TLS proxy; a plain-HTTP server (a laptop at the counter) must
    /// not, or the browser would never send its login back.
    public var cookiesAreSecure: Bool { publicURL?.lowercased().hasPrefix("https://") == true }
    /// The time zone of the dates recorded with each response (WIB by default).
    public var timeZone = TimeZone(identifier: "Asia/Jakarta") ?? .current

    /// A configuration; `openPeriods` must hold at least one period.
    public init(
        rubric: Rubric, registry: Registry, openPeriods: [String], dataDirectory: String, formRubrics: [Rubric] = []
    ) {
        self.rubric = rubric
        self.registry = registry
        self.openPeriods = openPeriods
        self.dataDirectory = dataDirectory
        self.formRubrics = formRubrics.isEmpty ? [rubric] : formRubrics
    }

    /// The period new questionnaires collect for.
    public var currentPeriod: String { openPeriods.first ?? "" }

    /// The units that take the questionnaire: those the rubric applies to.
    public var surveyedUnits: [ServiceUnit] { registry.units.filter { rubric.applies(to: $0.type) } }

    /// The rubric's survey indicators, in rubric order.
    public var questions: [Indicator] { Array(rubric.indicators[rubric.surveyWindow]) }
}
