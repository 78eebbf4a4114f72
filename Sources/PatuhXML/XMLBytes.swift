/// A run of UTF-8 bytes inside libxml2's buffers, valid only during the callback that
/// received it. Compare and convert without allocating until a `String` is really needed.
public struct XMLBytes: @unchecked Sendable {
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
