import Foundation
import PatuhCore
import Synchronization

/// One load's use of an `InputCache`: the old cache file, read record by record as files are
/// looked up, and the new one, written as files are read or taken from the old.
///
/// A cache file is a header (a magic word and the digest of what decides how files are
/// read), the records, an index (for each file read: its path, kind, identity and where its
/// record is, with the record's checksum) and a trailer saying where the index is.
final class CacheSession: ReadCacheSession {
    private static let magic = Array("PATUHRC1".utf8)

    /// Where one file's record is, and the identity the file had when it was read.
    struct Stored {
        var kind: UInt8
        var stamp: FileStamp
        var offset: Int
        var length: Int
        var checksum: UInt64
    }

    private static let assessmentKind: UInt8 = 1
    private static let surveyKind: UInt8 = 2

    private let path: String
    private let digest: UInt64
    private let racyWindow: Int64
    /// The old cache: its descriptor and index (`nil` when there is none to use).
    private let old: (fd: Int32, index: [String: Stored])?
    /// The new cache, until it is renamed in place; `nil` once it cannot be written.
    private let new = Mutex<(fd: Int32, temp: String, end: Int, index: [(String, Stored)])?>(nil)
    /// Files being read: their identity before reading, kept with what reading gives.
    private let reading = Mutex<[String: FileStamp]>([:])
    private let counts = Mutex((hits: 0, misses: 0))

    init(path: String, digest: UInt64, racyWindow: Int64) {
        self.path = path
        self.digest = digest
        self.racyWindow = racyWindow
        old = Self.openOld(path, digest: digest)
        new.withLock { $0 = Self.create(beside: path, digest: digest) }
    }

    deinit {
        if let old { close(old.fd) }
        discard()
    }

    var figures: (hits: Int, misses: Int) { counts.withLock { $0 } }

    func assessmentFile(at path: String, store: CommentStore?) -> AssessmentFile? {
        lookUp(path, kind: Self.assessmentKind) { FileRecords.assessmentFile(path: path, from: $0, store: store) }
    }

    func remember(_ file: AssessmentFile, store: CommentStore?) {
        keep(file.path, kind: Self.assessmentKind) { FileRecords.write(file, store: store) }
    }

    func surveyFile(at path: String, store: CommentStore?) -> SurveyFile? {
        lookUp(path, kind: Self.surveyKind) { FileRecords.surveyFile(path: path, from: $0, store: store) }
    }

    func remember(_ file: SurveyFile) {
        keep(file.path, kind: Self.surveyKind) { FileRecords.write(file) }
    }

    /// The file's record decoded, if the file is as it was when it was cached; otherwise its
    /// identity now is noted, to be kept with what reading it gives.
    private func lookUp<T>(_ path: String, kind: UInt8, decode: ([UInt8]) -> T?) -> T? {
        guard let stamp = FileStamp(path: path) else { return nil }
        if let old, let stored = old.index[path], stored.kind == kind, stored.stamp == stamp,
            let bytes = FileBytes.read(old.fd, offset: stored.offset, length: stored.length),
            Self.checksum(bytes) == stored.checksum, let value = decode(bytes)
        {
            append(path, kind: kind, stamp: stamp, bytes: bytes)
            counts.withLock { $0.hits += 1 }
            return value
        }
        counts.withLock { $0.misses += 1 }
        if stamp.modified < FileStamp.now - racyWindow { reading.withLock { $0[path] = stamp } }
        return nil
    }

    private func keep(_ path: String, kind: UInt8, encode: () -> [UInt8]) {
        guard let stamp = reading.withLock({ $0.removeValue(forKey: path) }) else { return }
        append(path, kind: kind, stamp: stamp, bytes: encode())
    }

    private func append(_ path: String, kind: UInt8, stamp: FileStamp, bytes: [UInt8]) {
        let checksum = Self.checksum(bytes)
        new.withLock { new in
            // Only the descriptor and the end are copied out: a copy of the whole value would
            // share the index, and each append would then copy all of it (quadratic).
            guard let (fd, end) = new.map({ ($0.fd, $0.end) }) else { return }
            guard FileBytes.write(fd, bytes, at: end) else {
                if let file = new { Self.remove(file) }
                new = nil
                return
            }
            new?.index.append(
                (path, Stored(kind: kind, stamp: stamp, offset: end, length: bytes.count, checksum: checksum)))
            new?.end += bytes.count
        }
    }

    /// Writes the index and trailer and puts the new cache in place of the old.
    func finish() {
        new.withLock { new in
            guard let file = new else { return }
            new = nil
            var index: [UInt8] = []
            PackedBytes.put(UInt64(file.index.count), into: &index)
            for (path, s) in file.index {
                PackedBytes.put(path, into: &index)
                index.append(s.kind)
                for n in [
                    s.stamp.device, s.stamp.inode, UInt64(bitPattern: s.stamp.size),
                    UInt64(bitPattern: s.stamp.modified),
                    UInt64(bitPattern: s.stamp.changed), UInt64(s.offset), UInt64(s.length), s.checksum
                ] {
                    PackedBytes.put(n, into: &index)
                }
            }
            var trailer: [UInt8] = []
            for n in [UInt64(file.end), UInt64(index.count), Self.checksum(index)] {
                PackedBytes.put(n, into: &trailer)
            }
            trailer += Self.magic
            let written = FileBytes.write(file.fd, index + trailer, at: file.end)
            if close(file.fd) != 0 || !written || rename(file.temp, path) != 0 { unlink(file.temp) }
        }
    }

    /// Drops the new cache unwritten.
    func discard() {
        new.withLock { new in
            if let file = new { Self.remove(file) }
            new = nil
        }
    }

    private static func remove(_ file: (fd: Int32, temp: String, end: Int, index: [(String, Stored)])) {
        close(file.fd)
        unlink(file.temp)
    }

    /// The old cache file, if it is whole and for this digest.
    private static func openOld(_ path: String, digest: UInt64) -> (fd: Int32, index: [String: Stored])? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, let index = readIndex(fd, size: Int(info.st_size), digest: digest) else {
            close(fd)
            return nil
        }
        return (fd, index)
    }

    private static func readIndex(_ fd: Int32, size: Int, digest: UInt64) -> [String: Stored]? {
        guard size >= 16 + 32, let header = FileBytes.read(fd, offset: 0, length: 16), Array(header[0..<8]) == magic,
            Array(header[8...]) == bytes(of: digest),
            let tail = FileBytes.read(fd, offset: size - 32, length: 32), Array(tail[24...]) == magic
        else { return nil }
        var trailer = PackedBytes.Reader(tail)
        guard let start = trailer.wide(), let length = trailer.wide(), let checksum = trailer.wide(),
            start >= 16, start <= UInt64(size), length <= UInt64(size), start + length == UInt64(size - 32),
            let bytes = FileBytes.read(fd, offset: Int(start), length: Int(length)), Self.checksum(bytes) == checksum
        else { return nil }
        var r = PackedBytes.Reader(bytes)
        guard let count = r.wide(), count <= UInt64(bytes.count) else { return nil }
        var index: [String: Stored] = [:]
        index.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let path = r.string(), let kind = r.byte(), let device = r.wide(), let inode = r.wide(),
                let size = r.wide(), let modified = r.wide(), let changed = r.wide(), let offset = r.wide(),
                let length = r.wide(), let checksum = r.wide(), offset >= 16, offset <= start, length <= start - offset
            else { return nil }
            index[path] = Stored(
                kind: kind,
                stamp: FileStamp(
                    device: device, inode: inode, size: Int64(bitPattern: size), modified: Int64(bitPattern: modified),
                    changed: Int64(bitPattern: changed)), offset: Int(offset), length: Int(length), checksum: checksum)
        }
        return r.isAtEnd ? index : nil
    }

    /// A new cache file beside `path` (its folder made if need be), with its header written.
    private static func create(beside path: String, digest: UInt64)
        -> (fd: Int32, temp: String, end: Int, index: [(String, Stored)])?
    {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var template = Array((path + ".XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { $0.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { return nil }
        let temp = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let header = magic + bytes(of: digest)
        guard FileBytes.write(fd, header, at: 0) else {
            close(fd)
            unlink(temp)
            return nil
        }
        return (fd, temp, header.count, [])
    }

    private static func bytes(of n: UInt64) -> [UInt8] {
        var bytes: [UInt8] = []
        PackedBytes.put(n, into: &bytes)
        return bytes
    }

    static func checksum(_ bytes: [UInt8]) -> UInt64 {
        var h = FNV1a()
        h.add(bytes)
        return h.value
    }
}
