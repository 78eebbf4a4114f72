import PatuhCore
import PatuhXML

/// A check that follows a file's events while it is read without libxml2's validator
/// (`SurveyShape`, `AssessmentShape`): `plain` while the file keeps to the form it knows.
protocol ShapeCheck {
    /// Whether the file stayed within the form checked here; once false, it stays false (set
    /// only through `fail` and `check`).
    var plain: Bool { get set }
    /// An element opens, in Patuh's namespace and with no attribute in another (`start` has
    /// checked both), while the file is still plain; `name` is its local name.
    mutating func element(_ name: XMLBytes, _ tag: XMLStartTag)
    /// The element opened last closes, while the file is still plain.
    mutating func close()
    /// What text may stand where the file is now.
    var textHere: ShapeText { get }
    /// Characters of text in the element that holds text now (reset as it opens).
    var textCharacters: Int { get set }
}

/// What text may stand at a place in a file's form.
enum ShapeText {
    /// The text of an element that holds text: counted, for its limit (in UTF-8 characters:
    /// libxml2 hands over UTF-8 whatever the file's encoding).
    case counted
    /// Between elements: blanks only.
    case blank
    /// None at all.
    case none
}

extension ShapeCheck {
    mutating func fail() { plain = false }

    mutating func check(_ ok: Bool) { if !ok { plain = false } }

    /// Follows a start tag: an element outside Patuh's namespace, or with an attribute in
    /// another, fails the check; any other goes to `element`.
    mutating func start(_ tag: XMLStartTag) {
        guard plain else { return }
        guard let ns = tag.namespace, ns.equals("urn:patuh:1"), !tag.hasQualifiedAttribute else { return fail() }
        element(tag.localName, tag)
    }

    /// Follows an end tag.
    mutating func end() {
        guard plain else { return }
        close()
    }

    /// Follows text: counted inside an element that holds text, blanks only between elements,
    /// none anywhere else.
    mutating func text(_ bytes: XMLBytes) {
        guard plain else { return }
        switch textHere {
        case .counted: textCharacters += ContractText.characters(utf8: bytes.buffer)
        case .blank: check(bytes.buffer.allSatisfy(ContractText.isBlank))
        case .none: fail()
        }
    }
}

/// What a shape check's rule says of one attribute: required or optional, with whether its
/// value passes, or not one the element may have.
enum ShapeAttribute {
    case required(Bool)
    case optional(Bool)
    case unknown

    /// Whether every attribute of `tag` is one `rule` knows and its value passes, with
    /// `required` of them among those `rule` calls required.
    @inline(__always)
    static func check(
        _ tag: XMLStartTag, required: Int, _ rule: (_ name: XMLBytes, _ value: XMLBytes) -> ShapeAttribute
    ) -> Bool {
        var ok = true
        var found = 0
        tag.forEachAttribute { name, value in
            switch rule(name, value) {
            case .required(let passes):
                found += 1
                ok = ok && passes
            case .optional(let passes): ok = ok && passes
            case .unknown: ok = false
            }
        }
        return ok && found == required
    }
}

/// A stream handler whose file may be followed by a shape check while it is read without the
/// validator: each event goes to `shape` first, then to the handler's own `opened`, `read`
/// or `closed`, and the stream stops as soon as `shape` is unsure (the reader then reads the
/// file again with the validator).
///
/// A protocol rather than a wrapping handler: the parser calls its handler through
/// `XMLStreamHandler`, and a generic wrapper's methods are then not specialized (a survey
/// read measured slower, its time going to calls through witness tables).
protocol ShapeFollowing: XMLStreamHandler {
    associatedtype Shape: ShapeCheck
    /// The check, when the file is read without the validator; `nil` when it is validated.
    var shape: Shape? { get set }
    func opened(_ tag: XMLStartTag, in stream: XMLStream)
    func read(_ bytes: XMLBytes, in stream: XMLStream)
    func closed(_ localName: XMLBytes, in stream: XMLStream)
}

extension ShapeFollowing {
    func start(_ tag: XMLStartTag, in stream: XMLStream) {
        if shape != nil {
            shape?.start(tag)
            guard shape?.plain == true else { return stream.finish() }
        }
        opened(tag, in: stream)
    }

    func text(_ bytes: XMLBytes, in stream: XMLStream) {
        if shape != nil {
            shape?.text(bytes)
            guard shape?.plain == true else { return stream.finish() }
        }
        read(bytes, in: stream)
    }

    func end(_ localName: XMLBytes, in stream: XMLStream) {
        if shape != nil {
            shape?.end()
            guard shape?.plain == true else { return stream.finish() }
        }
        closed(localName, in: stream)
    }
}

/// The parsers of a reader whose files have a `ShapeCheck`: with `checksShapeFirst`, each file
/// is read first without libxml2's validator while the check follows it, and again with the
/// validator only when the check is unsure.
struct ShapeFirstParsers: Sendable {
    let validating: XMLStreamParser
    /// Without a validator (`nil`: always validate).
    let plain: XMLStreamParser?

    init(schema: XMLSchema?, checksShapeFirst: Bool) {
        validating = XMLStreamParser(schema: schema)
        plain = checksShapeFirst && schema != nil ? XMLStreamParser(schema: nil) : nil
    }

    /// Reads `path` into a new `handler()`: without the validator while `shape` follows it,
    /// that read kept when the check held to the end of what was read and `accepts` it (by
    /// default, when the file was read to its end: only then could the validator have found
    /// nothing more); else (or without a plain parser) with the validator, into another new
    /// handler.
    func read<Handler: ShapeFollowing>(
        _ path: String, shape: Handler.Shape, accepts: (Handler, XMLStreamResult) -> Bool = { $1.complete },
        handler: () -> Handler
    ) -> (Handler, XMLStreamResult) {
        if let plain {
            let checked = handler()
            checked.shape = shape
            let result = plain.parse(file: path, handler: checked)
            if checked.shape?.plain == true, accepts(checked, result) { return (checked, result) }
        }
        let validated = handler()
        return (validated, validating.parse(file: path, handler: validated))
    }
}
