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
    /// Elements opened and not yet closed in a stream (0 for tree parses).
    @exclusivity(unchecked) var openElements = 0
    private let limit = 200

    init(file: String) { self.file = file }

    func add(_ diagnostic: Diagnostic) {
        guard diagnostics.count < limit else { return }
        diagnostics.append(diagnostic)
        if diagnostics.count == limit {
            diagnostics.append(.error(diagnostic.location, .tooManyErrors))
        }
    }

    func add(_ error: UnsafePointer<xmlError>) {
        let e = error.pointee
        // Warnings from the parser (XML_ERR_WARNING) are not problems in the input.
        guard e.level != XML_ERR_WARNING, e.level != XML_ERR_NONE else { return }
        var message = e.message.map { String(cString: $0) } ?? "unknown XML error"
        while message.last?.isWhitespace == true { message.removeLast() }
        if e.domain == Int32(XML_FROM_SCHEMASV.rawValue) { message = Self.tidySchemaMessage(message) }
        if let plain = XMLLimits.plainMessage(forLibxml2: message) { message = plain }
        // One diagnostic, one line: libxml2 puts the offending bytes on a line of their own.
        if message.hasPrefix("Input is not proper UTF-8, indicate encoding !") {
            message =
                "not valid UTF-8 (a file in another encoding must declare it)"
                + message.dropFirst("Input is not proper UTF-8, indicate encoding !".count)
        }
        message = message.split(whereSeparator: \.isNewline).map { String($0.drop(while: \.isWhitespace)) }
            .joined(separator: "; ")
        var line = Int(e.line)
        var column = Int(e.int2)
        if line == 0, let here = locate?() {
            line = here.line
            column = here.column
        }
        // Tree nodes keep lines but not columns: point at the start of the line.
        if line > 0 && column == 0 { column = 1 }
        // In push mode libxml2 calls a premature end "Extra content at the end of the document".
        var truncated: String?
        if e.code == Int32(XML_ERR_DOCUMENT_END.rawValue), openElements > 0 {
            message =
                "the file ends before the document does (truncated?): \(openElements) element\(openElements == 1 ? " is" : "s are") still open"
            truncated =
                "berkas berakhir sebelum dokumennya selesai (terpotong?): \(DecimalFormat.indonesian(openElements)) elemen masih terbuka"
        }
        // The mistakes people make by hand, in the catalogue's words (both languages).
        if let (key, shift) = Self.handMadeMistake(message) {
            add(.error(SourceLocation(file: file, line: line, column: Swift.max(1, column - shift)), key))
            return
        }
        let location = SourceLocation(file: file, line: line, column: column)
        if let truncated {
            add(.error(location, id: truncated, en: message))
        } else {
            add(LibXML2Wording.error(location, message))
        }
    }

    /// A libxml2 message that a common hand-made mistake produces, as a catalogue message,
    /// with how many columns back the character at fault is (libxml2 points past it).
    static func handMadeMistake(_ message: String) -> (Message, Int)? {
        if message == "xmlParseEntityRef: no name" { return (.bareAmpersand, 1) }
        if message.hasPrefix("EntityRef: expecting ';'") { return (.bareAmpersand, 0) }
        if message == "StartTag: invalid element name" { return (.bareLessThan, 1) }
        // "Element 'response', attribute 'date': '10/02/2023' is not a valid value of the atomic type 'xs:date'."
        let quoted = message.split(separator: "'", omittingEmptySubsequences: false).map(String.init)
        guard message.hasPrefix("Element '"), quoted.count >= 6 else { return nil }
        let element = quoted[1]
        let attribute = quoted[3]
        if attribute == "date", message.hasSuffix("is not a valid value of the atomic type 'xs:date'.") {
            let value = quoted[5]
            return (.badDate(element: element, value: value, suggestion: Suggestions.date(value)), 0)
        }
        if attribute == "period", message.contains("[facet 'pattern'] The value '"), quoted.count >= 8 {
            let value = quoted[7]
            return (.badPeriod(element: element, value: value, suggestion: Suggestions.period(value)), 0)
        }
        return nil
    }

    /// "Element '{urn:patuh:1}answer', attribute 'value': ..." reads better without the namespace.
    static func tidySchemaMessage(_ message: String) -> String {
        message.replacingOccurrences(of: "{urn:patuh:1}", with: "")
    }

    /// Runs `body` with this collector receiving libxml2's structured errors on this thread.
    func capturing<T>(_ body: () throws -> T) rethrows -> T {
        let me = Unmanaged.passUnretained(self).toOpaque()
        patuh_silence_generic_errors()
        xmlSetStructuredErrorFunc(me, problemCallback)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return try body()
    }
}

private func problemCallback(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    Unmanaged<ProblemCollector>.fromOpaque(context).takeUnretainedValue().add(UnsafePointer(error))
}
