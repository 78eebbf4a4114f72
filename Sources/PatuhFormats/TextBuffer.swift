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
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
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
