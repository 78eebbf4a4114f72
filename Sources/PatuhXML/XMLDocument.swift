import CLibXML2
import Foundation
import PatuhCore

/// A parsed XML document (rubrics and registries: small files read whole).
///
/// Immutable once parsed, so it can be shared across threads; its tree is freed with the
/// last copy.
public struct XMLDocument: Sendable {
    let tree: LibXML2Object<xmlDocPtr>
    public let file: String

    var doc: xmlDocPtr { tree.pointer }

    /// The largest document read whole; anything bigger is streamed or refused.
    public static let maxBytes = 64 << 20

    /// Parses a file safely (no DTD, no entities, no network), or throws every problem found.
    public static func parse(file path: String) throws(Rejection) -> XMLDocument {
        let data = try InputFile.read(path, maxBytes: maxBytes)
        return try parse(data: data, file: path)
    }

    /// Parses bytes read elsewhere; `file` names them in messages.
    public static func parse(data: Data, file: String) throws(Rejection) -> XMLDocument {
        let collector = ProblemCollector(file: file)
        guard let ctxt = xmlNewParserCtxt() else {
            throw Rejection(.error(SourceLocation(file: file), .parserUnavailable))
        }
        defer { xmlFreeParserCtxt(ctxt) }
        refuseDoctype(ctxt, collector: collector)
        let doc: xmlDocPtr? = collector.capturing {
            data.withUnsafeBytes { raw in
                xmlCtxtReadMemory(
                    ctxt, raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count),
                    file, nil, safeParseOptions)
            }
        }
        let problems = collector.diagnostics
        guard let doc, problems.isEmpty, ctxt.pointee.wellFormed != 0 else {
            if let doc { xmlFreeDoc(doc) }
            throw Rejection(
                problems.isEmpty
                    ? [.error(SourceLocation(file: file, line: 1, column: 1), .notWellFormed)]
                    : problems)
        }
        return XMLDocument(tree: LibXML2Object(doc, free: xmlFreeDoc), file: file)
    }

    /// The root element.
    public var root: XMLElement? {
        xmlDocGetRootElement(doc).map { XMLElement(node: $0, document: self) }
    }
}

/// Makes the parser stop at a DOCTYPE, before any entity is declared or expanded.
func refuseDoctype(_ ctxt: xmlParserCtxtPtr, collector: ProblemCollector) {
    ctxt.pointee._private = Unmanaged.passUnretained(collector).toOpaque()
    ctxt.pointee.sax.pointee.internalSubset = { context, _, _, _ in
        guard let ctxt = context?.assumingMemoryBound(to: xmlParserCtxt.self) else { return }
        if let p = ctxt.pointee._private {
            let collector = Unmanaged<ProblemCollector>.fromOpaque(p).takeUnretainedValue()
            let line = Int(ctxt.pointee.input?.pointee.line ?? 0)
            collector.add(
                LibXML2Wording.error(
                    SourceLocation(file: collector.file, line: line, column: 1), XMLLimits.doctypeMessage))
        }
        haltParser(ctxt)
    }
}

/// An element of a parsed document. Keeps its document alive.
public struct XMLElement: @unchecked Sendable {
    let node: xmlNodePtr
    let document: XMLDocument

    /// The local name, without prefix.
    public var name: String { String(cString: node.pointee.name) }

    /// The namespace URI, if any.
    public var namespace: String? { node.pointee.ns?.pointee.href.map { String(cString: $0) } }

    /// Where the element starts (libxml2 keeps lines, not columns, for tree nodes: column 1).
    public var location: SourceLocation {
        SourceLocation(file: document.file, line: Int(xmlGetLineNo(node)), column: 1)
    }

    /// An attribute without namespace, whitespace-collapsed as XSD does for every type but
    /// `xs:string` (blanks at the ends removed, runs inside made one space), or `nil`. Use
    /// `stringAttribute` for attributes of a string type (`Name`).
    public func attribute(_ name: String) -> String? {
        stringAttribute(name).map(Self.collapse)
    }

    /// An attribute without namespace, exactly as written (after XML's own attribute-value
    /// normalisation), or `nil`.
    public func stringAttribute(_ name: String) -> String? {
        guard let value = xmlGetNoNsProp(node, name) else { return nil }
        defer { patuh_xml_free(value) }
        return String(cString: value)
    }

    /// XSD's `collapse`: blanks at the ends removed, each run of blanks inside made one space.
    static func collapse(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(where: ContractText.isBlank) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for b in bytes {
            if ContractText.isBlank(b) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Child elements in document order.
    public var children: [XMLElement] {
        var result: [XMLElement] = []
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { result.append(XMLElement(node: c, document: document)) }
            child = c.pointee.next
        }
        return result
    }

    /// Child elements with a given local name.
    public func children(named name: String) -> [XMLElement] { children.filter { $0.name == name } }

    /// The concatenated text content.
    public var text: String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { patuh_xml_free(content) }
        return String(cString: content)
    }
}
