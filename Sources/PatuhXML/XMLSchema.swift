import CLibXML2
import PatuhCore

/// An XSD schema, parsed once and reused for every file of its kind.
///
/// libxml2's compiled schemas are read-only once parsed; each validation gets its own
/// validation context, so one schema serves parallel validations. Freed with the last copy.
public struct XMLSchema: Sendable {
    let compiled: LibXML2Object<xmlSchemaPtr>
    public let file: String

    var schema: xmlSchemaPtr { compiled.pointer }

    /// Reads and compiles an XSD file (and the files it includes).
    public static func load(file path: String) throws(Rejection) -> XMLSchema {
        try InputFile.check(path)
        let collector = ProblemCollector(file: path)
        let schema: xmlSchemaPtr? = collector.capturing {
            guard let parser = xmlSchemaNewParserCtxt(path) else { return nil }
            defer { xmlSchemaFreeParserCtxt(parser) }
            return xmlSchemaParse(parser)
        }
        guard let schema else {
            throw Rejection(
                collector.diagnostics.isEmpty
                    ? [.error(SourceLocation(file: path), .schemaUnusable)] : collector.diagnostics)
        }
        return XMLSchema(compiled: LibXML2Object(schema, free: xmlSchemaFree), file: path)
    }

    /// Every violation of the schema in a parsed document (empty when valid).
    public func validate(_ document: XMLDocument) -> [Diagnostic] {
        let collector = ProblemCollector(file: document.file)
        guard let ctxt = xmlSchemaNewValidCtxt(schema) else {
            return [.error(SourceLocation(file: document.file), .parserUnavailable)]
        }
        defer { xmlSchemaFreeValidCtxt(ctxt) }
        let me = Unmanaged.passUnretained(collector).toOpaque()
        xmlSchemaSetValidStructuredErrors(ctxt, schemaProblemCallback, me)
        let rc = xmlSchemaValidateDoc(ctxt, document.doc)
        if rc != 0 && collector.diagnostics.isEmpty {
            return [.error(SourceLocation(file: document.file, line: 1, column: 1), .doesNotConform(schema: file))]
        }
        return collector.diagnostics
    }

    /// A validation context for one streamed file; see `XMLStreamParser`.
    func makeValidContext(collector: ProblemCollector) -> xmlSchemaValidCtxtPtr? {
        guard let ctxt = xmlSchemaNewValidCtxt(schema) else { return nil }
        xmlSchemaSetValidStructuredErrors(ctxt, schemaProblemCallback, Unmanaged.passUnretained(collector).toOpaque())
        return ctxt
    }
}

func schemaProblemCallback(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    Unmanaged<ProblemCollector>.fromOpaque(context).takeUnretainedValue().add(UnsafePointer(error))
}
