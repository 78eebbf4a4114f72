import PatuhCore
import PatuhXML

/// What an assessment file held.
public struct AssessmentFile: Sendable {
    public var path: String
    /// Assessments read without error (references are checked later, against the rubric),
    /// kept compactly.
    public var assessments: PackedAssessments
    /// Assessments dropped because of an error inside them.
    public var rejected: Int
    public var diagnostics: [Diagnostic]
    /// False when the file was not well-formed to its end: nothing in it is used.
    public var complete: Bool
    /// Assessments for another rubric than the one asked for: read, not kept.
    public var skipped = 0
    /// The instruments and periods of the skipped assessments (to say what the inputs hold).
    public var skippedHeld: [String: Set<String>] = [:]
    /// Whether the assessments were checked against their rubric (`InputLoader.check`).
    var checked = false
}

/// Streams `assessment` and `assessments` files into `Assessment` values.
public struct AssessmentReader: Sendable {
    /// The validating parser, and the plain one for files read first with `AssessmentShape`.
    let parsers: ShapeFirstParsers

    /// Whether notes and evidence are kept (the report shows them; scores do not need them).
    public var keepsRemarks: Bool

    /// When set, assessments for any other rubric are validated but not kept.
    public var only: String?

    /// With `checksShapeFirst`, each file is first read without libxml2's validator while
    /// `AssessmentShape` checks it, and read again with the validator only when that check is
    /// unsure; pass it only when the schema is the one `AssessmentShape` knows
    /// (`SchemaSet.assessmentShapeApplies`).
    public init(schema: XMLSchema?, keepsRemarks: Bool = true, only: String? = nil, checksShapeFirst: Bool = false) {
        parsers = ShapeFirstParsers(schema: schema, checksShapeFirst: checksShapeFirst)
        self.keepsRemarks = keepsRemarks
        self.only = only
    }

    public func read(file path: String) -> AssessmentFile {
        let (handler, result) = parsers.read(path, shape: AssessmentShape()) {
            AssessmentHandler(keepsRemarks: keepsRemarks, only: only)
        }
        return file(path, handler, result)
    }

    private func file(_ path: String, _ handler: AssessmentHandler, _ result: XMLStreamResult) -> AssessmentFile {
        AssessmentFile(
            path: path, assessments: result.complete ? handler.assessments : [],
            rejected: handler.rejected + (result.complete ? 0 : handler.assessments.count),
            diagnostics: result.diagnostics, complete: result.complete,
            skipped: result.complete ? handler.skipped : 0, skippedHeld: handler.skippedHeld)
    }
}

private final class AssessmentHandler: ShapeFollowing {
    // Every property is touched by one thread only, many times an answer: unchecked
    // exclusivity saves a runtime check and a thread-local lookup per access.
    let keepsRemarks: Bool
    let only: String?
    @exclusivity(unchecked) var assessments = PackedAssessments()
    /// Assessments for another rubric than `only`: checked by the schema, not kept.
    @exclusivity(unchecked) var skipped = 0
    @exclusivity(unchecked) var skippedHeld: [String: Set<String>] = [:]
    @exclusivity(unchecked) var rejected = 0
    @exclusivity(unchecked) private var current: Assessment?
    @exclusivity(unchecked) private var currentAnswers: [Answer] = []
    /// Rubric ids, periods and assessor names repeat: one copy of each.
    @exclusivity(unchecked) private var strings = StringPool()
    @exclusivity(unchecked) private var errorsAtStart = 0
    @exclusivity(unchecked) private var answer: Answer?
    @exclusivity(unchecked) private var text = TextBuffer()
    @exclusivity(unchecked) private var evidenceHref: String?
    /// Follows the file when it is read without the validator.
    @exclusivity(unchecked) var shape: AssessmentShape?

    init(keepsRemarks: Bool, only: String?) {
        self.keepsRemarks = keepsRemarks
        self.only = only
    }

    func opened(_ tag: XMLStartTag, in stream: XMLStream) {
        let name = tag.localName
        if name.equals("assessment") {
            errorsAtStart = stream.errorCount
            current = Assessment(
                id: tag.attribute("id")?.string ?? "", rubricID: strings.intern(tag.attribute("rubric")),
                unitID: tag.attribute("unit")?.string ?? "", period: strings.intern(tag.attribute("period")),
                assessor: tag.rawAttribute("assessor").map { strings.intern($0) }, date: tag.attribute("date")?.string,
                location: stream.tagStart)
            current?.service = tag.attribute("service")?.string
            currentAnswers.removeAll(keepingCapacity: true)
        } else if name.equals("answer") {
            let raw = tag.attribute("value")
            let value: AnswerValue? = raw.flatMap { bytes in
                DecimalText.isNotApplicable(bytes) ? .notApplicable : DecimalText.parse(bytes).map { .number($0) }
            }
            guard let value else { return }  // the schema has reported it
            answer = Answer(
                indicatorID: tag.attribute("indicator")?.string ?? "", value: value, location: stream.tagStart)
        } else if !keepsRemarks {
            return
        } else if name.equals("note") {
            text.begin()
        } else if name.equals("evidence") {
            evidenceHref = tag.attribute("href")?.string
            text.begin()
        }
    }

    func read(_ bytes: XMLBytes, in stream: XMLStream) {
        text.append(bytes)
    }

    func closed(_ name: XMLBytes, in stream: XMLStream) {
        if name.equals("note") {
            let note = text.finish()
            if !note.isEmpty { answer?.notes.append(note) }
        } else if name.equals("evidence") {
            let caption = text.finish()
            if let href = evidenceHref {
                answer?.evidence.append(Evidence(href: href, caption: caption.isEmpty ? nil : caption))
            }
            evidenceHref = nil
        } else if name.equals("answer") {
            if let a = answer { currentAnswers.append(a) }
            answer = nil
        } else if name.equals("assessment") {
            if var a = current {
                a.answers = currentAnswers
                if stream.errorCount > errorsAtStart {
                    rejected += 1
                } else if let only, a.rubricID != only {
                    skipped += 1
                    skippedHeld[a.rubricID, default: []].insert(a.period)
                } else {
                    assessments.append(a)
                }
            }
            current = nil
        }
    }
}
