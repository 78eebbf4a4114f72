import Foundation

/// Writes output files so that each appears whole or not at all: written under a
/// temporary name in the same directory, flushed, then renamed over the old one.
public struct OutputDirectory: Sendable {
    public var path: String

    public init(path: String) { self.path = path }

    /// Creates the directory (and parents) if needed; a clear `OutputError` when it cannot.
    public func prepare() throws {
        try Self.makeFolder(path)
    }

    /// Creates `path` and its parents as folders, naming the part that is in the way.
    static func makeFolder(_ path: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw OutputError(path: path, reason: "it exists and is not a folder") }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try makeFolder(parent) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw OutputError(path: path, what: "cannot create the folder")
        }
    }

    /// Writes `contents` to `name` inside the directory, atomically.
    public func write(_ name: String, _ contents: String) throws {
        try write(name) { try $0.write(contents) }
    }

    public func write(_ name: String, _ data: Data) throws {
        try write(name) { file in try data.withUnsafeBytes { try file.write(bytes: $0) } }
    }

    /// Writes `name` from what `body` sends to the file, atomically: the old file stays in
    /// place, whole, until the new one is complete and flushed.
    public func write(_ name: String, streaming body: (OutputFile) throws -> Void) throws {
        let target = URL(fileURLWithPath: path).appendingPathComponent(name)
        try Self.makeFolder(target.deletingLastPathComponent().path)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        // A new file, never through a link someone planted under the temporary name.
        var fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
        if fd < 0 && errno == EEXIST {
            unlink(temporary.path)
            fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
        }
        guard fd >= 0 else { throw OutputError(path: temporary.path, what: "cannot create") }
        let file = OutputFile(fd: fd, path: temporary.path)
        do {
            try body(file)
            try file.flush()
            guard fsync(fd) == 0 else { throw OutputError(path: temporary.path, what: "cannot flush") }
            close(fd)
        } catch {
            close(fd)
            unlink(temporary.path)
            throw error
        }
        guard rename(temporary.path, target.path) == 0 else {
            let failure = OutputError(path: target.path, what: "cannot rename into")
            unlink(temporary.path)
            throw failure
        }
    }
}

/// A failed write, with the system's reason.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public var description: String

    init(path: String, what: String) {
        description = "\(what) \(path): \(String(cString: strerror(errno)))"
    }

    /// A failure with a reason of Patuh's own.
    public init(path: String, reason: String) {
        description = "cannot write \(path): \(reason)"
    }
}

/// An output file being written: text and bytes go through a 1 MB buffer.
public final class OutputFile {
    private let fd: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private static let capacity = 1 << 20

    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
        buffer.reserveCapacity(Self.capacity)
    }

    /// Appends `text` as UTF-8.
    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Appends raw bytes.
    public func write(bytes: UnsafeRawBufferPointer) throws {
        if buffer.count + bytes.count > Self.capacity { try flush() }
        if bytes.count >= Self.capacity {
            try writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Sends the buffered bytes to the file.
    func flush() throws {
        try buffer.withUnsafeBytes { try writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count, let base = bytes.baseAddress {
            let n = Foundation.write(fd, base + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: path, what: "cannot write")
            }
            offset += n
        }
    }
}
