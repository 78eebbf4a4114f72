/// Numbers and strings packed into bytes: a number as 4 bytes, little-endian; a string as
/// its UTF-8 length (such a number) followed by its bytes. How notes and comments set aside
/// are kept, in memory or in a file.
enum PackedBytes {
    static func put(_ n: UInt32, into bytes: inout [UInt8]) {
        withUnsafeBytes(of: n.littleEndian) { bytes += $0 }
    }

    /// A wide number (a count, a file's size or time, a `Double`'s bits) as 8 bytes, little-endian.
    static func put(_ n: UInt64, into bytes: inout [UInt8]) {
        withUnsafeBytes(of: n.littleEndian) { bytes += $0 }
    }

    static func put(_ s: String, into bytes: inout [UInt8]) {
        put(UInt32(truncatingIfNeeded: s.utf8.count), into: &bytes)
        bytes += s.utf8
    }

    /// Reads back what `put` wrote, in the same order; `nil` where the bytes run out.
    struct Reader {
        private let bytes: [UInt8]
        private var at = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        mutating func number() -> UInt32? {
            guard at + 4 <= bytes.count else { return nil }
            defer { at += 4 }
            return (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) }
        }

        /// A number `put` wrote as 8 bytes.
        mutating func wide() -> UInt64? {
            guard at + 8 <= bytes.count else { return nil }
            defer { at += 8 }
            return (0..<8).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * UInt64($1)) }
        }

        mutating func byte() -> UInt8? {
            guard at < bytes.count else { return nil }
            defer { at += 1 }
            return bytes[at]
        }

        /// The next `n` bytes.
        mutating func bytes(_ n: Int) -> ArraySlice<UInt8>? {
            guard n >= 0, n <= bytes.count - at else { return nil }
            defer { at += n }
            return bytes[at..<at + n]
        }

        /// Whether every byte has been read.
        var isAtEnd: Bool { at == bytes.count }

        mutating func string() -> String? {
            number().flatMap { string(length: $0) }
        }

        /// A string whose length was read already.
        mutating func string(length: UInt32) -> String? {
            let n = Int(length)
            guard n <= bytes.count - at else { return nil }
            defer { at += n }
            return String(decoding: bytes[at..<at + n], as: UTF8.self)
        }
    }
}
