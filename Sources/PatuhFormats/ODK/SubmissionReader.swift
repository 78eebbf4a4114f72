import PatuhCore
import PatuhXML

/// One ODK instance as it was read: the form it names, where it starts, and its leaf
/// elements by path below the instance root, namespace prefixes dropped (as ODK Central
/// reads them).
public struct RawSubmission: Sendable {
    /// A leaf element's text and where the element starts.
    public struct Field: Sendable {
        public var text: String
        public var location: SourceLocation
    }

    public var formID: String?
    public var version: String?
    public var location: SourceLocation
    public var fields: [String: Field]

    /// The trimmed text at `path`, or `nil` when the element is absent or empty.
    public func text(_ path: String) -> String? {
        guard let text = fields[path]?.text, !text.isEmpty else { return nil }
        return text
    }

    /// Where the element at `path` starts, else where the instance does.
    public func location(_ path: String) -> SourceLocation { fields[path]?.location ?? location }
}

/// What a file of submissions held.
public struct SubmissionFile: Sendable {
    public var path: String
    public var submissions: [RawSubmission]
    /// The file is not a submission but an XForm (a form definition, as ODK Briefcase
    /// keeps beside its submissions) or a Patuh file (a registry kept in the same folder):
    /// skipped, not an error.
    public var isForm: Bool
    public var diagnostics: [Diagnostic]
    /// False when the file was not well-formed to its end: none of its submissions is used.
    public var complete: Bool
}

/// Streams files of ODK submissions: one instance per file (ODK Collect, ODK Central,
/// Briefcase), whose root carries `id` and `version`, or a KoboToolbox XML export, whose
/// instances are the children of a `results` element
/// (`<root><count>…</count><next/><previous/><results><instance id=… version=…>…`, the
/// shape of the `data.xml` of Kobo's API), or directly of the root (`<root><instance …>…`,
/// as an unpaginated list is rendered).
/// Parsed through PatuhXML: no DOCTYPE, no entities, no network.
public struct SubmissionReader: Sendable {
    public var parser = XMLStreamParser()

    public init() {}

    /// Every instance in the file at `path`, with the problems found; nothing from a file
    /// that is not well-formed to its end.
    public func read(file path: String) -> SubmissionFile {
        read(file: path, each: nil)
    }

    /// Reads the file at `path`, handing each instance to `each` as soon as it is read
    /// instead of keeping it (a Kobo export may hold a hundred thousand): the file's
    /// `submissions` then stay empty. When the file turns out not to be well-formed to its
    /// end (`complete` false), what `each` was given must be dropped.
    public func read(file path: String, each: ((RawSubmission) -> Void)?) -> SubmissionFile {
        let handler = SubmissionHandler()
        handler.each = each
        let result = parser.parse(file: path, handler: handler)
        var diagnostics = result.diagnostics
        if result.complete, !handler.isForm, handler.count == 0, !handler.sawResults,
            let root = handler.rootLocation
        {
            diagnostics.append(
                .error(
                    root,
                    id:
                        "bukan kiriman ODK: elemen akar '\(handler.rootName)' tidak memiliki atribut 'id' formulir dan tidak memuat <results> berisi kiriman",
                    en:
                        "not an ODK submission: the root element '\(handler.rootName)' has no form 'id' attribute and holds no <results> of submissions"
                ))
        }
        return SubmissionFile(
            path: path, submissions: result.complete ? handler.submissions : [],
            isForm: handler.isForm, diagnostics: diagnostics, complete: result.complete)
    }
}

private final class SubmissionHandler: XMLStreamHandler {
    var submissions: [RawSubmission] = []
    var each: ((RawSubmission) -> Void)?
    /// Instances read, whether kept here or handed to `each`.
    var count = 0
    var isForm = false
    var sawResults = false
    var rootName = ""
    var rootLocation: SourceLocation?

    private struct Open {
        var name: String
        var location: SourceLocation
        var hasChildren = false
    }

    private var depth = 0
    private var resultsDepth: Int?
    /// The instance being read, and the elements open inside it (its root first).
    private var current: RawSubmission?
    private var instanceDepth = 0
    private var stack: [Open] = []
    private var text = TextBuffer()

    func start(_ tag: XMLStartTag, in stream: XMLStream) {
        depth += 1
        let name = tag.localName.string
        if current != nil {
            if !stack.isEmpty { stack[stack.count - 1].hasChildren = true }
            stack.append(Open(name: name, location: stream.tagStart))
            text.begin()
            return
        }
        if depth == 1 {
            rootName = name
            rootLocation = stream.tagStart
            // An XForm, or a file already in Patuh's formats: not a submission.
            if name == "html" || tag.namespace?.equals("urn:patuh:1") == true {
                isForm = true
                stream.finish()
                return
            }
        }
        let attributes = tag.allAttributes
        if depth == 1, attributes.contains(where: { $0.name == "id" }) {
            begin(name, attributes, in: stream)
        } else if let results = resultsDepth, depth == results + 1 {
            begin(name, attributes, in: stream)
        } else if depth == 2, resultsDepth == nil, attributes.contains(where: { $0.name == "id" }) {
            begin(name, attributes, in: stream)  // an export without the <results> wrapper
        } else if name == "results", resultsDepth == nil {
            resultsDepth = depth
            sawResults = true
        }
    }

    private func begin(_ name: String, _ attributes: [(name: String, value: String)], in stream: XMLStream) {
        let location = stream.tagStart
        let id = attributes.first { $0.name == "id" }?.value
        let version = attributes.first { $0.name == "version" }?.value
        current = RawSubmission(formID: id, version: version, location: location, fields: [:])
        instanceDepth = depth
        stack = [Open(name: name, location: location)]
    }

    func text(_ bytes: XMLBytes, in stream: XMLStream) {
        if current != nil { text.append(bytes) }
    }

    func end(_ localName: XMLBytes, in stream: XMLStream) {
        defer { depth -= 1 }
        if depth == resultsDepth { resultsDepth = nil }
        guard current != nil else { return }
        let open = stack.removeLast()
        let value = text.finish()
        if depth == instanceDepth {
            if let submission = current {
                count += 1
                if let each { each(submission) } else { submissions.append(submission) }
            }
            current = nil
            return
        }
        guard !open.hasChildren else { return }
        // The path below the instance root: the open ancestors after the root, then this element.
        let path = (stack.dropFirst().map(\.name) + [open.name]).joined(separator: "/")
        if current?.fields[path] == nil {
            current?.fields[path] = RawSubmission.Field(text: value, location: open.location)
        }
    }
}
