/// The site's Mustache templates, parsed once into a tree of nodes and rendered straight into
/// bytes (`PageTemplates.render`). It reads the subset of Mustache the templates use
/// (variables, `{{{ }}}` and `{{& }}`, sections, inverted sections, partials, comments) by the
/// same rules as swift-mustache, which the tests keep as the slow path to compare with: a
/// standalone tag's line is dropped, dotted names, context stack lookup. Any other tag (set
/// delimiters, inheritance, transforms, dynamic partials) is refused when the site is built.
struct PageTemplate: Sendable {
    indirect enum Node: Sendable {
        case text([UInt8])
        case variable([String], escaped: Bool)
        case section([String], [Node], inverted: Bool)
        case partial(String)
    }

    let nodes: [Node]

    /// Parses `source`; `name` is for messages.
    init(_ source: String, name: String) throws(PageTemplateError) {
        var parser = PageTemplateParser(bytes: Array(source.utf8), name: name)
        nodes = try parser.parse(section: nil)
    }
}

/// A template the site cannot use, with its name and the byte offset of the problem.
public struct PageTemplateError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// The parser, a port of swift-mustache's (`MustacheTemplate.parse`) for the tags above, on bytes.
struct PageTemplateParser {
    let bytes: [UInt8]
    let name: String
    var position = 0

    init(bytes: [UInt8], name: String) {
        self.bytes = bytes
        self.name = name
    }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
    private static let open = Array("{{".utf8), close = Array("}}".utf8)

    func failure(_ what: String) -> PageTemplateError {
        PageTemplateError(description: "the report template \(name) cannot be used (byte \(position)): \(what)")
    }

    var atEnd: Bool { position >= bytes.count }

    mutating func readBlanks() -> [UInt8] {
        let start = position
        while !atEnd, bytes[position] == Self.space || bytes[position] == Self.tab { position += 1 }
        return Array(bytes[start..<position])
    }

    /// Text up to the next `{{` (consumed) or newline (not consumed).
    mutating func readText() -> [UInt8] {
        var text: [UInt8] = []
        while !atEnd {
            let b = bytes[position]
            if b == Self.newline || b == UInt8(ascii: "\r") { break }
            if b == Self.open[0], position + 1 < bytes.count, bytes[position + 1] == Self.open[1] {
                position += 2
                break
            }
            text.append(b)
            position += 1
        }
        return text
    }

    /// swift-mustache's `hasLineFinished`: the rest of the line is blank (then consumed with its newline).
    mutating func lineFinished() -> Bool {
        if atEnd { return true }
        var p = position
        while p < bytes.count, bytes[p] == Self.space || bytes[p] == Self.tab { p += 1 }
        if p < bytes.count, bytes[p] == Self.newline {
            position = p + 1
            return true
        }
        return false
    }

    static func isNameByte(_ b: UInt8, partial: Bool) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
            || b == UInt8(ascii: ".") || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: "?")
            || (partial && b == UInt8(ascii: "/"))
    }

    static func isWhitespace(_ b: UInt8) -> Bool { b == 32 || (b >= 9 && b <= 13) }

    /// A tag's name, then the closing `}}`.
    mutating func readName(partial: Bool = false) throws(PageTemplateError) -> String {
        while !atEnd, Self.isWhitespace(bytes[position]) { position += 1 }
        let start = position
        while !atEnd, Self.isNameByte(bytes[position], partial: partial) { position += 1 }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        while !atEnd, Self.isWhitespace(bytes[position]) { position += 1 }
        guard position + 1 < bytes.count, bytes[position] == Self.close[0], bytes[position + 1] == Self.close[1] else {
            throw failure("a tag that is not a plain name (transforms and other tags are not supported)")
        }
        position += 2
        return name
    }

    static func path(_ name: String) -> [String] {
        if name == "." { return ["."] }
        if name.hasPrefix(".") { return ["."] + name.split(separator: ".").map(String.init) }
        return name.split(separator: ".").map(String.init)
    }

    /// The nodes up to the end of `section` (its closing tag consumed), or of the text.
    mutating func parse(section: String?, startsLine: Bool = true) throws(PageTemplateError) -> [PageTemplate.Node] {
        var nodes: [PageTemplate.Node] = []
        var newLine = startsLine
        var before: [UInt8] = []
        func flushBefore() {
            if !before.isEmpty { nodes.append(.text(before)) }
            before = []
        }
        while !atEnd {
            if newLine { before = readBlanks() }
            let text = readText()
            if !atEnd, bytes[position] == Self.newline || bytes[position] == UInt8(ascii: "\r") {
                guard bytes[position] == Self.newline else {
                    throw failure("a carriage return (write lines ending in LF only)")
                }
                nodes.append(.text(before + text + [Self.newline]))
                newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(before + text))
                before = []
                newLine = false
            }
            if atEnd {
                // Text ran to the end without a tag: readText consumed no `{{`.
                break
            }
            var standalone = false
            let sigil = bytes[position]
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                position += 1
                let name = try readName()
                if newLine && lineFinished() { standalone = true } else { flushBefore() }
                let inner = try parse(section: name, startsLine: standalone && newLine)
                nodes.append(.section(Self.path(name), inner, inverted: sigil == UInt8(ascii: "^")))
            case UInt8(ascii: "/"):
                position += 1
                let name = try readName()
                guard name == section else { throw failure("{{/\(name)}} closes no open section") }
                if newLine && lineFinished() {} else { flushBefore() }
                return nodes
            case UInt8(ascii: "!"):
                guard let end = find(Self.close) else { throw failure("a comment without its end") }
                position = end + 2
                standalone = newLine && lineFinished()
            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                flushBefore()
                position += 1
                let name = try readName()
                if sigil == UInt8(ascii: "{") {
                    guard !atEnd, bytes[position] == UInt8(ascii: "}") else { throw failure("{{{ without }}}") }
                    position += 1
                }
                nodes.append(.variable(Self.path(name), escaped: false))
            case UInt8(ascii: ">"):
                position += 1
                while !atEnd, Self.isWhitespace(bytes[position]) { position += 1 }
                guard !atEnd, bytes[position] != UInt8(ascii: "*") else {
                    throw failure("dynamic partials are not supported")
                }
                let partial = try readName(partial: true)
                flushBefore()
                standalone = newLine && lineFinished()
                nodes.append(.partial(partial))
            case UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: "$"), UInt8(ascii: "%"):
                throw failure("the tag {{\(Character(Unicode.Scalar(sigil))) is not supported")
            default:
                flushBefore()
                nodes.append(.variable(Self.path(try readName()), escaped: true))
            }
            newLine = standalone
        }
        guard section == nil else { throw failure("the section \(section ?? "") is not closed") }
        return nodes
    }

    func find(_ needle: [UInt8]) -> Int? {
        var p = position
        while p + needle.count <= bytes.count {
            if bytes[p] == needle[0] && bytes[p + 1] == needle[1] { return p }
            p += 1
        }
        return nil
    }
}
