import CLibXML2
import PatuhCore

/// A streamed parse fed chunk by chunk, for XML that does not come from a file of its own
/// (a sheet inside an `.xlsx` zip archive, inflated as it is read). The same safe SAX2 parse
/// as `XMLStreamParser`: no DTD (a DOCTYPE stops it), no entities, no network, the depth
/// and text limits, problems with line and column under `name`.
public final class XMLPushStream {
    private let stream: XMLStream
    private var ctxt: xmlParserCtxtPtr?
    private var started = false
    private var halted = false

    /// A parse whose problems are reported under `name`, its events sent to `handler`.
    public init(name: String, handler: XMLStreamHandler) {
        stream = XMLStream(file: name, handler: handler)
        stream.collector.locate = { [unowned stream] in
            let h = stream.here
            return (h.line, h.column)
        }
    }

    deinit {
        if let ctxt {
            stream.ctxt = nil
            xmlFreeParserCtxt(ctxt)
        }
    }

    /// Whether the parse has stopped (an error, or the handler called `finish()`): feeding
    /// more is pointless.
    public var stopped: Bool { stream.stopped || halted }

    /// Sends the next bytes to the parser; returns `false` once the parse has stopped.
    @discardableResult
    public func feed(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard !stopped, bytes.count > 0 else { return !stopped }
        return stream.collector.capturing {
            let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
            if ctxt == nil {
                var sax = makeSAXHandler()
                let user = Unmanaged.passUnretained(stream).toOpaque()
                guard let made = xmlCreatePushParserCtxt(&sax, user, nil, 0, stream.file) else {
                    stream.stop(.error(SourceLocation(file: stream.file), .parserUnavailable))
                    return false
                }
                _ = xmlCtxtUseOptions(made, safeParseOptions)
                ctxt = made
                stream.ctxt = made
            }
            guard let ctxt else { return false }
            started = true
            let rc = xmlParseChunk(ctxt, base, Int32(bytes.count), 0)
            if rc != 0 || ctxt.pointee.disableSAX != 0 { halted = true }
            return !stopped
        }
    }

    /// Ends the parse: every problem found, and whether the XML was read whole and well-formed.
    public func finish() -> XMLStreamResult {
        stream.collector.capturing {
            guard started, let ctxt else {
                return XMLStreamResult(
                    diagnostics: [.error(SourceLocation(file: stream.file, line: 1, column: 1), .empty)],
                    complete: false)
            }
            if !stopped { _ = xmlParseChunk(ctxt, nil, 0, 1) }
            var problems = stream.collector.diagnostics
            let wellFormed = (ctxt.pointee.wellFormed != 0 && !halted && !stream.stopped) || stream.stoppedCleanly
            if !wellFormed && !problems.hasErrors {
                problems.append(.error(stream.here, .notWellFormed))
            }
            return XMLStreamResult(diagnostics: problems, complete: wellFormed)
        }
    }
}
