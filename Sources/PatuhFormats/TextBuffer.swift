import Foundation
import PatuhXML

/// Text gathered from an element's character events.
struct TextBuffer {
    private var bytes: [UInt8] = []
    private(set) var active = false

    mutating func begin() {
        bytes.removeAll(keepingCapacity: true)
        active = true
    }

    mutating func append(_ chunk: XMLBytes) {
        if active { bytes.append(contentsOf: chunk.buffer) }
    }

    /// The text, trimmed of surrounding blanks; ends gathering.
    mutating func finish() -> String {
        active = false
        return Self.trimmed(bytes)
    }

    /// `bytes` as a string without the white space and newlines at either end (Foundation's
    /// `.whitespacesAndNewlines`): ASCII blanks are cut as bytes, and Foundation is asked
    /// only when an end is not ASCII (a no-break space, an ideographic space...). Comments
    /// and notes are read by the hundred thousand: this keeps them off Foundation's path.
    static func trimmed(_ bytes: [UInt8]) -> String {
        var start = 0
        var end = bytes.count
        while start < end, isASCIISpace(bytes[start]) { start += 1 }
        while end > start, isASCIISpace(bytes[end - 1]) { end -= 1 }
        guard start < end else { return "" }
        let text = bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self)
        }
        guard bytes[start] < 0x80, bytes[end - 1] < 0x80 else {
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return text
    }

    /// Space, tab, line feed, vertical tab, form feed, carriage return: the ASCII members of
    /// `.whitespacesAndNewlines`.
    static func isASCIISpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
}

/// Strings that repeat across a file (rubric ids, periods, names), kept once each.
struct StringPool {
    private var pool: [String] = []

    /// The pooled copy of `bytes` (an empty string for `nil`).
    mutating func intern(_ bytes: XMLBytes?) -> String {
        guard let bytes else { return "" }
        for s in pool.reversed() where s.utf8.count == bytes.count && s.utf8.elementsEqual(bytes.buffer) { return s }
        let s = bytes.string
        if pool.count < 64 { pool.append(s) }
        return s
    }
}
