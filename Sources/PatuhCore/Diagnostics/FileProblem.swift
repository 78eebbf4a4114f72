/// One thing said in both of Patuh's languages.
public struct Wording: Hashable, Sendable {
    public var id: String
    public var en: String

    public init(id: String, en: String) {
        self.id = id
        self.en = en
    }
}

/// What can be wrong with a file as a whole, before (or instead of) anything in it: the
/// messages every reader shares, in Indonesian and English.
public enum FileProblem: Hashable, Sendable {
    /// The file could not be opened; `reason` says why (from the system's error).
    case cannotOpen(reason: Wording)
    /// Opening is refused: the file may not be read by this user.
    case permissionDenied
    /// Reading failed part way; `reason` says why.
    case cannotRead(reason: Wording)
    /// The file has no bytes.
    case empty
    /// A folder given where a file was expected.
    case isDirectory
    /// A FIFO, socket or device: never opened, since reading one can hang.
    case notRegularFile
    /// Bigger than a file of its kind can sensibly be.
    case tooLarge(megabytes: Int)
    /// libxml2 stopped without saying why.
    case notWellFormed
    /// libxml2 could not allocate a parser or a validator.
    case parserUnavailable
    /// One element's text is beyond the limit (a guard against memory exhaustion).
    case textTooLong(megabytes: Int)
    /// The first `limit` problems of a file are listed, the rest only counted.
    case tooManyErrors
    /// A file of another kind where this kind was expected (`kind`: "rubric", "registry", ...).
    case wrongKind(expected: Wording)
    /// The file does not conform to its schema (`schema`: the XSD's file name).
    case doesNotConform(schema: String)
    /// An XSD that libxml2 cannot compile.
    case schemaUnusable

    /// Both texts: Indonesian, English.
    public var wording: Wording {
        switch self {
        case .cannotOpen(let reason):
            return Wording(id: "berkas tidak dapat dibuka: \(reason.id)", en: "cannot open the file: \(reason.en)")
        case .permissionDenied:
            return Wording(
                id: "berkas tidak boleh dibaca oleh pengguna ini (izin ditolak)",
                en: "cannot open the file for reading: permission denied")
        case .cannotRead(let reason):
            return Wording(id: "berkas tidak dapat dibaca: \(reason.id)", en: "cannot read the file: \(reason.en)")
        case .empty:
            return Wording(id: "berkas kosong", en: "file is empty")
        case .isDirectory:
            return Wording(id: "ini sebuah folder, bukan berkas XML", en: "is a directory, not an XML file")
        case .notRegularFile:
            return Wording(
                id: "bukan berkas biasa (FIFO, soket atau perangkat); tidak dibuka",
                en: "is not a regular file")
        case .tooLarge(let megabytes):
            return Wording(
                id: "berkas lebih besar dari \(megabytes) MB, terlalu besar untuk berkas jenis ini",
                en: "file is larger than \(megabytes) MB, too large for this kind of file")
        case .notWellFormed:
            return Wording(id: "bukan dokumen XML yang utuh (well-formed)", en: "not a well-formed XML document")
        case .parserUnavailable:
            return Wording(id: "parser XML tidak dapat dibuat (memori habis?)", en: "cannot create the XML parser")
        case .textTooLong(let megabytes):
            return Wording(
                id: "teks lebih dari \(megabytes) MB dalam satu elemen",
                en: "text longer than \(megabytes) MB in one element")
        case .tooManyErrors:
            return Wording(
                id: "terlalu banyak galat; sisanya dalam berkas ini tidak dicantumkan",
                en: "too many errors; the rest of this file's are not listed")
        case .wrongKind(let expected):
            return Wording(id: "bukan \(expected.id)", en: "not a \(expected.en)")
        case .doesNotConform(let schema):
            return Wording(id: "tidak sesuai dengan \(schema)", en: "does not conform to \(schema)")
        case .schemaUnusable:
            return Wording(id: "skema XSD tidak dapat dikompilasi", en: "cannot compile the XSD schema")
        }
    }
}

extension Diagnostic {
    /// An error about a whole file, in both languages.
    public static func error(_ location: SourceLocation, _ problem: FileProblem) -> Diagnostic {
        let w = problem.wording
        return .error(location, id: w.id, en: w.en)
    }
}
