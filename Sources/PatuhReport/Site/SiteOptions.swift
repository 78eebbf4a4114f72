import Foundation

/// What a site is built with besides the scores: language, privacy, provenance.
public struct SiteOptions: Sendable {
    /// `id` (Bahasa Indonesia) or `en`.
    public var lang = "id"
    /// The site's title (default: the rubric's title).
    public var title: String?
    /// Breakdown groups with fewer respondents are shown as "< N" with no score.
    public var minimumGroup = 5
    /// Whether respondents' comments appear on pages (masked) or not at all.
    public var showsComments = true
    /// Who assessed and where the data come from, when the registry does not say.
    public var assessingBody: String?
    public var dataSource: String?
    /// Assessments and survey responses read, for the footer.
    public var assessmentCount = 0
    public var respondentCount = 0
    /// The generation date in the footer: `SOURCE_DATE_EPOCH` when set (a rebuild is then
    /// byte-identical), else today.
    public var generated = Date()
    /// Evidence files larger than this are not copied into the site.
    public var evidenceLimit = 20 << 20
    /// A zone (or category) page listing more units than this lists its provinsi instead, each
    /// linking to a page of the zone's units there, so that no page grows with the country.
    /// `PATUH_ZONE_PAGE_LIMIT` sets it (for tests and small trials); default 1,000.
    public var groupPageLimit = SiteOptions.defaultGroupPageLimit()

    public init() {}

    /// `PATUH_ZONE_PAGE_LIMIT` when set to a positive number, else 1,000.
    public static func defaultGroupPageLimit(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int
    {
        if let text = environment["PATUH_ZONE_PAGE_LIMIT"], let n = Int(text.trimmingCharacters(in: .whitespaces)),
            n > 0
        {
            return n
        }
        return 1000
    }

    /// The date `SOURCE_DATE_EPOCH` gives, else now.
    public static func generationDate(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        if let text = environment["SOURCE_DATE_EPOCH"], let seconds = Int64(text.trimmingCharacters(in: .whitespaces)) {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return Date()
    }
}
