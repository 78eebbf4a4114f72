import PatuhCore

/// An operational failure that ends a command: what was asked cannot be done at all (no such
/// rubric, no registry to score against, an output that cannot be written). Bad input files
/// are not failures: they are diagnostics, and the rest of the batch goes on.
///
/// The executable prints it in one place: its diagnostics, then `patuh: error: message`.
public struct PatuhError: Error, Sendable {
    /// The command named in the message (`xform` gives `patuh xform: error: …`); `nil`: `patuh`.
    public var command: String?
    /// The message in Indonesian and in English.
    public var indonesian: String
    public var english: String
    /// Problems found on the way, printed before the message.
    public var diagnostics: [Diagnostic]
    /// The exit status: 2 for bad usage (the contract's), 1 for a failure while working.
    public var status: Int32

    public init(
        command: String? = nil, id indonesian: String, en english: String, diagnostics: [Diagnostic] = [],
        status: Int32 = 2
    ) {
        self.command = command
        self.indonesian = indonesian
        self.english = english
        self.diagnostics = diagnostics
        self.status = status
    }

    /// A message with one text for both languages: one already in the reader's language
    /// (`Console.describe`), or words Patuh did not write. Named so it is never used by accident.
    public init(command: String? = nil, sameInBoth message: String, diagnostics: [Diagnostic] = [], status: Int32 = 2) {
        self.init(command: command, id: message, en: message, diagnostics: diagnostics, status: status)
    }

    /// The message's line, `patuh: error: …`, in `language`.
    public func line(in language: Language) -> String {
        "patuh\(command.map { " " + $0 } ?? ""): error: \(language == .id ? indonesian : english)"
    }
}
