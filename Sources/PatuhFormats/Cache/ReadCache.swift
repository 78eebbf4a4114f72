import PatuhCore

/// What reading assessment and survey files gave, kept between runs so that a file that did
/// not change is not read again (`InputLoader.cache`). Whatever a cache hands back must be
/// what reading the file would give; when it is unsure it hands back nothing, and the file
/// is read.
public protocol ReadCache: Sendable {
    /// This load's use of the cache, for what decides how files are read; `nil` when nothing
    /// is cached. Asked with the same context, it gives the same session.
    func session(for context: ReadContext) -> (any ReadCacheSession)?
    /// The load is over: what was kept is written, and files read afterwards are not kept.
    func finish()
}

/// One load's use of a `ReadCache` (from any thread): asked before a file is read, told what
/// reading it gave.
public protocol ReadCacheSession: Sendable {
    /// What reading the assessment file at `path` gave, if the file has not changed since;
    /// its notes and evidence set aside in `store` when given.
    func assessmentFile(at path: String, store: CommentStore?) -> AssessmentFile?
    /// Keeps what reading (and checking) an assessment file gave.
    func remember(_ file: AssessmentFile, store: CommentStore?)
    /// What reading the survey file at `path` gave, if the file has not changed since; its
    /// comments set aside in `store` when given.
    func surveyFile(at path: String, store: CommentStore?) -> SurveyFile?
    /// Keeps what reading a survey file gave.
    func remember(_ file: SurveyFile)
}

/// What, besides a file's own bytes, decides what reading it gives.
public struct ReadContext: Sendable, Hashable {
    /// The instrument whose files are read (files for others are skipped, not read).
    public var instrument: String
    /// The rubric the files are read and checked for, and the registry's files.
    public var rubricFile: String
    public var registryFiles: [String]
    /// `Rubrics/schema`.
    public var schemaDirectory: String
    public var use: InputUse
    public var strict: Bool
    public var alwaysValidates: Bool

    public init(
        instrument: String, rubricFile: String, registryFiles: [String], schemaDirectory: String, use: InputUse,
        strict: Bool, alwaysValidates: Bool
    ) {
        self.instrument = instrument
        self.rubricFile = rubricFile
        self.registryFiles = registryFiles
        self.schemaDirectory = schemaDirectory
        self.use = use
        self.strict = strict
        self.alwaysValidates = alwaysValidates
    }
}

extension InputLoader {
    /// The cache session of a load for one rubric (none without a cache, or for a load that
    /// reads every rubric's files).
    func cacheSession(_ round: RoundChoice, registries: [(path: String, registry: Registry)])
        -> (any ReadCacheSession)?
    {
        guard let cache, let asked = round.asked, round.only != nil else { return nil }
        return cache.session(
            for: ReadContext(
                instrument: asked.instrument, rubricFile: asked.location.file, registryFiles: registries.map(\.path),
                schemaDirectory: schemas.directory, use: use, strict: strict, alwaysValidates: alwaysValidates))
    }
}
