import PatuhCore
import PatuhXML

/// The kind of a Patuh file, known from its root element.
public enum DocumentKind: String, Sendable, Hashable, CaseIterable {
    case rubric, registry, assessment, assessments, survey
    /// Follow-up plans (rencana tindak lanjut), see `FollowupReader`.
    case followup

    /// The namespace every Patuh format uses.
    public static let namespace = "urn:patuh:1"

    /// The schema file (in `Rubrics/schema/`) this kind is validated against.
    public var schemaFile: String {
        switch self {
        case .rubric: return "rubric.xsd"
        case .registry: return "registry.xsd"
        case .assessment, .assessments: return "assessment.xsd"
        case .survey: return "survey.xsd"
        case .followup: return "followup.xsd"
        }
    }

    /// Reads just far enough into `path` to see its root element.
    public static func sniff(_ path: String) throws(Rejection) -> DocumentKind {
        try sniffRoot(path).kind
    }

    /// The root's kind and its `rubric` attribute (assessments and surveys name one there).
    /// (and a single assessment's or survey's `period`).
    public static func sniffRoot(_ path: String) throws(Rejection) -> (
        kind: DocumentKind, rubric: String?, period: String?
    ) {
        // The plain case from the first bytes; anything unusual goes through libxml2 below,
        // which also names what is wrong with a broken file.
        if let root = RootScan.scan(path), root.namespace == namespace, let kind = DocumentKind(rawValue: root.name) {
            return (kind, root.rubric, root.period)
        }
        let handler = RootSniffer()
        var parser = XMLStreamParser()
        parser.chunkSize = 4096  // the root element is near the top
        let result = parser.parse(file: path, handler: handler)
        guard let name = handler.name else {
            throw Rejection(
                result.diagnostics.isEmpty
                    ? [
                        .error(
                            SourceLocation(file: path, line: 1, column: 1), id: "tidak ada elemen akar",
                            en: "no root element")
                    ] : result.diagnostics)
        }
        guard handler.namespace == namespace else {
            let ns = handler.namespace.map { "'\($0)'" } ?? "no namespace"
            let whereID = handler.namespace.map { "berada dalam namespace '\($0)'" } ?? "tidak punya namespace"
            throw Rejection(
                .error(
                    handler.location ?? SourceLocation(file: path),
                    id: "elemen akar '\(name)' \(whereID), padahal harus dalam namespace Patuh '\(namespace)'",
                    en: "root element '\(name)' is in \(ns), not in Patuh's namespace '\(namespace)'"))
        }
        guard let kind = DocumentKind(rawValue: name) else {
            throw Rejection(
                .error(
                    handler.location ?? SourceLocation(file: path),
                    id:
                        "elemen akar '\(name)' tidak dikenal: yang diharapkan salah satu dari rubric, registry, assessment, assessments, survey, followup",
                    en:
                        "unknown root element '\(name)': expected one of rubric, registry, assessment, assessments, survey, followup"
                ))
        }
        return (kind, handler.rubric, handler.period)
    }
}

private final class RootSniffer: XMLStreamHandler {
    var name: String?
    var namespace: String?
    var location: SourceLocation?
    var rubric: String?
    var period: String?

    func start(_ tag: XMLStartTag, in stream: XMLStream) {
        name = tag.localName.string
        rubric = tag.attribute("rubric")?.string
        period = tag.attribute("period")?.string
        namespace = tag.namespace?.string
        location = stream.tagStart
        stream.finish()
    }

    func end(_ localName: XMLBytes, in stream: XMLStream) {}
}
