import Foundation

/// One part of a `multipart/form-data` body.
struct MultipartPart: Sendable {
    var name: String
    var filename: String?
    var body: [UInt8]
}

/// A small `multipart/form-data` reader (RFC 7578), enough for what ODK Collect sends: the
/// submission's XML as `xml_submission_file` and each attachment as a part of its own.
enum Multipart {
    /// The boundary of a `Content-Type: multipart/form-data; boundary=…` header.
    static func boundary(_ contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for piece in contentType.split(separator: ";") {
            let kv = piece.trimmingCharacters(in: .whitespaces)
            if kv.lowercased().hasPrefix("boundary=") {
                var b = String(kv.dropFirst(9))
                if b.hasPrefix("\""), b.hasSuffix("\""), b.count >= 2 { b = String(b.dropFirst().dropLast()) }
                return b.isEmpty || b.utf8.count > 200 ? nil : b
            }
        }
        return nil
    }

    /// The parts of `body`, or nil when it is not well formed; at most `maxParts`.
    static func parts(_ body: [UInt8], boundary: String, maxParts: Int = 32) -> [MultipartPart]? {
        let delimiter = Array("--\(boundary)".utf8)
        var positions: [Int] = []
        var i = 0
        while let found = find(delimiter, in: body, from: i) {
            positions.append(found)
            i = found + delimiter.count
            if positions.count > maxParts + 1 { return nil }
        }
        guard positions.count >= 2 else { return nil }
        var out: [MultipartPart] = []
        for k in 0..<(positions.count - 1) {
            var start = positions[k] + delimiter.count
            // Skip the line end after the delimiter.
            if start + 1 < body.count, body[start] == 13, body[start + 1] == 10 { start += 2 } else { return nil }
            var end = positions[k + 1]
            if end >= 2, body[end - 2] == 13, body[end - 1] == 10 { end -= 2 }
            guard start <= end else { return nil }
            let chunk = Array(body[start..<end])
            guard let split = find([13, 10, 13, 10], in: chunk, from: 0) else { return nil }
            let headerText = String(decoding: chunk[..<split], as: UTF8.self)
            var name: String?
            var filename: String?
            for line in headerText.components(separatedBy: "\r\n")
            where line.lowercased().hasPrefix("content-disposition:") {
                name = parameter("name", in: line)
                filename = parameter("filename", in: line)
            }
            guard let name else { return nil }
            out.append(MultipartPart(name: name, filename: filename, body: Array(chunk[(split + 4)...])))
        }
        return out
    }

    private static func parameter(_ key: String, in line: String) -> String? {
        for piece in line.split(separator: ";").dropFirst() {
            let kv = piece.trimmingCharacters(in: .whitespaces)
            guard kv.lowercased().hasPrefix(key + "=") else { continue }
            var v = String(kv.dropFirst(key.count + 1))
            if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()) }
            return v
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count else { return nil }
        var i = from
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == needle[0] {
                var j = 1
                while j < needle.count, hay[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
