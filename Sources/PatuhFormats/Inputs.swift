import Foundation
import PatuhCore
import PatuhXML
import Synchronization

/// Everything read from a set of input paths: rubrics, registries, assessments, surveys,
/// with every problem found, file by file.
public struct Inputs: Sendable {
    public var files: [String] = []
    public var kinds: [String: DocumentKind] = [:]
    /// Rubrics by id: those in the inputs, then those of `Rubrics/` that were referenced.
    public var rubrics: [String: Rubric] = [:]
    public var registries: [(path: String, registry: Registry)] = [] {
        didSet { registry = Self.merged(registries) }
    }
    public var assessmentFiles: [AssessmentFile] = []
    public var surveyFiles: [SurveyFile] = []
    /// Follow-up plans, checked against their rubric and the registry.
    public var followups: [FollowupPlan] = []
    /// Every problem, in file order.
    public var diagnostics: [Diagnostic] = []
    /// Where survey comments were set aside while reading.
    public var comments: CommentStore?
    /// What the assessment and survey files hold: instrument ids (their `rubric` attribute)
    /// and the periods of each, including files skipped for another instrument.
    public var held: [String: Set<String>] = [:]

    /// The rubric that checks answers to `instrument`: the one asked for when it reads that
    /// instrument, else the rubric with that id, else the first (by id) that reads it.
    public static func rubric(for instrument: String, asked: Rubric?, in rubrics: [String: Rubric]) -> Rubric? {
        if let asked, asked.instrument == instrument { return asked }
        if let own = rubrics[instrument] { return own }
        return rubrics.values.filter { $0.instrument == instrument }.min { $0.id < $1.id }
    }

    /// The one registry of the inputs, or all of them merged when several: merged once, when
    /// `registries` changes, not on each use.
    public private(set) var registry: Registry?

    private static func merged(_ registries: [(path: String, registry: Registry)]) -> Registry? {
        guard registries.count > 1 else { return registries.first?.registry }
        var merged = Registry(
            regions: registries.flatMap { $0.registry.regions }, units: registries.flatMap { $0.registry.units })
        for r in registries {
            merged.answerValues.merge(r.registry.answerValues) { a, b in a.merging(b) { x, _ in x } }
        }
        return merged
    }

    /// The rubric asked for (`InputLoader.load(only:)`), decided once, before any assessment
    /// or survey was read: every reader was given this one.
    public var rubric: Rubric?

    /// The files of `kinds`, in path order.
    public func files(of kinds: Set<DocumentKind>) -> [String] {
        files.filter { self.kinds[$0].map(kinds.contains) ?? false }
    }

    /// Files with at least one error.
    public var rejectedFiles: [String] {
        Array(Set(diagnostics.filter { $0.severity == .error }.map(\.location.file))).sorted()
    }
}

/// Reads input paths the way every command does: sniff each file's kind, read rubrics and
/// registries whole (schema first), decide the rubric asked for once, then stream
/// assessments and surveys (schema in the same pass).
public struct InputLoader: Sendable {
    public var schemas: SchemaSet
    /// `Rubrics/`, where rubric ids not among the inputs are looked up.
    public var rubricsDirectory: String?
    /// 0: all cores; 1: one thread (same results, used to prove it).
    public var threads = 0
    /// What the caller will use of what is read (and so what is kept).
    public var use = InputUse.records
    /// Whether every survey and assessment goes through libxml2's validator, even one
    /// `SurveyShape` or `AssessmentShape` passes
    /// (slower; the results are the same).
    public var alwaysValidates = false
    /// Whether incomplete input is an error (`--strict`): an assessment without an answer to
    /// an assessor indicator is rejected, a survey response leaving an unsur blank excluded.
    public var strict = false
    /// Told after each assessment or survey file is read: files done, files in all, and
    /// survey responses counted so far (from any thread).
    public var progress: (@Sendable (_ done: Int, _ total: Int, _ responses: Int) -> Void)?
    /// Told when a phase of the load ends (`.registriesRead`, `.filesRead`): the executable
    /// hands freed memory back to the system there.
    public var onPhase: (@Sendable (RoundPhase) -> Void)?
    /// What reading each assessment and survey file gave in an earlier run (`report`,
    /// `score`): a file that did not change is not read again. `load` finishes it (writes the
    /// new cache) once every file is read.
    public var cache: (any ReadCache)?

    public init(schemas: SchemaSet, rubricsDirectory: String?, threads: Int = 0) {
        self.schemas = schemas
        self.rubricsDirectory = rubricsDirectory
        self.threads = threads
    }

    /// Loads `paths`. With `only` (a rubric or instrument id), assessments and surveys for
    /// other instruments are skipped; `rubricFile` is the file the rubric was named by
    /// (read with the inputs; without it, a shipped rubric wins over an input with its id).
    public func load(
        _ paths: [String], excluding: [String] = [], only: String? = nil, rubricFile: String? = nil,
        registryPath: String? = nil
    ) -> Inputs {
        var inputs = Inputs()
        let found = InputFiles.collect(paths + [rubricFile, registryPath].compactMap { $0 }, excluding: excluding)
        inputs.files = found.files
        inputs.diagnostics += found.problems
        let rubricOf = sniff(into: &inputs)
        for path in inputs.files(of: [.rubric]) { readInputRubric(path, into: &inputs) }
        readRegistries(named: registryPath, into: &inputs)
        onPhase?(.registriesRead)
        // The one place the rubric of the round is decided: every reader below is given it.
        let round = RoundChoice(
            only: only, asked: decideRubric(only, byID: rubricFile == nil, into: &inputs),
            registry: inputs.registry)
        if only == nil {
            // Rubrics named on sniffed roots are looked up before any assessment is read, so
            // that a file whose rubrics are all known is checked as soon as it is read.
            for id in Set(rubricOf.values).sorted() where inputs.rubrics[id] == nil {
                if let rubric = catalogRubric(id, into: &inputs.diagnostics) { inputs.rubrics[id] = rubric }
            }
        }
        let store = CommentStore()
        inputs.comments = store
        let counter = ProgressCounter(
            total: inputs.files(of: [.assessment, .assessments, .survey]).count, report: progress)
        readAssessments(round, rubricOf: rubricOf, store: store, counter: counter, into: &inputs)
        lookUpNamedRubrics(round, rubricOf: rubricOf, into: &inputs)
        readSurveys(round, rubricOf: rubricOf, store: store, counter: counter, into: &inputs)
        inputs.followups = readFollowups(
            inputs.files(of: [.followup]), only: only, rubrics: &inputs.rubrics,
            registry: round.registry, diagnostics: &inputs.diagnostics)
        finishChecks(round, into: &inputs)
        // The read cache is written and its indexes freed before the phase ends, so that the
        // memory they held is handed back with the parsers' buffers.
        cache?.finish()
        // Parsers' buffers and the files' transient arrays are freed by now.
        onPhase?(.filesRead)
        return inputs
    }

    /// Each file's kind from its root, and the rubric named on a survey's or a single
    /// assessment's root: with `only`, files for another rubric are known from the sniff and
    /// not opened again.
    private func sniff(into inputs: inout Inputs) -> [String: String] {
        let sniffed = inputs.files.parallelMap(threads: threads) {
            path -> (String, Result<(kind: DocumentKind, rubric: String?, period: String?), Rejection>) in
            do throws(Rejection) { return (path, .success(try DocumentKind.sniffRoot(path))) } catch {
                return (path, .failure(error))
            }
        }
        var rubricOf: [String: String] = [:]
        for (path, result) in sniffed {
            switch result {
            case .success(let root):
                inputs.kinds[path] = root.kind
                if root.kind == .survey || root.kind == .assessment, let id = root.rubric {
                    rubricOf[path] = id
                    if let period = root.period { inputs.held[id, default: []].insert(period) }
                }
            case .failure(let rejection): inputs.diagnostics += rejection.diagnostics
            }
        }
        return rubricOf
    }

    private func readInputRubric(_ path: String, into inputs: inout Inputs) {
        guard let rubric = readRubric(path, into: &inputs.diagnostics) else { return }
        if let other = inputs.rubrics[rubric.id] {
            inputs.diagnostics.append(
                .error(
                    rubric.location,
                    id: "id rubrik '\(rubric.id)' juga didefinisikan dalam \(other.location.file)",
                    en: "rubric id '\(rubric.id)' is also defined in \(other.location.file)"))
        } else {
            inputs.rubrics[rubric.id] = rubric
        }
    }

    /// With a registry named, it is the one: other registries among the inputs are left
    /// unread (and said so), never merged with it.
    private func readRegistries(named registryPath: String?, into inputs: inout Inputs) {
        let namedRegistry = registryPath.flatMap(InputFiles.identity(of:))
        for path in inputs.files(of: [.registry]) {
            if let namedRegistry, InputFiles.identity(of: path) != namedRegistry {
                inputs.diagnostics.append(
                    .warning(
                        SourceLocation(file: path),
                        id:
                            "registri lain daripada yang disebut dengan --registry (\(registryPath ?? "")); tidak dipakai",
                        en: "another registry than the one named with --registry (\(registryPath ?? "")); not used"))
                continue
            }
            do throws(Rejection) {
                let document = try XMLDocument.parse(file: path)
                try validate(document, kind: .registry)
                inputs.registries.append((path, try RegistryReader.read(document)))
            } catch {
                inputs.diagnostics += error.diagnostics
            }
        }
        if inputs.registries.count > 1 {
            inputs.diagnostics += RegistryChecks.check(inputs.registry ?? Registry(regions: [], units: []))
        }
    }

    /// The rubric asked for: the input rubric with that id, else the one of `Rubrics/`.
    /// Asked for by id, the shipped rubric, not a file among the inputs that took its id.
    private func decideRubric(_ only: String?, byID: Bool, into inputs: inout Inputs) -> Rubric? {
        guard let only else { return nil }
        if let input = inputs.rubrics[only] {
            if byID, let shipped = shippedRubric(replacedBy: input) {
                inputs.diagnostics.append(
                    .error(
                        input.location,
                        id:
                            "rubrik '\(only)' berbeda dari rubrik ber-id sama di \(shipped.location.file) dan tidak dipakai; untuk menilai dengan berkas ini, sebutkan dengan --rubric \(input.location.file)",
                        en:
                            "rubric '\(only)' differs from the rubric of that id in \(shipped.location.file) and is not used; to score with this file, name it with --rubric \(input.location.file)"
                    ))
                inputs.rubrics[only] = shipped
            }
        } else if let rubric = catalogRubric(only, into: &inputs.diagnostics) {
            inputs.rubrics[only] = rubric
        }
        inputs.rubric = inputs.rubrics[only]
        return inputs.rubric
    }

    private func readAssessments(
        _ round: RoundChoice, rubricOf: [String: String], store: CommentStore?,
        counter: ProgressCounter, into inputs: inout Inputs
    ) {
        let reader = AssessmentReader(
            schema: schemas.schema(for: .assessment), keepsRemarks: use.keepsRemarks,
            only: round.instrument, checksShapeFirst: schemas.assessmentShapeApplies && !alwaysValidates)
        let (instrument, asked, early, registry, strict) = (
            round.instrument, round.asked, inputs.rubrics, round.registry, strict
        )
        let (keepsRecords, asideStore) = (use.keepsRecords, use.setsRemarksAside ? store : nil)
        let cache = cacheSession(round, registries: inputs.registries)
        inputs.assessmentFiles = inputs.files(of: [.assessment, .assessments]).parallelMap(threads: threads) { path in
            defer { counter.add(responses: 0) }
            if let instrument, let id = rubricOf[path], id != instrument {
                return AssessmentFile(
                    path: path, assessments: [], rejected: 0, diagnostics: [], complete: true, skipped: 1)
            }
            if let cached = cache?.assessmentFile(at: path, store: asideStore) { return cached }
            var file = reader.read(file: path)
            if let asideStore { file.assessments.setRemarksAside(in: asideStore) }
            // A file whose rubrics are all known is checked now, so its answers' positions
            // never pile up; the others once every rubric is looked up (`finishChecks`).
            if file.assessments.heads.allSatisfy({
                Inputs.rubric(for: $0.rubricID, asked: asked, in: early) != nil
                    || (instrument != nil && $0.rubricID != instrument)
            }) {
                Self.check(&file, only: instrument, asked: asked, rubrics: early, registry: registry, strict: strict)
                if !keepsRecords { file.assessments = [] }
            }
            cache?.remember(file, store: asideStore)
            return file
        }
        for file in inputs.assessmentFiles {
            for a in file.assessments.heads { inputs.held[a.rubricID, default: []].insert(a.period) }
            for (id, periods) in file.skippedHeld { inputs.held[id, default: []].formUnion(periods) }
        }
    }

    /// Rubrics named by assessments or surveys but not among the inputs come from `Rubrics/`
    /// (the one asked for, and without it the ids on sniffed roots, were looked for before).
    private func lookUpNamedRubrics(_ round: RoundChoice, rubricOf: [String: String], into inputs: inout Inputs) {
        let sniffed = Set(rubricOf.values)
        var wanted = Set(inputs.assessmentFiles.flatMap { $0.assessments.heads.map(\.rubricID) })
        if let only = round.only { wanted.insert(only) }
        wanted.formUnion(rubricOf.filter { inputs.kinds[$0.key] == .survey }.map(\.value))
        for id in wanted.sorted()
        where Inputs.rubric(for: id, asked: round.asked, in: inputs.rubrics) == nil
            && id != round.only && id != round.instrument && !(round.only == nil && sniffed.contains(id))
        {
            if let rubric = catalogRubric(id, into: &inputs.diagnostics) { inputs.rubrics[id] = rubric }
        }
    }

    private func readSurveys(
        _ round: RoundChoice, rubricOf: [String: String], store: CommentStore?,
        counter: ProgressCounter, into inputs: inout Inputs
    ) {
        let (asked, rubrics, instrument, keepsRecords) = (
            round.asked, inputs.rubrics, round.instrument, use.keepsRecords
        )
        var reader = SurveyReader(
            schema: schemas.schema(for: .survey), registry: round.registry, only: instrument,
            comments: store, checksShapeFirst: schemas.surveyShapeApplies && !alwaysValidates
        ) {
            Inputs.rubric(for: $0, asked: asked, in: rubrics)
        }
        reader.strict = strict
        let surveyReader = reader
        let cache = cacheSession(round, registries: inputs.registries)
        inputs.surveyFiles = inputs.files(of: [.survey]).parallelMap(threads: threads) { path in
            if let instrument, let id = rubricOf[path], id != instrument {
                counter.add(responses: 0)
                return SurveyFile(skipped: path, rubricID: id)
            }
            var file = cache?.surveyFile(at: path, store: store) ?? surveyReader.read(file: path)
            cache?.remember(file)
            counter.add(responses: file.accepted)
            if !keepsRecords { file.summary = SurveySummary(indicatorCount: 0) }
            return file
        }
    }

    /// Checks the files not checked as they were read (see `check`), and gathers every
    /// file's problems and what the surveys hold.
    private func finishChecks(_ round: RoundChoice, into inputs: inout Inputs) {
        for f in inputs.assessmentFiles.indices {
            if !inputs.assessmentFiles[f].checked {
                Self.check(
                    &inputs.assessmentFiles[f], only: round.instrument, asked: round.asked, rubrics: inputs.rubrics,
                    registry: round.registry, strict: strict)
                if !use.keepsRecords { inputs.assessmentFiles[f].assessments = [] }
            }
            inputs.diagnostics += inputs.assessmentFiles[f].diagnostics
        }
        for file in inputs.surveyFiles {
            inputs.diagnostics += file.diagnostics
            if !file.rubricID.isEmpty, !file.period.isEmpty {
                inputs.held[file.rubricID, default: []].insert(file.period)
            }
        }
    }

    /// Checks a file's assessments against their rubrics, once: an assessment with an error
    /// is reported (after the file's own problems) and dropped, so what is kept can be scored
    /// as it is; what is kept forgets its answers' lines, which only the checks report. With
    /// `only`, other rubrics' assessments are kept unchecked, to be skipped.
    static func check(
        _ file: inout AssessmentFile, only: String?, asked: Rubric? = nil, rubrics: [String: Rubric],
        registry: Registry?, strict: Bool = false
    ) {
        var kept = PackedAssessments()
        kept.reserveCapacity(assessments: file.assessments.count, answers: file.assessments.answerCount)
        for i in file.assessments.indices {
            let a = file.assessments.head(at: i)
            if let only, a.rubricID != only {
                kept.append(from: file.assessments, at: i)
                continue
            }
            guard let rubric = Inputs.rubric(for: a.rubricID, asked: asked, in: rubrics) else {
                file.diagnostics.append(.error(a.location, .unknownRubric(id: a.rubricID)))
                file.rejected += 1
                continue
            }
            let problems = AssessmentChecks.check(
                file.assessments.assessment(at: i, withRemarks: false), rubric: rubric,
                registry: registry, strict: strict)
            file.diagnostics += problems
            if problems.hasErrors {
                file.rejected += 1
                continue
            }
            // Only the checks report an answer's line.
            kept.append(from: file.assessments, at: i, keepingPositions: false)
        }
        file.assessments = kept
        file.checked = true
    }

    /// Checks a parsed document against its kind's schema.
    func validate(_ document: XMLDocument, kind: DocumentKind) throws(Rejection) {
        guard let schema = schemas.schema(for: kind) else { return }
        let problems = schema.validate(document)
        if !problems.isEmpty { throw Rejection(problems) }
    }

    /// Reads one rubric file: parse, schema, checks.
    public func readRubric(file path: String) throws(Rejection) -> Rubric {
        let document = try XMLDocument.parse(file: path)
        try validate(document, kind: .rubric)
        return try RubricReader.read(document)
    }

    func readRubric(_ path: String, into diagnostics: inout [Diagnostic]) -> Rubric? {
        do throws(Rejection) {
            return try readRubric(file: path)
        } catch {
            diagnostics += error.diagnostics
            return nil
        }
    }

    /// The rubric of `Rubrics/` with `rubric`'s id when `rubric` was read from another file
    /// and differs from it (an input that took a shipped rubric's id), else `nil`.
    public func shippedRubric(replacedBy rubric: Rubric) -> Rubric? {
        var ignored: [Diagnostic] = []
        guard let shipped = catalogRubric(rubric.id, into: &ignored),
            InputFiles.identity(of: shipped.location.file) != InputFiles.identity(of: rubric.location.file),
            FileManager.default.contents(atPath: shipped.location.file)
                != FileManager.default.contents(atPath: rubric.location.file)
        else { return nil }
        return shipped
    }

    /// A rubric of `Rubrics/` by id: `Rubrics/<id>.xml`, else any file there with that id.
    func catalogRubric(_ id: String, into diagnostics: inout [Diagnostic]) -> Rubric? {
        guard let directory = rubricsDirectory else { return nil }
        let direct = (directory as NSString).appendingPathComponent("\(id).xml")
        var candidates = [direct]
        if let names = try? FileManager.default.contentsOfDirectory(atPath: directory) {
            candidates += names.sorted().filter { $0.hasSuffix(".xml") }.map {
                (directory as NSString).appendingPathComponent($0)
            }
        }
        for path in candidates where FileManager.default.fileExists(atPath: path) {
            var problems: [Diagnostic] = []
            let rubric = readRubric(path, into: &problems)
            // Problems count only for the file named after the id; others are just not it.
            if path == direct { diagnostics += problems }
            if let rubric, rubric.id == id { return rubric }
        }
        // Not a rubric's id: perhaps an instrument that a rubric there reads.
        for path in candidates where FileManager.default.fileExists(atPath: path) {
            var ignored: [Diagnostic] = []
            if let rubric = readRubric(path, into: &ignored), rubric.id != id, rubric.instrument == id { return rubric }
        }
        return nil
    }
}

/// The rubric a load is for, decided once: what was asked (`only`), the rubric found for it,
/// and the instrument whose files are read (the others are skipped); and the registry the
/// files are checked against (several merged into one, once).
struct RoundChoice {
    var only: String?
    var asked: Rubric?
    var registry: Registry?
    var instrument: String? { asked?.instrument ?? only }
}

/// Counts files read across threads for a progress display.
final class ProgressCounter: Sendable {
    private let total: Int
    private let counts = Mutex((done: 0, responses: 0))
    private let report: (@Sendable (Int, Int, Int) -> Void)?

    init(total: Int, report: (@Sendable (Int, Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    func add(responses n: Int) {
        guard let report else { return }
        let (d, r) = counts.withLock { c in
            c.done += 1
            c.responses += n
            return c
        }
        report(d, total, r)
    }
}
