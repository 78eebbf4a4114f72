/// FNV-1a, 64 bits: a hash of bytes that stays the same across runs and platforms (unlike
/// `Hasher`), for fingerprints and file names. Not a defence against anyone.
public struct FNV1a: Sendable {
    /// The hash of the bytes added so far (the offset basis before any).
    public var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    @inlinable
    public mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    @inlinable
    public mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { add(byte) }
    }

    /// The hash of a text's UTF-8 bytes.
    public static func hash(_ text: String) -> UInt64 {
        var h = FNV1a()
        h.add(text.utf8)
        return h.value
    }

    /// `value` as 16 lowercase hexadecimal digits, zeros in front.
    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
