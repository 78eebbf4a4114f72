/// Which rubric a run scores, as the command line names it.
public enum RubricRequest: Sendable, Hashable {
    /// A rubric id (or the id of an instrument a rubric reads), looked up among the inputs,
    /// then in `Rubrics/`. Asked for by id, the shipped rubric is used even when an input file
    /// defines one with the same id (that file is named as an error).
    case id(String)
    /// A rubric file, read with the inputs.
    case file(String)

    /// What `--rubric VALUE` names: a file when it has a `/` or ends in `.xml`, else an id,
    /// even when a file or folder of that name happens to sit in the working directory (an
    /// output folder called `skm-2017`, say).
    public init(argument value: String) {
        self = Self.isPath(value) ? .file(value) : .id(value)
    }

    /// Whether `--rubric VALUE` names a file rather than an id.
    public static func isPath(_ value: String) -> Bool {
        value.contains("/") || value.lowercased().hasSuffix(".xml")
    }

    /// The value as given on the command line.
    public var argument: String {
        switch self {
        case .id(let value), .file(let value): return value
        }
    }
}
