import Foundation
import PatuhCore

/// The static HTML site of a scored round: for each period an index, a page per zone (or
/// category), per region and per unit; the method; the evidence files. Every page is
/// reachable from `index.html`: index → regions → their units → an MPP's tenants.
public struct SiteBuilder: Sendable {
    public var result: RoundResult
    public var registry: Registry
    public var options: SiteOptions
    public var title: String
    /// Whether region pages and the index carry maps (Map/); off only to measure what they cost.
    public var drawsMaps = true
    let t: Strings
    let frame: Framing
    let paths: PagePaths
    let index: SiteIndex
    let templates: PageTemplates
    /// What every page's fingerprint starts from: the templates and the build (nil: unknown).
    let fingerprintBasis: PageFingerprint?
    /// The footer's lines, the same on every page.
    let provenance: [String]
    /// Each indicator's levels as a page shows them (the value with the language's decimal
    /// mark, the label), by value: made once, not for every answer of every unit.
    let levelWords: [[Double: (weight: String, label: String)]]
    /// Each indicator's highest value as a page shows it.
    let maxWords: [String]
    /// Each indicator's id, title and legal basis as pages show them: read once, not per unit.
    let indicatorWords: [(id: String, title: String, ref: String?)]
    /// The provinsi of each region of the registry, by code (`provinsi(of:)`).
    let provinsiOfRegion: [String: String]
    /// Regions with a rank in each period, by "period|level": "3 of 12 kabupaten".
    let rankedCount: [String: Int]
    var evidence = EvidenceFiles()
    /// Follow-up plans (rencana tindak lanjut) shown on unit and region pages.
    public var followups: [FollowupPlan] = []

    /// Every template; the unit and region pages are made of partials, so that a section is
    /// added as a partial of its own.
    static let templates =
        [
            "head", "foot", "badge", "history", "index", "group", "region", "unit", "metode",
            "unit-assessed", "unit-dimensions", "unit-fixes", "unit-survey", "unit-indicators",
            "unit-comments", "unit-tenants"
        ] + skmTemplates + followupTemplates + printTemplates

    public init(result: RoundResult, registry: Registry, options: SiteOptions) throws {
        self.result = result
        self.registry = registry
        self.options = options
        t = Strings(lang: options.lang)
        frame = Framing(rubric: result.rubric, t: t)
        title = options.title ?? result.rubric.title.text(t.lang)
        paths = PagePaths(latest: result.periods.last ?? "")
        index = SiteIndex(result)
        let sources = try Self.templates.map { ($0, try Self.resource("\($0).mustache")) }
        templates = try PageTemplates(sources)
        fingerprintBasis = PageFingerprint.site(templates: sources)
        var counts: [String: Int] = [:]
        for r in result.regions where r.rankLevel != nil {
            counts["\(r.period)|\(r.region.level.rawValue)", default: 0] += 1
        }
        rankedCount = counts
        provinsiOfRegion = Self.provinsiOfRegions(registry)
        provenance = Self.provenance(result: result, registry: registry, options: options, t: t)
        let t = self.t
        maxWords = result.rubric.indicators.map { t.weight($0.max) }
        indicatorWords = result.rubric.indicators.map { ($0.id, $0.title.text(t.lang), $0.ref) }
        levelWords = result.rubric.indicators.map { indicator in
            // Only values held by one level: two levels of one value are looked up each time.
            var words: [Double: (weight: String, label: String)] = [:]
            var seen: Set<Double> = []
            for level in indicator.levels {
                if seen.insert(level.value).inserted {
                    words[level.value] = (t.weight(level.value), level.label.text(t.lang))
                } else {
                    words[level.value] = nil
                }
            }
            return words
        }
    }

    /// The site in `lang` with the default options.
    public init(result: RoundResult, registry: Registry, lang: String = "id", title: String? = nil) throws {
        var options = SiteOptions()
        options.lang = lang
        options.title = title
        try self.init(result: result, registry: registry, options: options)
    }

    static func resource(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: "Templates/\(name)", withExtension: nil) else {
            throw ReplacementError(description: "the report template \(name) is missing from the installation")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Writes the whole site into `out` (evidence files first, then every page); returns
    /// the warnings (evidence not found or not copied).
    public func write(to out: OutputDirectory) throws -> [Diagnostic] {
        try write(to: out, carryingOverFrom: nil).diagnostics
    }

    /// Writes the whole site into `out`, a new folder (a `SiteDirectory`'s staging); a page
    /// with the same bytes as in `previous` (the site it replaces) is linked from there, not
    /// written again, and not even rendered when its fingerprint is the one `previous`'s
    /// marker records. Pages are not flushed one by one: `SiteDirectory.commit` flushes the site.
    public func write(to out: OutputDirectory, carryingOverFrom previous: String?) throws -> SiteWriteResult {
        var site = self
        site.evidence.collect(result, into: out, limit: options.evidenceLimit)
        let sink = PageSink(root: out.path, previous: previous, site: fingerprintBasis)
        let templates = site.templates
        try site.renderPages(
            PageOutput(
                file: { path, bytes in try sink.put(path, bytes) },
                page: { path, template, context in
                    try sink.put(path, template: template, context: context, templates: templates)
                }))
        var written = SiteWriteResult(
            diagnostics: site.evidence.diagnostics, pagesWritten: sink.written,
            pagesCarried: sink.carried, pageBytes: sink.bytesOut)
        written.pagesRendered = sink.rendered
        written.manifest = sink.manifest
        return written
    }

    /// Every page as text, handed to `write` one at a time (relative path, contents).
    public func writePages(_ write: @escaping @Sendable (String, String) throws -> Void) throws {
        try renderPages { path, bytes in try write(path, String(decoding: bytes, as: UTF8.self)) }
    }

    /// Every page as bytes, handed to `write` one at a time (relative path, UTF-8 bytes).
    func renderPages(_ write: @escaping @Sendable (String, [UInt8]) throws -> Void) throws {
        let builder = self
        try renderPages(
            PageOutput(
                file: write, page: { path, template, context in try write(path, builder.render(template, context)) }))
    }

    /// Where `renderPages` hands each page: a file's bytes, or a page's template and context
    /// (rendered by the receiver, unless it can carry the page over without rendering).
    struct PageOutput: Sendable {
        let file: @Sendable (String, [UInt8]) throws -> Void
        let page: @Sendable (_ path: String, _ template: String, _ context: [String: Any]) throws -> Void
    }

    /// Every page, handed to `out` one at a time, so that a national site never sits in
    /// memory whole. Unit and region pages are made on every core; which worker writes
    /// which page changes nothing in the files.
    func renderPages(_ out: PageOutput) throws {
        let write = out.file
        let page = out.page
        try write("style.css", Array(try Self.resource("style.css").utf8))
        try write("patuh.js", Array(try Self.resource("patuh.js").utf8))
        let periods = result.periods.isEmpty ? [""] : result.periods
        for period in periods {
            // The index and every group page (a zone's, or a provinsi's part of it) side by side.
            let groups = frame.groups()
            var split: [(group: Int, provinsi: String?)] = []
            for (g, group) in groups.enumerated() {
                split.append((g, nil))
                for p in splitProvinces(group, period: period) { split.append((g, p)) }
            }
            let parts = split
            try concurrently(parts.count + 1) { i in
                guard i > 0 else { return try page(paths.index(period), "index", indexContext(period: period)) }
                let (g, p) = parts[i - 1]
                let path = groupPath(groups[g].key, provinsi: p, period)
                try page(path, "group", groupContext(groups[g], period: period, path: path, provinsi: p))
            }
            let regions = registry.regions
            try concurrently(regions.count) { i in
                let path = paths.region(regions[i].code, period)
                try page(path, "region", regionContext(regions[i], period: period, path: path))
            }
            let units = index.unitsOfPeriod[period] ?? []
            let all = result.units
            try concurrently(units.count) { i in
                let u = all[units[i]]
                let path = paths.unit(u.unit.id, period)
                try page(path, "unit", unitContext(u, path: path))
            }
        }
        try page("metode.html", "metode", methodContext())
        try writePrintPages(out)
    }

    func render(_ template: String, _ context: [String: Any]) -> [UInt8] {
        templates.render(template, context)
    }

    /// What every page needs.
    func base(path: String, pageTitle: String) -> [String: Any] {
        let rubric = result.rubric
        return [
            "lang": t.lang, "t": t.all, "root": PagePaths.root(of: path), "siteTitle": title, "pageTitle": pageTitle,
            "rubricTitle": rubric.title.text(t.lang), "rubricID": rubric.id,
            "hasSurvey": rubric.hasSurveyIndicators, "hasBreakdown": rubric.isSurveyRubric,
            "hasComments": rubric.hasSurveyIndicators && options.showsComments,
            "synthetic": registry.info.synthetic, "reconstructed": rubric.status == .reconstructed,
            "provenance": provenance, "scoreTerm": frame.scoreTerm, "bandHeading": frame.bandHeading
        ]
    }

    func scoreValue(_ x: Double?) -> String { x.map { DecimalFormat.fixed($0, decimals: 2) } ?? "" }

    /// The footer: rubric, who assessed, where the data come from, what they cover, when made.
    static func provenance(result: RoundResult, registry: Registry, options: SiteOptions, t: Strings) -> [String] {
        let rubric = result.rubric
        var lines = [
            "\(t["rubric"]): \(rubric.title.text(t.lang)) (\(rubric.id)\(rubric.version.map { " " + $0 } ?? ""), \(t["status-" + rubric.status.rawValue]))"
        ]
        if let body = options.assessingBody ?? registry.info.assessingBody {
            lines.append("\(t["assessingBody"]): \(body)")
        }
        if let source = options.dataSource ?? registry.info.dataSource { lines.append("\(t["dataSource"]): \(source)") }
        var coverage =
            "\(t["period"]) "
            + (result.periods.count > 1
                ? "\(result.periods.first ?? "")–\(result.periods.last ?? "")" : (result.periods.first ?? "–"))
        let unitIDs = Set(result.units.map(\.unit.id)).count
        let regionCodes = Set(result.regions.filter { $0.score != nil }.map(\.region.code)).count
        coverage +=
            " · \(t.count(unitIDs)) \(t["units"].lowercased()), \(t.count(regionCodes)) \(t["regions"].lowercased())"
        if options.assessmentCount > 0 { coverage += " · \(t.count(options.assessmentCount)) \(t["assessments"])" }
        if options.respondentCount > 0 { coverage += " · \(t.count(options.respondentCount)) \(t["responses"])" }
        lines.append("\(t["counts"]): \(coverage)")
        lines.append("\(t["generated"]) \(t.date(options.generated))")
        return lines
    }
}
