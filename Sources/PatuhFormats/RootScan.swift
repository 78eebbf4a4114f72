import Foundation
import PatuhCore

/// A quick look at a file's first bytes for its root element, without starting libxml2:
/// sniffing tens of thousands of files should cost a read, not a parser. It answers only
/// for the plain case (UTF-8 or ASCII, the root in the default namespace, attribute values
/// without references, no DOCTYPE); anything else is left to the real parser.
enum RootScan {
    struct Root {
        var name: String
        var namespace: String?
        var rubric: String?
        var period: String?
    }

    static func scan(_ path: String) -> Root? {
        // Never blocks on a FIFO put in a file's place after the walk saw a regular file.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: 2048)
        let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, 2048) }
        guard n > 0 else { return nil }
        return scan(bytes[0..<n])
    }

    static func scan(_ bytes: ArraySlice<UInt8>) -> Root? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        func at(_ s: String) -> Bool {
            let u = Array(s.utf8)
            return end - i >= u.count && bytes[i..<i + u.count].elementsEqual(u)
        }
        func skipSpace() { while i < end, ContractText.isBlank(bytes[i]) { i += 1 } }
        if at("\u{FEFF}") { i += 3 }
        if at("<?xml") {
            guard let close = find("?>", in: bytes, from: i) else { return nil }
            // Only a declaration that names no encoding, or UTF-8, is read here.
            let declaration = String(decoding: bytes[i..<close], as: UTF8.self).lowercased()
            if declaration.contains("encoding"), !declaration.contains("utf-8") { return nil }
            i = close + 2
        }
        while true {
            skipSpace()
            if at("<!--") {
                guard let close = find("-->", in: bytes, from: i) else { return nil }
                i = close + 3
            } else if at("<?") {
                guard let close = find("?>", in: bytes, from: i) else { return nil }
                i = close + 2
            } else {
                break
            }
        }
        guard i < end, bytes[i] == UInt8(ascii: "<") else { return nil }
        i += 1
        let nameStart = i
        while i < end, isNameByte(bytes[i]) { i += 1 }
        guard i > nameStart, i < end else { return nil }
        let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
        if name.contains(":") { return nil }
        var root = Root(name: name)
        while true {
            skipSpace()
            guard i < end else { return nil }
            if bytes[i] == UInt8(ascii: ">") || at("/>") { return root }
            let attrStart = i
            while i < end, isNameByte(bytes[i]) { i += 1 }
            guard i > attrStart else { return nil }
            let attr = String(decoding: bytes[attrStart..<i], as: UTF8.self)
            skipSpace()
            guard i < end, bytes[i] == UInt8(ascii: "=") else { return nil }
            i += 1
            skipSpace()
            guard i < end, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else { return nil }
            let quote = bytes[i]
            i += 1
            let valueStart = i
            while i < end, bytes[i] != quote {
                if bytes[i] == UInt8(ascii: "&") || bytes[i] == UInt8(ascii: "<") { return nil }
                i += 1
            }
            guard i < end else { return nil }
            let value = String(decoding: bytes[valueStart..<i], as: UTF8.self)
            i += 1
            if attr == "xmlns" { root.namespace = value }
            // Ids and periods are `xs:token`s: the blanks at their ends are not part of them.
            if attr == "rubric" { root.rubric = value.trimmingCharacters(in: .whitespacesAndNewlines) }
            if attr == "period" { root.period = value.trimmingCharacters(in: .whitespacesAndNewlines) }
        }
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
            || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || b == UInt8(ascii: ":")
    }

    private static func find(_ needle: String, in bytes: ArraySlice<UInt8>, from: Int) -> Int? {
        let u = Array(needle.utf8)
        var i = from
        while i + u.count <= bytes.endIndex {
            if bytes[i..<i + u.count].elementsEqual(u) { return i }
            i += 1
        }
        return nil
    }
}
