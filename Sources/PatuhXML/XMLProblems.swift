import CLibXML2
import PatuhCore

/// Collects libxml2's errors for one parse, with file, line and column.
///
/// libxml2 2.9 has no per-parser error callback, but its structured-error hook is
/// per thread: each parse installs a collector of its own and removes it afterwards, so
/// parses on other threads never mix their messages.
final class ProblemCollector {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Where the current stream is, for schema errors that carry no line of their own.
    var locate: (() -> (line: Int, column: Int))?
    private let limit = 200

    init(file: String) { self.file = file }

    func add(_ diagnostic: Diagnostic) {
        guard diagnostics.count < limit else { return }
        diagnostics.append(diagnostic)
        if diagnostics.count == limit {
            diagnostics.append(.error(diagnostic.location, "too many errors; the rest of this file's are not listed"))
        }
    }

    func add(_ error: UnsafePointer<xmlError>) {
        let e = error.pointee
        // Warnings from the parser (XML_ERR_WARNING) are not problems in the input.
        guard e.level != XML_ERR_WARNING, e.level != XML_ERR_NONE else { return }
        var message = e.message.map { String(cString: $0) } ?? "unknown XML error"
        while message.last?.isWhitespace == true { message.removeLast() }
        if e.domain == Int32(XML_FROM_SCHEMASV.rawValue) { message = Self.tidySchemaMessage(message) }
        var line = Int(e.line)
        var column = Int(e.int2)
        if line == 0, let here = locate?() {
            line = here.line
            column = here.column
        }
        add(.error(SourceLocation(file: file, line: line, column: column), message))
    }

    /// "Element '{urn:patuh:1}answer', attribute 'value': ..." reads better without the namespace.
    static func tidySchemaMessage(_ message: String) -> String {
        message.replacingOccurrences(of: "{urn:patuh:1}", with: "")
    }

    /// Runs `body` with this collector receiving libxml2's structured errors on this thread.
    func capturing<T>(_ body: () throws -> T) rethrows -> T {
        let me = Unmanaged.passUnretained(self).toOpaque()
        xmlSetStructuredErrorFunc(me, problemCallback)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return try body()
    }
}

private func problemCallback(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    Unmanaged<ProblemCollector>.fromOpaque(context).takeUnretainedValue().add(UnsafePointer(error))
}
