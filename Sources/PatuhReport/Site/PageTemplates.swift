import Foundation

/// Every template of the site, parsed once, rendered into bytes. Values are looked up as
/// swift-mustache looks them up (the context stack from the top; a dictionary's entry by
/// name; the rest of a dotted name below the first match only); a list is a section per
/// element, `false` or a missing value none, any other value a section with that value on the
/// stack (an empty string too). Escaping is swift-mustache's: `& < > " '`, a character at a time.
struct PageTemplates: Sendable {
    /// A template's node with its names numbered (`PageNames`) and its partials found (not
    /// `indirect`: a section's nodes are an array already, and a boxed payload costs a
    /// retain at every node of every page).
    enum Node: Sendable {
        case text([UInt8])
        case variable(Path, escaped: Bool)
        case section(Path, [Node], inverted: Bool)
        case partial(Int)
    }

    /// A dotted name: `.` (the top of the stack) or names, each with its number (a class:
    /// one reference to hold at each node, not two arrays).
    final class Path: Sendable {
        let names: [String]
        let ids: [Int32]
        let dot: Bool

        init(names: [String], ids: [Int32], dot: Bool) {
            self.names = names
            self.ids = ids
            self.dot = dot
        }
    }

    private let index: [String: Int]
    private let compiled: [[Node]]
    /// Every name the templates use, numbered.
    let names: PageNames

    init(_ sources: [(name: String, source: String)]) throws(PageTemplateError) {
        var parsed: [(String, PageTemplate)] = []
        var index: [String: Int] = [:]
        for (name, source) in sources {
            let template = try PageTemplate(source, name: name)
            if let i = index[name] {
                parsed[i] = (name, template)  // a later source of one name stands
            } else {
                index[name] = parsed.count
                parsed.append((name, template))
            }
        }
        var all: [String] = []
        func collect(_ nodes: [PageTemplate.Node]) {
            for node in nodes {
                switch node {
                case .variable(let path, _): all += path
                case .section(let path, let inner, _):
                    all += path
                    collect(inner)
                case .text, .partial: break
                }
            }
        }
        for (_, template) in parsed { collect(template.nodes) }
        let names = PageNames(all)
        func compile(_ nodes: [PageTemplate.Node]) -> [Node] {
            nodes.map { node in
                switch node {
                case .text(let bytes): return .text(bytes)
                case .variable(let path, let escaped): return .variable(Self.path(path, names), escaped: escaped)
                case .section(let path, let inner, let inverted):
                    return .section(Self.path(path, names), compile(inner), inverted: inverted)
                case .partial(let name): return .partial(index[name] ?? -1)
                }
            }
        }
        self.index = index
        self.names = names
        compiled = parsed.map { compile($0.1.nodes) }
    }

    private static func path(_ names: [String], _ table: PageNames) -> Path {
        Path(names: names, ids: names.map { table.ids[$0] ?? -1 }, dot: names.first == ".")
    }

    /// The page `name` for `context` (a `[String: Any]` of strings, numbers, Booleans, lists
    /// and dictionaries), appended to `out`.
    func render(_ name: String, _ context: Any, into out: inout [UInt8]) {
        var reader = PageReader(names: names, hashing: false)
        var unused = FingerprintHasher()
        render(name, value: reader.value(context, into: &unused), into: &out)
    }

    func render(_ name: String, _ context: Any) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(32 * 1024)
        render(name, context, into: &out)
        return out
    }

    /// The page `name` for a context already read (`PageFingerprint.read`).
    func render(_ name: String, value: PageValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(32 * 1024)
        render(name, value: value, into: &out)
        return out
    }

    func render(_ name: String, value: PageValue, into out: inout [UInt8]) {
        guard let i = index[name] else { return }
        var stack: [PageValue] = [value]
        render(compiled[i], stack: &stack, into: &out)
    }

    private func render(_ nodes: [Node], stack: inout [PageValue], into out: inout [UInt8]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                out.append(contentsOf: bytes)
            case .variable(let path, let escaped):
                guard let value = lookup(path, in: stack) else { continue }
                Self.write(value, escaped: escaped, into: &out)
            case .section(let path, let inner, let inverted):
                let value = lookup(path, in: stack)
                if inverted {
                    if Self.isEmpty(value) { render(inner, stack: &stack, into: &out) }
                } else {
                    section(value, inner, stack: &stack, into: &out)
                }
            case .partial(let i):
                if i >= 0 { render(compiled[i], stack: &stack, into: &out) }
            }
        }
    }

    private func section(_ value: PageValue?, _ inner: [Node], stack: inout [PageValue], into out: inout [UInt8]) {
        guard let value else { return }
        switch value {
        case .flag(let flag):
            if flag { render(inner, stack: &stack, into: &out) }
        case .list(let list):
            for item in list.items {
                stack.append(item)
                render(inner, stack: &stack, into: &out)
                stack.removeLast()
            }
        case .any(let other):
            section(other.value, inner, stack: &stack, into: &out)
        case .text, .int, .object:
            stack.append(value)
            render(inner, stack: &stack, into: &out)
            stack.removeLast()
        }
    }

    /// A section on a value of another type, by the generic rules.
    private func section(_ value: Any, _ inner: [Node], stack: inout [PageValue], into out: inout [UInt8]) {
        if let list = value as? [Any] {
            for item in list {
                stack.append(read(item))
                render(inner, stack: &stack, into: &out)
                stack.removeLast()
            }
        } else if let flag = value as? Bool {
            if flag { render(inner, stack: &stack, into: &out) }
        } else {
            stack.append(.any(PageAny(value)))
            render(inner, stack: &stack, into: &out)
            stack.removeLast()
        }
    }

    /// A value met through reflection or inside a list of another type, read as a context.
    private func read(_ value: Any) -> PageValue {
        var reader = PageReader(names: names, hashing: false)
        var unused = FingerprintHasher()
        return reader.value(value, into: &unused)
    }

    private static func isEmpty(_ value: PageValue?) -> Bool {
        guard let value else { return true }
        switch value {
        case .flag(let flag): return !flag
        case .list(let list): return list.items.isEmpty
        case .any(let other): return isEmpty(other.value)
        case .text, .int, .object: return false
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

    func lookup(_ path: Path, in stack: [PageValue]) -> PageValue? {
        guard let top = stack.last, !path.ids.isEmpty else { return nil }
        var found: PageValue
        if path.dot {
            found = top
        } else {
            var hit: PageValue?
            var i = stack.count - 1
            while i >= 0 {
                if let value = child(stack[i], path.ids[0], path.names[0]) {
                    hit = value
                    break
                }
                i -= 1
            }
            guard let hit else { return nil }
            found = hit
        }
        var i = 1
        while i < path.ids.count {
            guard let next = child(found, path.ids[i], path.names[i]) else { return nil }
            found = next
            i += 1
        }
        return found
    }

    /// The value named `name` (numbered `id`) in `value`: a dictionary's entry, a field found
    /// by reflection; nothing in text, numbers, Booleans and lists.
    @inline(__always)
    private func child(_ value: PageValue, _ id: Int32, _ name: String) -> PageValue? {
        switch value {
        case .object(let object): return object.value(id)
        case .any(let other): return Frame(other.value).child(name).map(read)
        case .text, .int, .flag, .list: return nil
        }
    }

    private static func write(_ value: PageValue, escaped: Bool, into out: inout [UInt8]) {
        switch value {
        case .text(var text):
            text.withUTF8 { bytes in
                if escaped { escape(bytes, into: &out) } else { out.append(contentsOf: bytes) }
            }
        case .int(let n): write(String(n), escaped: escaped, into: &out)
        case .flag(let flag): write(String(describing: flag), escaped: escaped, into: &out)
        case .object(let object): write(String(describing: object.original), escaped: escaped, into: &out)
        case .list(let list): write(String(describing: list.original), escaped: escaped, into: &out)
        case .any(let other): write(other.value, escaped: escaped, into: &out)
        }
    }

    private static func write(_ text: String, escaped: Bool, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            if escaped { escape(bytes, into: &out) } else { out.append(contentsOf: bytes) }
        }
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
        write(text, escaped: escaped, into: &out)
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
