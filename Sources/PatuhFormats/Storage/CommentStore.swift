import Foundation
import PatuhCore
import Synchronization

/// Survey comments and assessors' notes and evidence set aside on disk while files are read,
/// so that memory does not grow with the number of responses or the length of the notes. The file is unlinked as soon as it is created: nothing is left
/// behind, even when the run is killed.
public final class CommentStore: CommentSource, Sendable {
    private let fd: Int32
    private let end = Mutex(0)

    /// A store in the system's temporary directory; `nil` if no file can be made there.
    public init?() {
        var template = Array((NSTemporaryDirectory() + "/patuh-comments-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { $0.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { return nil }
        template.withUnsafeBufferPointer { if let path = $0.baseAddress { unlink(path) } }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Writes `comments` (all from one file) and returns where they are.
    public func append(_ comments: [SurveyComment]) -> CommentBlock? {
        guard let first = comments.first else { return nil }
        var bytes: [UInt8] = []
        PackedBytes.put(first.location.file, into: &bytes)
        for c in comments {
            PackedBytes.put(c.responseID, into: &bytes)
            PackedBytes.put(c.service ?? "\u{0}", into: &bytes)
            PackedBytes.put(c.text, into: &bytes)
            PackedBytes.put(UInt32(truncatingIfNeeded: c.location.line), into: &bytes)
            PackedBytes.put(UInt32(truncatingIfNeeded: c.location.column), into: &bytes)
        }
        guard let offset = write(bytes) else { return nil }
        return CommentBlock(source: self, offset: offset, length: bytes.count, count: comments.count)
    }

    public func comments(in block: CommentBlock) -> [SurveyComment] {
        guard let bytes = read(offset: block.offset, length: block.length) else { return [] }
        var reader = PackedBytes.Reader(bytes)
        guard let file = reader.string() else { return [] }
        var result: [SurveyComment] = []
        result.reserveCapacity(block.count)
        for _ in 0..<block.count {
            guard let id = reader.string(), let service = reader.string(), let text = reader.string(),
                let line = reader.number(), let column = reader.number()
            else { break }
            result.append(
                SurveyComment(
                    responseID: id, service: service == "\u{0}" ? nil : service, text: text,
                    location: SourceLocation(file: file, line: Int(line), column: Int(column))))
        }
        return result
    }

    /// Appends `bytes` at the end of the file (from any thread); where they went.
    private func write(_ bytes: [UInt8]) -> Int? {
        let offset = end.withLock { end in
            defer { end += bytes.count }
            return end
        }
        return FileBytes.write(fd, bytes, at: offset) ? offset : nil
    }

    private func read(offset: Int, length: Int) -> [UInt8]? {
        FileBytes.read(fd, offset: offset, length: length)
    }
}

/// Where some bytes were set aside in a `CommentStore`.
struct SpillBlock: Hashable, Sendable {
    var offset: Int
    var length: Int
}

extension CommentStore {
    /// Sets `bytes` aside (from any thread); where they went, `nil` when they could not be written.
    func store(_ bytes: [UInt8]) -> SpillBlock? {
        write(bytes).map { SpillBlock(offset: $0, length: bytes.count) }
    }

    /// The bytes `store` set aside in `block`.
    func load(_ block: SpillBlock) -> [UInt8] {
        read(offset: block.offset, length: block.length) ?? []
    }
}
