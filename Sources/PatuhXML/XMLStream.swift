import CLibXML2
import PatuhCore

#if canImport(Glibc)
    import Glibc
#endif

/// Receives the events of a streamed XML file.
///
/// Everything passed in is valid only during the call: copy what must be kept.
public protocol XMLStreamHandler: AnyObject {
    func start(_ tag: XMLStartTag, in stream: XMLStream)
    func end(_ localName: XMLBytes, in stream: XMLStream)
    func text(_ bytes: XMLBytes, in stream: XMLStream)
}

extension XMLStreamHandler {
    public func text(_ bytes: XMLBytes, in stream: XMLStream) {}
}

/// A start tag: local name, namespace and attributes (namespace-less attributes only).
public struct XMLStartTag {
    public let localName: XMLBytes
    public let namespace: XMLBytes?
    @usableFromInline let attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    /// Attributes of the tag, those in a namespace included.
    public let attributeCount: Int

    /// Whether any attribute is in a namespace (`xml:lang`, `xsi:type`...): those are not
    /// among the ones `attribute` and `forEachAttribute` see.
    public var hasQualifiedAttribute: Bool {
        guard let attributes else { return false }
        return (0..<attributeCount).contains { attributes[$0 * 5 + 2] != nil }
    }

    /// An attribute's value by local name with the blanks at either end removed, or `nil`:
    /// XSD's whitespace collapse, for attributes of the stream formats' non-string types
    /// (ids, periods, dates, numbers, enumerations allow no blank inside). An `xs:string`
    /// attribute (a `Name`) is read with `rawAttribute`.
    @inlinable
    public func attribute(_ name: StaticString) -> XMLBytes? {
        rawAttribute(name)?.trimmed
    }

    /// An attribute's value exactly as the parser gives it, or `nil`.
    @inlinable
    public func rawAttribute(_ name: StaticString) -> XMLBytes? {
        guard let attributes else { return nil }
        for i in 0..<attributeCount {
            let a = attributes + i * 5  // localname, prefix, URI, value, end
            guard let local = a[0], a[2] == nil, let value = a[3], let end = a[4] else { continue }
            if XMLBytes(cString: local).equals(name) { return XMLBytes(base: value, count: end - value) }
        }
        return nil
    }

    /// Calls `body` with each namespace-less attribute's local name and raw value, in
    /// document order: one pass, for handlers that want several attributes of a hot element
    /// (those of a type other than `xs:string` want the value's `trimmed`).
    @inlinable
    public func forEachAttribute(_ body: (XMLBytes, XMLBytes) -> Void) {
        guard let attributes else { return }
        for i in 0..<attributeCount {
            let a = attributes + i * 5
            guard let local = a[0], a[2] == nil, let value = a[3], let end = a[4] else { continue }
            body(XMLBytes(cString: local), XMLBytes(base: value, count: end - value))
        }
    }

    /// Every attribute's local name and value, in document order.
    public var allAttributes: [(name: String, value: String)] {
        guard let attributes else { return [] }
        return (0..<attributeCount).compactMap { i in
            let a = attributes + i * 5
            guard let local = a[0], let value = a[3], let end = a[4] else { return nil }
            return (XMLBytes(cString: local).string, XMLBytes(base: value, count: end - value).string)
        }
    }
}

/// One streamed parse in progress: where it is, and a way to stop it.
public final class XMLStream {
    public let file: String
    let collector: ProblemCollector
    // Held strongly: the handler never holds the stream, and an unowned reference would
    // cost a check on every event.
    let handler: XMLStreamHandler
    // Touched on every event by this stream's one thread: unchecked exclusivity saves a
    // runtime check (and a thread-local lookup) per access.
    @exclusivity(unchecked) var ctxt: xmlParserCtxtPtr?
    @exclusivity(unchecked) var textBytes = 0
    @exclusivity(unchecked) public private(set) var stopped = false
    var stoppedCleanly = false
    var wellFormed = true

    init(file: String, handler: XMLStreamHandler) {
        self.file = file
        self.collector = ProblemCollector(file: file)
        self.handler = handler
    }

    /// Reports a problem found by the handler, where the diagnostic says (`here` and
    /// `tagStart` give the parser's position).
    public func report(_ diagnostic: Diagnostic) { collector.add(diagnostic) }

    /// Stops the parse after this event, reporting why.
    public func stop(_ diagnostic: Diagnostic) {
        collector.add(diagnostic)
        stopped = true
        if let ctxt { haltParser(ctxt) }
    }

    /// Stops the parse after this event: the handler has read all it needs.
    public func finish() {
        if !stopped { stoppedCleanly = true }
        stopped = true
        if let ctxt { haltParser(ctxt) }
    }

    /// How many errors have been reported so far (parse, schema and handler's own), so a
    /// handler can tell whether the element it is closing had any.
    public var errorCount: Int { collector.diagnostics.count }

    /// Where the parser is: the end of the construct just read.
    public var here: SourceLocation {
        guard let input = ctxt?.pointee.input else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: Int(input.pointee.line), column: Int(input.pointee.col))
    }

    /// Where the start tag just read begins (call during `start`).
    public var tagStart: SourceLocation {
        guard let input = ctxt?.pointee.input, let cur = input.pointee.cur, let base = input.pointee.base else {
            return here
        }
        var line = Int(input.pointee.line)
        var column = Int(input.pointee.col)
        // Walk back over the tag to its '<', counting characters (not UTF-8 continuation bytes).
        var p = cur
        var chars = 0
        var newlines = 0
        while p > base {
            p -= 1
            let b = p.pointee
            if b == UInt8(ascii: "<") { break }
            if b == UInt8(ascii: "\n") { newlines += 1 }
            if b & 0xC0 != 0x80 { chars += 1 }
        }
        chars += 1  // the '<' itself
        if newlines == 0 {
            column = max(1, column - chars)
        } else {
            line -= newlines
            var q = p
            column = 1
            while q > base, (q - 1).pointee != UInt8(ascii: "\n") {
                q -= 1
                if q.pointee & 0xC0 != 0x80 { column += 1 }
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}

/// What a streamed parse found.
public struct XMLStreamResult: Sendable {
    /// Every problem: parse errors, schema violations, the handler's reports.
    public var diagnostics: [Diagnostic]
    /// Whether the file was read to its end as well-formed XML (schema violations and
    /// handler reports aside). When false, nothing read from it should be trusted.
    public var complete: Bool
}

/// Streams XML files through libxml2's SAX2 parser without building a tree, optionally
/// validating against an XSD in the same pass.
public struct XMLStreamParser: Sendable {
    public var schema: XMLSchema?
    /// Bytes read per chunk.
    public var chunkSize = 1 << 18

    public init(schema: XMLSchema? = nil) { self.schema = schema }

    /// Parses `path`, sending events to `handler`; returns every problem found (parse
    /// errors, schema violations, and what the handler reported).
    public func parse(file path: String, handler: XMLStreamHandler) -> XMLStreamResult {
        // The plain case in three calls (a regular file, opened, still one once open); any
        // other goes the way that names what is wrong. Never opens what is not a regular
        // file (a device, a FIFO).
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
            let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            if fd >= 0 {
                defer { close(fd) }
                if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
                    return parse(fd: fd, size: Int(info.st_size), path: path, handler: handler)
                }
            }
        }
        do throws(Rejection) {
            try InputFile.check(path)
        } catch {
            return XMLStreamResult(diagnostics: error.diagnostics, complete: false)
        }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            return XMLStreamResult(
                diagnostics: [
                    .error(
                        SourceLocation(file: path),
                        .cannotOpen(reason: SystemError.current))
                ], complete: false)
        }
        defer { close(fd) }
        // Checked again on what was opened: the path may have become a FIFO since.
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return XMLStreamResult(diagnostics: [.error(SourceLocation(file: path), .notRegularFile)], complete: false)
        }
        return parse(fd: fd, size: Int(info.st_size), path: path, handler: handler)
    }

    private func parse(fd: Int32, size: Int, path: String, handler: XMLStreamHandler) -> XMLStreamResult {
        let stream = XMLStream(file: path, handler: handler)
        return stream.collector.capturing { run(fd: fd, size: size, stream: stream) }
    }

    private func run(fd: Int32, size: Int, stream: XMLStream) -> XMLStreamResult {
        let problems = runParse(fd: fd, size: size, stream: stream)
        let complete = stream.wellFormed && (!stream.stopped || stream.stoppedCleanly)
        return XMLStreamResult(diagnostics: problems, complete: complete)
    }

    private func runParse(fd: Int32, size: Int, stream: XMLStream) -> [Diagnostic] {
        let path = stream.file
        // No bigger than the file: a buffer is made per file, and most files are small.
        let chunkSize = Swift.max(4096, Swift.min(self.chunkSize, size + 1))
        var buffer = [CChar](repeating: 0, count: chunkSize)
        var first = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 4) }
        guard first > 0 else {
            stream.wellFormed = false
            return [
                first == 0
                    ? .error(SourceLocation(file: path, line: 1, column: 1), .empty)
                    : .error(SourceLocation(file: path), .cannotRead(reason: SystemError.current))
            ]
        }
        var sax = makeSAXHandler()
        var saxPtr: xmlSAXHandlerPtr? = withUnsafeMutablePointer(to: &sax) { $0 }
        var user: UnsafeMutableRawPointer? = Unmanaged.passUnretained(stream).toOpaque()

        var validCtxt: xmlSchemaValidCtxtPtr?
        var plug: xmlSchemaSAXPlugPtr?
        if let schema {
            validCtxt = schema.makeValidContext(collector: stream.collector)
            if let v = validCtxt {
                plug = xmlSchemaSAXPlug(v, &saxPtr, &user)
                xmlSchemaValidateSetLocator(
                    v,
                    { context, file, line in
                        file?.pointee = nil  // libxml2 reads it back: left unset, it is garbage
                        guard let context, let line else { return -1 }
                        let s = Unmanaged<XMLStream>.fromOpaque(context).takeUnretainedValue()
                        line.pointee = UInt(max(0, s.here.line))
                        return 0
                    }, Unmanaged.passUnretained(stream).toOpaque())
            }
        }
        defer {
            if let plug { xmlSchemaSAXUnplug(plug) }
            if let validCtxt { xmlSchemaFreeValidCtxt(validCtxt) }
        }
        stream.collector.locate = { [unowned stream] in
            let h = stream.here
            return (h.line, h.column)
        }

        guard
            let ctxt = buffer.withUnsafeBufferPointer({
                xmlCreatePushParserCtxt(saxPtr, user, $0.baseAddress, Int32(first), path)
            })
        else {
            stream.wellFormed = false
            return [.error(SourceLocation(file: path), .parserUnavailable)]
        }
        defer {
            stream.ctxt = nil
            xmlFreeParserCtxt(ctxt)
        }
        _ = xmlCtxtUseOptions(ctxt, safeParseOptions)
        stream.ctxt = ctxt
        first = 0
        // libxml2 can halt on its own mid-file (an encoding error) with `wellFormed` still
        // set: then nothing read from the file may count.
        var halted = false
        while !stream.stopped {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunkSize) }
            if n < 0 {
                stream.report(.error(stream.here, .cannotRead(reason: SystemError.current)))
                break
            }
            let rc = buffer.withUnsafeBufferPointer { xmlParseChunk(ctxt, $0.baseAddress, Int32(n), n == 0 ? 1 : 0) }
            if rc != 0 && !stream.stopped { halted = true }
            if n == 0 || rc != 0 || ctxt.pointee.disableSAX != 0 { break }
        }
        var problems = stream.collector.diagnostics
        stream.wellFormed = (ctxt.pointee.wellFormed != 0 && !halted) || stream.stoppedCleanly
        if !stream.wellFormed && !problems.hasErrors {
            problems.append(.error(stream.here, .notWellFormed))
        }
        return problems
    }
}

private func stream(_ context: UnsafeMutableRawPointer?) -> XMLStream? {
    context.map { Unmanaged<XMLStream>.fromOpaque($0).takeUnretainedValue() }
}

/// Runs `body` with the stream behind a callback's context, borrowed: the stream outlives
/// the parse, so the hot callbacks need no retain and release per event.
@inline(__always)
private func withStream(_ context: UnsafeMutableRawPointer?, _ body: (XMLStream) -> Void) {
    guard let context else { return }
    Unmanaged<XMLStream>.fromOpaque(context)._withUnsafeGuaranteedRef(body)
}

func makeSAXHandler() -> xmlSAXHandler {
    var sax = xmlSAXHandler()
    sax.initialized = XML_SAX2_MAGIC
    sax.startElementNs = { context, localname, _, uri, _, _, nbAttributes, _, attributes in
        withStream(context) { s in
            guard !s.stopped, let localname else { return }
            s.textBytes = 0
            s.collector.openElements += 1
            // libxml2's push parser has no depth limit of its own.
            if s.collector.openElements > XMLLimits.maxDepth {
                s.stop(LibXML2Wording.error(s.here, XMLLimits.depthMessage))
                return
            }
            let tag = XMLStartTag(
                localName: XMLBytes(cString: localname), namespace: uri.map { XMLBytes(cString: $0) },
                attributes: attributes, attributeCount: Int(nbAttributes))
            s.handler.start(tag, in: s)
        }
    }
    sax.endElementNs = { context, localname, _, _ in
        withStream(context) { s in
            guard !s.stopped, let localname else { return }
            s.textBytes = 0
            s.collector.openElements -= 1
            s.handler.end(XMLBytes(cString: localname), in: s)
        }
    }
    sax.characters = { context, ch, len in
        withStream(context) { s in
            guard !s.stopped, let ch else { return }
            s.textBytes += Int(len)
            if s.textBytes > XMLLimits.maxTextBytes {
                s.stop(.error(s.here, .textTooLong(megabytes: XMLLimits.maxTextBytes >> 20)))
                return
            }
            s.handler.text(XMLBytes(base: ch, count: Int(len)), in: s)
        }
    }
    sax.internalSubset = { context, _, _, _ in
        guard let s = stream(context) else { return }
        s.stop(LibXML2Wording.error(s.here, XMLLimits.doctypeMessage))
    }
    return sax
}
