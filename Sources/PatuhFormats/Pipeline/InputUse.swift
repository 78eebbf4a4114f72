/// What the caller will use of what a load reads: it decides what is kept, what is set
/// aside on disk and what is dropped as soon as it is checked.
public enum InputUse: Sendable, Hashable {
    /// Only the problems found (`validate`): what is read is dropped once checked (a national
    /// round's assessments and survey tallies are 100 MB).
    case problems
    /// Scores (`score`): assessments and survey tallies without assessors' notes and evidence.
    case scores
    /// Scores and the pages that show assessors' notes and evidence (`report`): the notes,
    /// once read, are set aside on disk until the last pages are written.
    case pages
    /// Everything, in memory (`check`, tools and tests that read a few files).
    case records

    /// Whether assessors' notes and evidence are read at all.
    var keepsRemarks: Bool { self != .scores }
    /// Whether notes and evidence, once read, go to the comment store on disk.
    var setsRemarksAside: Bool { self == .pages }
    /// Whether assessments and survey tallies are kept once checked.
    var keepsRecords: Bool { self != .problems }
}

/// The points of a run between which its memory changes most: the executable may hand freed
/// pages back to the system there, or time the phase; the libraries never do either.
public enum RoundPhase: String, Sendable, Hashable {
    /// Before any input is read.
    case started = "start"
    /// Rubrics and registries are read (a registry's parsed tree, ten times its file, is freed).
    case registriesRead = "registries"
    /// Every input file is read and checked (parsers' buffers and per-file arrays are freed).
    case filesRead = "read"
    /// The round is picked out of the inputs.
    case assembled = "assemble"
    /// The round is scored.
    case scored = "score"
}
