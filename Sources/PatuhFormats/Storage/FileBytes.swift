import Foundation

/// Whole reads and writes at an offset of an open file, retried where the system stops
/// short: how the comment store and the read cache put bytes on disk and get them back.
enum FileBytes {
    /// Writes all of `bytes` at `offset`; false when the file cannot take them.
    static func write(_ fd: Int32, _ bytes: [UInt8], at offset: Int) -> Bool {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                buffer.baseAddress.map { pwrite(fd, $0 + written, bytes.count - written, off_t(offset + written)) }
                    ?? -1
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            written += n
        }
        return true
    }

    /// The `length` bytes at `offset`; `nil` when the file ends before them.
    static func read(_ fd: Int32, offset: Int, length: Int) -> [UInt8]? {
        guard offset >= 0, length >= 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: length)
        var done = 0
        while done < length {
            let n = bytes.withUnsafeMutableBytes { buffer in
                buffer.baseAddress.map { pread(fd, $0 + done, length - done, off_t(offset + done)) } ?? -1
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            done += n
        }
        return bytes
    }
}
