import Foundation
import PatuhCore

/// One run of Patuh over a round's inputs, as every command that scores makes it: options
/// in, a scored round and its diagnostics out.
///
/// It finds and sniffs the input files, decides the rubric once (`InputLoader` gives every
/// reader that one), picks the registry by identity (the very file named, same device and
/// inode, never one whose path merely ends alike), streams assessments and surveys, picks the
/// round out of them (`RoundAssembly`), scores it, and returns a `ScoredRound` that owns what
/// a caller needs to write it. What cannot be done at all is a `PatuhError`; a bad input file
/// is a diagnostic, and the rest of the batch is still scored.
public struct RoundPipeline: Sendable {
    /// What a run is asked to do.
    public struct Options: Sendable {
        /// The rubric scored.
        public var rubric: RubricRequest
        /// Files, or folders searched for `*.xml`.
        public var paths: [String]
        /// The registry file; `nil` when the inputs hold exactly one.
        public var registry: String?
        /// Only periods equal to this or starting with it and `-` (2023 pools 2023-S1 and 2023-S2).
        public var period: String?
        /// Incomplete input is an error (`--strict`).
        public var strict = false
        /// Folders never entered (the outputs).
        public var excluding: [String] = []
        /// What the caller will use of what is read.
        public var use = InputUse.scores

        public init(rubric: RubricRequest, paths: [String]) {
            self.rubric = rubric
            self.paths = paths
        }
    }

    /// Reads the inputs: schemas, `Rubrics/`, threads, progress and phase hooks.
    public var loader: InputLoader
    public var options: Options

    public init(loader: InputLoader, options: Options) {
        self.loader = loader
        self.options = options
    }

    /// Reads, assembles and scores the round.
    public func run() throws(PatuhError) -> ScoredRound {
        var loader = loader
        loader.use = options.use
        loader.strict = options.strict
        let asked = try Self.requested(options.rubric, loader: loader)
        loader.onPhase?(.started)
        var inputs = loader.load(
            options.paths, excluding: options.excluding, only: asked.id, rubricFile: asked.file,
            registryPath: options.registry)
        let rubric = try Self.rubric(of: inputs, id: asked.id, argument: options.rubric.argument, loader: loader)
        let registry = try Self.registry(of: inputs, named: options.registry)
        // The quality checks (`InputUse.records`) look at every assessment read and read the
        // survey files again.
        let records =
            options.use == .records
            ? inputs.assessmentFiles.flatMap { $0.assessments.filter { $0.rubricID == rubric.instrument } } : []
        // Their paths only then: 48,000 strings in a national round.
        let surveyFiles =
            options.use == .records
            ? inputs.surveyFiles.filter { $0.complete && !$0.skipped && $0.rubricID == rubric.instrument }.map(\.path)
            : []
        // What was read moves into the assembly: the per-file lists are emptied on the way, and
        // the list of files (50,000 paths in a national round) is not needed past reading.
        // A report holds the assessments until its last page: their answers wait on disk.
        var assembly = RoundAssembly(
            taking: &inputs, rubric: rubric, registry: registry,
            settingAnswersAsideIn: options.use == .pages ? inputs.comments : nil)
        inputs.files = []
        inputs.kinds = [:]
        loader.onPhase?(.assembled)
        let scorer = RoundScorer(
            rubric: rubric, registry: registry, periodFilter: options.period, strict: options.strict)
        let assessments = assembly.assessments
        let surveys = assembly.surveys
        let counts = (
            assessments: assessments.count, respondents: surveys.values.reduce(0) { $0 + $1.tally.respondents }
        )
        assembly.assessments = []
        assembly.surveys = [:]
        // The result owns the assessments' store, and each survey's comments know their own
        // source: nothing is handed over afterwards.
        let result = scorer.score(assessments: assessments, surveys: surveys)
        loader.onPhase?(.scored)
        var round = ScoredRound(result: result, registry: registry, period: options.period, inputs: inputs)
        round.inputDiagnostics += assembly.diagnostics
        round.skippedFiles = assembly.skippedFiles
        (round.assessmentCount, round.respondentCount) = counts
        (round.surveyFiles, round.records) = (surveyFiles, records)
        return round
    }

    /// A rubric, and a registry when one is named, read as a run reads them: for commands
    /// that make forms and templates from a rubric.
    public static func rubric(
        _ request: RubricRequest, registry: String?,
        loader: InputLoader
    ) throws(PatuhError) -> (rubric: Rubric, registry: Registry?) {
        let asked = try requested(request, loader: loader)
        let inputs = loader.load([], only: asked.id, rubricFile: asked.file, registryPath: registry)
        let rubric = try rubric(of: inputs, id: asked.id, argument: request.argument, loader: loader)
        guard let registry else { return (rubric, nil) }
        return (rubric, try Self.registry(of: inputs, named: registry))
    }

    /// The id asked for: given, or read from the rubric file named (so that its inputs are
    /// read once, for that rubric).
    static func requested(_ request: RubricRequest, loader: InputLoader) throws(PatuhError) -> (
        id: String, file: String?
    ) {
        switch request {
        case .id(let id): return (id, nil)
        case .file(let path):
            do throws(Rejection) {
                return (try loader.readRubric(file: path).id, path)
            } catch {
                throw PatuhError(
                    id: "rubrik \(path) tidak dapat dibaca", en: "the rubric \(path) could not be read",
                    diagnostics: error.diagnostics)
            }
        }
    }

    /// The rubric the inputs were read for (`Inputs.rubric`, decided by the loader).
    static func rubric(of inputs: Inputs, id: String, argument: String, loader: InputLoader) throws(PatuhError)
        -> Rubric
    {
        if let rubric = inputs.rubric { return rubric }
        let folder = loader.rubricsDirectory ?? "Rubrics/"
        var message = (
            id: "tidak ada rubrik dengan id '\(id)' dalam masukan maupun dalam \(folder)",
            en: "no rubric with id '\(id)' in the inputs or in \(folder)"
        )
        if FileManager.default.fileExists(atPath: argument) {
            message.id += " (untuk memakai berkas \(argument), tulis ./\(argument))"
            message.en += " (to use the file \(argument), write ./\(argument))"
        }
        throw PatuhError(id: message.id, en: message.en, diagnostics: inputs.diagnostics)
    }

    /// The registry named (the very file: same device and inode), else the only one.
    static func registry(of inputs: Inputs, named path: String?) throws(PatuhError) -> Registry {
        if let path {
            let named = InputFiles.identity(of: path)
            guard named != nil,
                let found = inputs.registries.first(where: { InputFiles.identity(of: $0.path) == named })
            else {
                throw PatuhError(
                    id: "registri \(path) tidak dapat dibaca", en: "the registry \(path) could not be read",
                    diagnostics: inputs.diagnostics)
            }
            return found.registry
        }
        guard inputs.registries.count == 1, let registry = inputs.registry else {
            let n = inputs.registries.count
            throw PatuhError(
                id: n == 0
                    ? "tidak ada registri di antara masukan: sebutkan satu dengan --registry"
                    : "masukan memuat \(DecimalFormat.indonesian(n)) registri: sebutkan satu dengan --registry",
                en: n == 0
                    ? "no registry among the inputs: name one with --registry"
                    : "the inputs hold \(n) registries: name one with --registry",
                diagnostics: inputs.diagnostics)
        }
        return registry
    }
}
