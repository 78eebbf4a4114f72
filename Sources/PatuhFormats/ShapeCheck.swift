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

/// A handler read through a shape check: each event goes to `shape` first, then to
/// `handler`, and the stream stops as soon as `shape` is unsure (the reader then reads the
/// file again with the validator).
final class ShapeChecked<Shape: ShapeCheck, Handler: XMLStreamHandler>: XMLStreamHandler {
    let handler: Handler
    // Touched by one thread only, on every event (see the handlers' own properties).
    @exclusivity(unchecked) private(set) var shape: Shape

    init(_ handler: Handler, shape: Shape) {
        self.handler = handler
        self.shape = shape
    }

    func start(_ tag: XMLStartTag, in stream: XMLStream) {
        shape.start(tag)
        guard shape.plain else { return stream.finish() }
        handler.start(tag, in: stream)
    }

    func text(_ bytes: XMLBytes, in stream: XMLStream) {
        shape.text(bytes)
        guard shape.plain else { return stream.finish() }
        handler.text(bytes, in: stream)
    }

    func end(_ localName: XMLBytes, in stream: XMLStream) {
        shape.end()
        guard shape.plain else { return stream.finish() }
        handler.end(localName, in: stream)
    }
}
