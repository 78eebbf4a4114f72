import PatuhCore

/// A run of UTF-8 bytes inside libxml2's buffers, valid only during the callback that
/// received it. Compare and convert without allocating until a `String` is really needed.
/// Not `Sendable`: it points into a buffer that another thread could not rely on.
public struct XMLBytes {
    public let base: UnsafePointer<UInt8>
    public let count: Int

    public init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    /// From a NUL-terminated C string.
    @usableFromInline
    init(cString: UnsafePointer<UInt8>) {
        self.init(base: cString, count: cStringLength(cString))
    }

    public var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// A Swift string copy.
    public var string: String { String(decoding: buffer, as: UTF8.self) }

    /// Whether the bytes equal an ASCII literal.
    @inlinable
    public func equals(_ literal: StaticString) -> Bool {
        guard literal.utf8CodeUnitCount == count else { return false }
        // Names are a few bytes long: a loop beats a call to memcmp.
        let other = literal.utf8Start
        for i in 0..<count where base[i] != other[i] { return false }
        return true
    }

    /// The bytes without the blanks (space, tab, line feed, carriage return) at either end:
    /// what XSD's `collapse` leaves of a value whose type allows no blank inside (ids,
    /// periods, dates, numbers, booleans, enumerations), so `" linear "` reads as `linear`.
    @inlinable
    public var trimmed: XMLBytes {
        var start = 0
        var end = count
        while start < end, ContractText.isBlank(base[start]) { start += 1 }
        while end > start, ContractText.isBlank(base[end - 1]) { end -= 1 }
        return start == 0 && end == count ? self : XMLBytes(base: base + start, count: end - start)
    }

    /// Whether the bytes equal another run of bytes.
    public func equals(_ other: XMLBytes) -> Bool {
        other.count == count && memcmp(base, other.base, count) == 0
    }
}

@usableFromInline
func cStringLength(_ p: UnsafePointer<UInt8>) -> Int {
    var n = 0
    while p[n] != 0 { n += 1 }
    return n
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
