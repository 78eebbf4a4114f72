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

import Foundation
