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
        func at(_ s: StaticString) -> Bool {
            let n = s.utf8CodeUnitCount
            guard end - i >= n else { return false }
            let u = s.utf8Start
            for k in 0..<n where bytes[i + k] != u[k] { return false }
            return true
        }
        func skipSpace() { while i < end, ContractText.isBlank(bytes[i]) { i += 1 } }
        if at("\u{FEFF}") { i += 3 }
        if at("<?xml") {
            guard let close = find("?>", in: bytes, from: i) else { return nil }
            // Only a declaration that names no encoding, or UTF-8, is read here.
            if !namesNoEncodingOrUTF8(bytes[i..<close]) { return nil }
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
            if attr == "rubric" { root.rubric = trimmed(bytes[valueStart..<i - 1], value) }
            if attr == "period" { root.period = trimmed(bytes[valueStart..<i - 1], value) }
        }
    }

    /// Whether an XML declaration (its bytes) names no encoding, or names UTF-8: whether its
    /// lowercased text holds no "encoding", or holds "utf-8". Lowercased byte by byte when it
    /// is ASCII, as it always is (a declaration's other characters are a String's business).
    static func namesNoEncodingOrUTF8(_ declaration: ArraySlice<UInt8>) -> Bool {
        guard declaration.allSatisfy({ $0 < 0x80 }) else {
            let text = String(decoding: declaration, as: UTF8.self).lowercased()
            return !text.contains("encoding") || text.contains("utf-8")
        }
        let lower = declaration.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return find("encoding", in: lower[...], from: 0) == nil || find("utf-8", in: lower[...], from: 0) != nil
    }

    /// An attribute's value without the white space at either end (ids and periods are
    /// `xs:token`s): `value` itself when its ends are plain ASCII, as they are but in a
    /// hand-edited file, else Foundation's trimming.
    static func trimmed(_ bytes: ArraySlice<UInt8>, _ value: String) -> String {
        guard let first = bytes.first, let last = bytes.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80
        else {
            return value.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return value
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
            || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || b == UInt8(ascii: ":")
    }

    private static func find(_ needle: StaticString, in bytes: ArraySlice<UInt8>, from: Int) -> Int? {
        let n = needle.utf8CodeUnitCount
        let u = needle.utf8Start
        var i = from
        search: while i + n <= bytes.endIndex {
            for k in 0..<n where bytes[i + k] != u[k] {
                i += 1
                continue search
            }
            return i
        }
        return nil
    }
}
