import Foundation

/// Every template of the site, parsed once, rendered into bytes. Values are looked up as
/// swift-mustache looks them up (the context stack from the top; a dictionary's entry by
/// name; the rest of a dotted name below the first match only); a list is a section per
/// element, `false` or a missing value none, any other value a section with that value on the
/// stack (an empty string too). Escaping is swift-mustache's: `& < > " '`, a character at a time.
struct PageTemplates: Sendable {
    private let templates: [String: PageTemplate]

    init(_ sources: [(name: String, source: String)]) throws(PageTemplateError) {
        var templates: [String: PageTemplate] = [:]
        for (name, source) in sources { templates[name] = try PageTemplate(source, name: name) }
        self.templates = templates
    }

    /// The page `name` for `context` (a `[String: Any]` of strings, numbers, Booleans, lists
    /// and dictionaries), appended to `out`.
    func render(_ name: String, _ context: Any, into out: inout [UInt8]) {
        guard let template = templates[name] else { return }
        var stack: [Frame] = [Frame(context)]
        render(template.nodes, stack: &stack, into: &out)
    }

    func render(_ name: String, _ context: Any) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(32 * 1024)
        render(name, context, into: &out)
        return out
    }

    private func render(_ nodes: [PageTemplate.Node], stack: inout [Frame], into out: inout [UInt8]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                out.append(contentsOf: bytes)
            case .variable(let path, let escaped):
                guard let value = Self.lookup(path, in: stack) else { continue }
                Self.write(value, escaped: escaped, into: &out)
            case .section(let path, let inner, let inverted):
                let value = Self.lookup(path, in: stack)
                if inverted {
                    if Self.isEmpty(value) { render(inner, stack: &stack, into: &out) }
                } else {
                    section(value, inner, stack: &stack, into: &out)
                }
            case .partial(let name):
                if let template = templates[name] { render(template.nodes, stack: &stack, into: &out) }
            }
        }
    }

    private func section(_ value: Any?, _ inner: [PageTemplate.Node], stack: inout [Frame], into out: inout [UInt8]) {
        guard let value else { return }
        let type = type(of: value)
        if type == [String: Any].self || type == String.self {
            stack.append(Frame(value))
            render(inner, stack: &stack, into: &out)
            stack.removeLast()
        } else if let list = value as? [[String: Any]] {
            for item in list {
                stack.append(Frame(item))
                render(inner, stack: &stack, into: &out)
                stack.removeLast()
            }
        } else if let list = value as? [String] {
            for item in list {
                stack.append(Frame(item))
                render(inner, stack: &stack, into: &out)
                stack.removeLast()
            }
        } else if let list = value as? [Any] {
            for item in list {
                stack.append(Frame(item))
                render(inner, stack: &stack, into: &out)
                stack.removeLast()
            }
        } else if let flag = value as? Bool {
            if flag { render(inner, stack: &stack, into: &out) }
        } else {
            stack.append(Frame(value))
            render(inner, stack: &stack, into: &out)
            stack.removeLast()
        }
    }

    /// What an inverted section renders for: nothing, `false`, an empty list.
    private static func isEmpty(_ value: Any?) -> Bool {
        guard let value else { return true }
        if value is String || value is [String: Any] { return false }
        if let flag = value as? Bool { return !flag }
        if let list = value as? [Any] { return list.isEmpty }
        return false
    }

    /// An object on the context stack, its kind found once when it is pushed (not at every lookup).
    enum Frame {
        case object([String: Any])
        case strings([String: String])
        case plain(Any)
        case other(Any)

        init(_ value: Any) {
            // Exact types first: a cast between dictionary types converts every entry.
            let type = type(of: value)
            if type == [String: Any].self, let d = value as? [String: Any] {
                self = .object(d)
            } else if type == [String: String].self, let d = value as? [String: String] {
                self = .strings(d)
            } else if type == WordTable.self, let table = value as? WordTable {
                self = .strings(table.words)
            } else if value is String || value is Int || value is Bool || value is Double {
                self = .plain(value)
            } else if let d = value as? [String: Any] {
                self = .object(d)
            } else {
                self = .other(value)
            }
        }

        var value: Any {
            switch self {
            case .object(let d): return d
            case .strings(let d): return d
            case .plain(let v), .other(let v): return v
            }
        }

        func child(_ name: String) -> Any? {
            switch self {
            case .object(let d): return d[name]
            case .strings(let d): return d[name]
            case .plain: return nil
            case .other(let v): return Mirror(reflecting: v).children.first { $0.label == name }?.value
            }
        }
    }

    static func lookup(_ path: [String], in stack: [Frame]) -> Any? {
        guard let first = path.first, let top = stack.last else { return nil }
        var found: Any
        if first == "." {
            found = top.value
        } else {
            var hit: Any?
            for frame in stack.reversed() {
                if let value = frame.child(first) {
                    hit = value
                    break
                }
            }
            guard let hit else { return nil }
            found = hit
        }
        var i = 1
        while i < path.count {
            guard let next = Frame(found).child(path[i]) else { return nil }
            found = next
            i += 1
        }
        return found
    }

    private static func write(_ value: Any, escaped: Bool, into out: inout [UInt8]) {
        var text: String
        if let s = value as? String {
            text = s
        } else if let i = value as? Int {
            text = String(i)
        } else {
            text = String(describing: value)
        }
        text.withUTF8 { bytes in
            if escaped { escape(bytes, into: &out) } else { out.append(contentsOf: bytes) }
        }
    }

    /// `& < > " '` as entities; like swift-mustache's Character loop, a mark that combines with
    /// one of them into one character leaves it as it is.
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var start = 0
        for i in bytes.indices {
            let entity: StaticString
            switch bytes[i] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default: continue
            }
            if i + 1 < bytes.count, bytes[i + 1] >= 0x80, combines(bytes, at: i) { continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
            out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            start = i + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
    }

    /// Whether the ASCII byte at `i` and what follows it make one character.
    private static func combines(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        var end = i + 2
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let pair = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<end]), as: UTF8.self)
        return pair.count == 1
    }
}
