import Foundation
import PatuhCore
import PatuhXML

/// What a survey file added up to. Responses are tallied as they stream by, never kept.
public struct SurveyFile: Sendable {
    public var path: String
    public var id: String?
    public var rubricID: String
    public var unitID: String
    public var period: String
    public var location: SourceLocation
    public var summary: SurveySummary
    /// Responses counted, and responses excluded for an error inside them.
    public var accepted: Int
    public var excluded: Int
    public var diagnostics: [Diagnostic]
    /// False when the file as a whole was rejected (not well-formed, unknown unit or rubric).
    public var complete: Bool
    /// True when the file names another rubric than the one asked for: not read further.
    public var skipped: Bool
    /// A digest of the set of response ids read (whatever their order): two files of one
    /// unit and period with the same digest hold the same responses (a copy given twice).
    public var responseDigest: UInt64 = 0
}

extension SurveyFile {
    /// A file made for another rubric, left unread.
    init(skipped path: String, rubricID: String) {
        self.init(
            path: path, id: nil, rubricID: rubricID, unitID: "", period: "", location: SourceLocation(file: path),
            summary: SurveySummary(indicatorCount: 0), accepted: 0, excluded: 0, diagnostics: [],
            complete: true, skipped: true)
    }
}

/// Streams survey files into tallies, one response at a time.
public struct SurveyReader: Sendable {
    /// The validating parser, and the plain one for files read first with `SurveyShape`.
    let parsers: ShapeFirstParsers
    /// Finds a rubric by id; `nil` for an id nobody defines.
    public var rubric: @Sendable (String) -> Rubric? {
        didSet { rubricCache = SurveyRubricCache() }
    }
    /// Each rubric `rubric` gave, taken apart once for all files and threads.
    private(set) var rubricCache = SurveyRubricCache()
    /// The registry's unit ids (`nil`: no registry to check against). A set, not the
    /// registry, so that each file's check copies one reference, not a dozen.
    let unitIDs: Set<String>?
    /// The registry's lists of values for survey groups (`answer-values`).
    let answerValues: [BreakdownDimension: [String: String]]
    /// When set, files for any other rubric are skipped, not read.
    public var only: String?
    /// Whether a response that leaves an unsur blank is an error and excluded (`--strict`);
    /// otherwise it counts for the unsur it answers, and each file warns how many did so.
    public var strict = false
    /// Where comments are set aside as they are read; `nil` keeps them in memory.
    public var comments: CommentStore?

    /// With `checksShapeFirst`, each file is first read without libxml2's validator while
    /// `SurveyShape` checks it, and read again with the validator only when that check is
    /// unsure; pass it only when the schema is the one `SurveyShape` knows
    /// (`SchemaSet.surveyShapeApplies`).
    public init(
        schema: XMLSchema?, registry: Registry?, only: String? = nil, comments: CommentStore? = nil,
        checksShapeFirst: Bool = false, rubric: @escaping @Sendable (String) -> Rubric?
    ) {
        parsers = ShapeFirstParsers(schema: schema, checksShapeFirst: checksShapeFirst)
        unitIDs = registry.map { Set($0.units.map(\.id)) }
        answerValues = registry?.answerValues ?? [:]
        self.only = only
        self.comments = comments
        self.rubric = rubric
    }

    public func read(file path: String) -> SurveyFile {
        let (handler, result) = parsers.read(
            path, shape: SurveyShape(),
            // Taken as it is only when the validator could have found nothing more: the
            // check held to the end, or until the handler stopped on purpose.
            accepts: { handler, result in result.complete || handler.rejectedWhole || handler.skipped },
            handler: { SurveyHandler(reader: self, path: path) })
        return file(path, handler, result)
    }

    private func file(_ path: String, _ handler: SurveyHandler, _ result: XMLStreamResult) -> SurveyFile {
        let complete = result.complete && !handler.rejectedWhole
        var diagnostics = result.diagnostics
        if complete, let warning = handler.blankWarning() { diagnostics.append(warning) }
        if complete, let warning = handler.unlistedWarning() { diagnostics.append(warning) }
        return SurveyFile(
            path: path, id: handler.fileID, rubricID: handler.rubricID, unitID: handler.unitID,
            period: handler.period, location: handler.location ?? SourceLocation(file: path),
            summary: complete ? handler.finishSummary() : SurveySummary(indicatorCount: 0),
            accepted: complete ? handler.accepted : 0,
            excluded: complete ? handler.excluded : handler.accepted + handler.excluded,
            diagnostics: diagnostics, complete: complete, skipped: handler.skipped,
            responseDigest: handler.responseDigest)
    }
}

/// The response-by-response work: no `String` is made for a well-formed response without a
/// comment, answers go into a reused array, and group values are interned per file.
private final class SurveyHandler: ShapeFollowing {
    // Every property is touched by one thread only, many times a response: unchecked
    // exclusivity saves a runtime check and a thread-local lookup per access.
    let reader: SurveyReader
    let path: String
    @exclusivity(unchecked) var fileID: String?
    @exclusivity(unchecked) var rubricID = ""
    @exclusivity(unchecked) var unitID = ""
    @exclusivity(unchecked) var period = ""
    @exclusivity(unchecked) var location: SourceLocation?
    @exclusivity(unchecked) var accepted = 0
    @exclusivity(unchecked) var excluded = 0
    @exclusivity(unchecked) var rejectedWhole = false
    @exclusivity(unchecked) var skipped = false

    @exclusivity(unchecked) private var summary = SurveySummary(indicatorCount: 0)
    /// Whether the file's rubric was found (a flag, so the hot path never copies the rubric).
    @exclusivity(unchecked) private var reading = false
    // The rubric, taken apart once per file for the hot path.
    @exclusivity(unchecked) private var indicatorIDs = IndicatorIDs()
    @exclusivity(unchecked) private var mins: [Double] = []
    @exclusivity(unchecked) private var maxs: [Double] = []
    @exclusivity(unchecked) private var allowsNA: [Bool] = []
    /// The positions a survey response should answer (the rubric's survey indicators), and
    /// which of them the rubric requires.
    @exclusivity(unchecked) private var asked: [Int] = []
    @exclusivity(unchecked) private var required: [Bool] = []
    /// Per position: whether the response being read gave any answer there (`na` included).
    @exclusivity(unchecked) private var given: [Bool] = []
    /// Responses counted although they left something blank, and how often each position was.
    @exclusivity(unchecked) private var incomplete = 0
    @exclusivity(unchecked) private var blanks: [Int] = []
    @exclusivity(unchecked) private var responseStart: SourceLocation?
    @exclusivity(unchecked) private var needsResponseStart = false
    @exclusivity(unchecked) private var unlistedResponses = 0
    @exclusivity(unchecked) private var keepBreakdown = false

    // The response being read.
    @exclusivity(unchecked) private var answers: [Double] = []
    @exclusivity(unchecked) private var nextIndicator = 0
    @exclusivity(unchecked) private var bad = false
    @exclusivity(unchecked) private var errorsAtStart = 0
    @exclusivity(unchecked) private var responseID: [UInt8] = []
    @exclusivity(unchecked) private var serviceValue: [UInt8]?
    @exclusivity(unchecked) private var groupSlots: [Int] = []
    @exclusivity(unchecked) private var comments: [String] = []
    @exclusivity(unchecked) private var text = TextBuffer()
    @exclusivity(unchecked) private var seenIDs = Set<Int>()
    // Order-independent sums of the response ids' hashes (see `SurveyFile.responseDigest`).
    @exclusivity(unchecked) private var digestSum: UInt64 = 0
    @exclusivity(unchecked) private var digestMix: UInt64 = 0
    var responseDigest: UInt64 { digestSum ^ (digestMix &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(seenIDs.count) }

    // Groups of this file: interned values and their tallies.
    @exclusivity(unchecked) private var groups = GroupTable()
    @exclusivity(unchecked) private var groupTallies: [SurveyTally] = []
    // Comments waiting to be set aside (or kept, without a store).
    @exclusivity(unchecked) private var pendingComments: [SurveyComment] = []
    /// Follows the file when it is read without the validator.
    @exclusivity(unchecked) var shape: SurveyShape?

    init(reader: SurveyReader, path: String) {
        self.reader = reader
        self.path = path
    }

    func opened(_ tag: XMLStartTag, in stream: XMLStream) {
        let name = tag.localName
        if name.equals("answer") {
            answer(tag, in: stream)
        } else if name.equals("response") {
            beginResponse(tag, in: stream)
        } else if name.equals("comment") {
            text.begin()
        } else if name.equals("survey") {
            beginSurvey(tag, in: stream)
        }
    }

    func read(_ bytes: XMLBytes, in stream: XMLStream) {
        text.append(bytes)
    }

    func closed(_ name: XMLBytes, in stream: XMLStream) {
        if name.equals("response") {
            endResponse(in: stream)
        } else if name.equals("comment") {
            let comment = text.finish()
            if !comment.isEmpty { comments.append(comment) }
        }
    }

    /// The file's summary: group tallies keyed by their values, comments set aside.
    func finishSummary() -> SurveySummary {
        var result = summary
        if keepBreakdown {
            // Spellings of one group ("SMA", "sma ") have slots of their own: pooled here.
            for (slot, key) in groups.keys.enumerated() {
                if result.breakdown[key] == nil {
                    result.breakdown[key] = groupTallies[slot]
                } else {
                    result.breakdown[key]?.merge(groupTallies[slot])
                }
            }
        }
        flushComments()
        // Not the emptied buffer itself: it keeps its capacity (a thousand comments), and
        // the summary outlives this file.
        result.comments = pendingComments.isEmpty ? [] : Array(pendingComments)
        result.commentBlocks = summary.commentBlocks
        return result
    }

    private func beginSurvey(_ tag: XMLStartTag, in stream: XMLStream) {
        location = stream.tagStart
        fileID = tag.attribute("id")?.string
        rubricID = tag.attribute("rubric")?.string ?? ""
        unitID = tag.attribute("unit")?.string ?? ""
        period = tag.attribute("period")?.string ?? ""
        let here = location ?? stream.here
        if let only = reader.only, only != rubricID {
            skipped = true
            stream.finish()
            return
        }
        guard let rubric = reader.rubricCache.tables(for: rubricID, find: reader.rubric) else {
            rejectedWhole = true
            stream.stop(
                .error(
                    here,
                    id:
                        "rubrik '\(rubricID)' tidak didefinisikan dalam masukan maupun dalam Rubrics/; berkas survei ditolak",
                    en: "rubric '\(rubricID)' is not defined in the inputs or in Rubrics/; survey file rejected"))
            return
        }
        if let units = reader.unitIDs {
            guard let known = units.firstIndex(of: unitID) else {
                rejectedWhole = true
                stream.stop(
                    .error(
                        here,
                        .unknownUnit(id: unitID, nearest: Suggestions.nearest(unitID, in: units), fileRejected: true)))
                return
            }
            unitID = units[known]  // the registry's copy: 48,000 files share their ids' storage
        }
        if let only = reader.only { rubricID = only }  // equal, checked above; one copy
        reading = true
        indicatorIDs = rubric.indicatorIDs
        mins = rubric.mins
        maxs = rubric.maxs
        allowsNA = rubric.allowsNA
        asked = rubric.asked
        required = rubric.required
        needsResponseStart = reader.strict || rubric.anyRequired
        given = Array(repeating: false, count: rubric.count)
        blanks = Array(repeating: 0, count: rubric.count)
        // Group tallies are what SKM reports; for a mixed rubric's short questionnaire
        // (about 30 users a unit) they would cost memory per unit and say little.
        keepBreakdown = rubric.isSurveyRubric
        groups.lists = reader.answerValues
        summary = SurveySummary(indicatorCount: rubric.count, window: rubric.window)
        answers = Array(repeating: .nan, count: indicatorIDs.count)
    }

    private func beginResponse(_ tag: XMLStartTag, in stream: XMLStream) {
        errorsAtStart = stream.errorCount
        bad = false
        nextIndicator = 0
        for i in answers.indices { answers[i] = .nan }
        for i in given.indices { given[i] = false }
        // Walking back to the tag's '<' costs a little on every response: done only when a
        // blank can be an error that names the response (--strict, required indicators).
        if needsResponseStart { responseStart = stream.tagStart }
        comments.removeAll(keepingCapacity: true)
        responseID.removeAll(keepingCapacity: true)
        serviceValue = nil
        groupSlots.removeAll(keepingCapacity: true)
        let keep = keepBreakdown
        tag.forEachAttribute { name, raw in
            // `id`, `gender` and `age` are tokens (blanks at the ends are not part of them);
            // `service`, `education` and `occupation` are names, read as written.
            let value = name.count <= 6 ? raw.trimmed : raw
            switch name.count {
            case 2 where name.equals("id"):
                responseID.append(contentsOf: value.buffer)
            case 7 where name.equals("service"):
                serviceValue = Array(value.buffer)
                if keep { groupSlots.append(slot(.service, value)) }
            case 6 where name.equals("gender"):
                if keep { groupSlots.append(slot(.gender, value)) }
            case 3 where name.equals("age"):
                if keep, let years = DecimalText.parse(value), years >= 0, years < 200 {
                    groupSlots.append(
                        groups.slot(
                            .age, band: BreakdownDimension.ageBand(Int(years)), tallies: &groupTallies,
                            indicatorCount: answers.count))
                }
            case 9 where name.equals("education"):
                if keep { groupSlots.append(slot(.education, value)) }
            case 10 where name.equals("occupation"):
                if keep { groupSlots.append(slot(.occupation, value)) }
            default:
                break
            }
        }
        // Hashes stand in for the ids: 8 bytes a response whatever the ids' length.
        var hasher = Hasher()
        responseID.withUnsafeBytes { hasher.combine(bytes: $0) }
        let hash = hasher.finalize()
        if seenIDs.insert(hash).inserted {
            let h = UInt64(bitPattern: Int64(hash))
            digestSum &+= h
            digestMix ^= h &* 0xBF58_476D_1CE4_E5B9
        } else {
            bad = true
            stream.report(
                .error(
                    stream.tagStart, id: "id respons '\(responseIDString)' ganda; respons tidak dihitung",
                    en: "duplicate response id '\(responseIDString)'; response excluded"))
        }
    }

    private var responseIDString: String { String(decoding: responseID, as: UTF8.self) }

    /// Whether the response may be counted: a required unsur left blank excludes it, and so
    /// does any blank with `--strict`; otherwise its blanks are counted for the file's warning.
    private func checkComplete(in stream: XMLStream) -> Bool {
        var missing: [Int] = []
        for i in asked where !given[i] { missing.append(i) }
        guard !missing.isEmpty else { return true }
        let here = responseStart ?? stream.here
        let ids = missing.map { indicatorIDs.string($0) }.joined(separator: ", ")
        let requiredMissing = missing.filter { required[$0] }
        if !requiredMissing.isEmpty {
            let req = requiredMissing.map { indicatorIDs.string($0) }.joined(separator: ", ")
            stream.report(.error(here, .requiredMissing(response: responseIDString, indicators: req)))
            return false
        }
        if reader.strict {
            stream.report(.error(here, .blankUnsurStrict(response: responseIDString, indicators: ids)))
            return false
        }
        incomplete += 1
        for i in missing { blanks[i] += 1 }
        return true
    }

    /// The file's warning about responses counted with blanks, or `nil` when there were none.
    func blankWarning() -> Diagnostic? {
        guard incomplete > 0 else { return nil }
        let detail = asked.filter { blanks[$0] > 0 }.map { "\(indicatorIDs.string($0)) in \(blanks[$0])" }.joined(
            separator: ", ")
        return .warning(
            location ?? SourceLocation(file: path),
            .blankUnsur(incomplete: incomplete, accepted: accepted, detail: detail))
    }

    private func slot(_ dimension: BreakdownDimension, _ value: XMLBytes) -> Int {
        let s = groups.slot(dimension, value: value, tallies: &groupTallies, indicatorCount: answers.count)
        if groups.unlisted[s] { unlistedResponses += 1 }
        return s
    }

    /// The file's warning about group values the registry does not list, or `nil`.
    func unlistedWarning() -> Diagnostic? {
        guard unlistedResponses > 0 else { return nil }
        let values = groups.keys.indices.filter { groups.unlisted[$0] }
            .map { "\(groups.keys[$0].dimension.rawValue) '\(groups.keys[$0].value)'" }.joined(separator: ", ")
        return .warning(
            location ?? SourceLocation(file: path),
            id:
                "\(DecimalFormat.indonesian(unlistedResponses)) jawaban memberi nilai yang tidak tercantum dalam answer-values registri: \(values); masing-masing dihitung seperti tertulis",
            en:
                "\(unlistedResponses) answers give values the registry's answer-values do not list: \(values); each counted as written"
        )
    }

    private func answer(_ tag: XMLStartTag, in stream: XMLStream) {
        guard reading else { return }
        var indicator: XMLBytes?
        var raw: XMLBytes?
        tag.forEachAttribute { name, value in
            if name.equals("indicator") { indicator = value.trimmed } else if name.equals("value") { raw = value }
        }
        guard let indicator else { return }
        // Answers usually come in the rubric's order: try the next one first.
        guard let i = indicatorIDs.index(of: indicator, tryingFirst: nextIndicator) else {
            bad = true
            stream.report(
                .error(
                    stream.tagStart,
                    id:
                        "indikator '\(indicator.string)' tidak ada dalam rubrik '\(rubricID)'; respons '\(responseIDString)' tidak dihitung",
                    en:
                        "indicator '\(indicator.string)' is not in rubric '\(rubricID)'; response '\(responseIDString)' excluded"
                ))
            return
        }
        nextIndicator = i + 1
        guard let raw else { return }
        given[i] = true
        if DecimalText.isNotApplicable(raw) {
            guard !allowsNA[i] else { return }
            bad = true
            stream.report(
                .error(
                    stream.tagStart,
                    .notApplicableNotAllowed(indicator: indicatorIDs.string(i), response: responseIDString)))
            return
        }
        guard let v = DecimalText.parse(raw) else {
            bad = true  // the schema reports the malformed value itself
            return
        }
        if v < mins[i] || v > maxs[i] {
            bad = true
            let id = indicatorIDs.string(i)
            stream.report(
                .error(
                    stream.tagStart,
                    id:
                        "nilai \(DecimalFormat.indonesianPlain(v)) untuk '\(id)' di luar rentangnya \(DecimalFormat.indonesianPlain(mins[i]))..\(DecimalFormat.indonesianPlain(maxs[i])); respons '\(responseIDString)' tidak dihitung",
                    en:
                        "value \(DecimalFormat.plain(v)) for '\(id)' is outside its range \(DecimalFormat.plain(mins[i]))..\(DecimalFormat.plain(maxs[i])); response '\(responseIDString)' excluded"
                ))
        } else if !answers[i].isNaN {
            bad = true
            let id = indicatorIDs.string(i)
            stream.report(
                .error(
                    stream.tagStart,
                    id: "indikator '\(id)' dijawab dua kali; respons '\(responseIDString)' tidak dihitung",
                    en: "indicator '\(id)' answered twice; response '\(responseIDString)' excluded"))
        } else {
            answers[i] = v
        }
    }

    private func endResponse(in stream: XMLStream) {
        guard reading else { return }
        if bad || stream.errorCount > errorsAtStart {
            excluded += 1
            return
        }
        if !checkComplete(in: stream) {
            excluded += 1
            return
        }
        accepted += 1
        summary.tally.add(answers: answers)
        for slot in groupSlots { groupTallies[slot].add(answers: answers) }
        if !comments.isEmpty {
            let id = responseIDString
            let service = serviceValue.map { String(decoding: $0, as: UTF8.self) }
            for comment in comments {
                pendingComments.append(
                    SurveyComment(responseID: id, service: service, text: comment, location: stream.here))
            }
            if pendingComments.count >= 1000 { flushComments() }
        }
    }

    /// Sets the comments read so far aside in the store, if there is one.
    private func flushComments() {
        guard let store = reader.comments, let block = store.append(pendingComments) else { return }
        summary.commentBlocks.append(block)
        pendingComments.removeAll(keepingCapacity: true)
    }
}
