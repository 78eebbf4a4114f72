import Foundation
import PatuhCore

/// Writes one XML file streaming: bytes collect in a buffer that goes to disk whenever it
/// passes `flushThreshold` at a `checkpoint()`, so a file of millions of responses never sits
/// in memory whole. The file is written under a temporary name in its directory and renamed
/// into place by `finish()`: it appears complete or not at all.
struct XMLFileWriter {
    /// Buffer size at which `checkpoint()` writes to disk (1 MiB).
    static let flushThreshold = 1 << 20

    let path: String
    private let temporaryPath: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    /// Bytes written to disk so far plus those buffered.
    private(set) var byteCount = 0

    /// Creates the file's directory if needed and opens the temporary file, then writes the
    /// XML declaration.
    init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        temporaryPath = directory.appendingPathComponent(".\(url.lastPathComponent).partial").path
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw SampleError.cannotWrite(path: directory.path, reason: nil)
        }
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporaryPath)
        else {
            throw SampleError.cannotWrite(path: temporaryPath, reason: SystemError.current)
        }
        self.handle = handle
        buffer.reserveCapacity(Self.flushThreshold + (64 << 10))
        raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    }

    /// Appends markup as is (the caller's own, known-safe text).
    mutating func raw(_ markup: String) {
        buffer.append(contentsOf: markup.utf8)
        byteCount += markup.utf8.count
    }

    /// Appends ` name="value"` with the value escaped.
    mutating func attribute(_ name: String, _ value: String) {
        let before = buffer.count
        buffer.append(0x20)
        buffer.append(contentsOf: name.utf8)
        buffer.append(contentsOf: [0x3D, 0x22])
        XMLText.append(value, to: &buffer, in: .attribute)
        buffer.append(0x22)
        byteCount += buffer.count - before
    }

    /// Appends `<name` at `indent` and the attributes that have a value, in order; the caller
    /// closes the tag (`>` or `/>`).
    mutating func openTag(_ name: String, indent: String = "", _ attributes: KeyValuePairs<String, String?>) {
        raw("\(indent)<\(name)")
        for case (let key, let value?) in attributes { attribute(key, value) }
    }

    /// Appends ` name="value"` for an integer.
    mutating func attribute(_ name: String, _ value: Int) {
        attribute(name, String(value))
    }

    /// Appends element content, escaped.
    mutating func text(_ content: String) {
        let before = buffer.count
        XMLText.append(content, to: &buffer, in: .content)
        byteCount += buffer.count - before
    }

    /// Appends `<name>content</name>` on its own line at `indent`.
    mutating func element(_ name: String, text content: String, indent: String) {
        raw("\(indent)<\(name)>")
        text(content)
        raw("</\(name)>\n")
    }

    /// Writes the buffer to disk if it has grown past `flushThreshold`.
    mutating func checkpoint() throws {
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    private mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw SampleError.cannotWrite(path: path, reason: SystemError.current)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left, closes the file and renames it into place; returns its size.
    mutating func finish() throws -> Int {
        do {
            try flush()
            try handle.close()
        } catch {
            discard()
            throw error as? SampleError ?? .cannotWrite(path: path, reason: SystemError.current)
        }
        guard rename(temporaryPath, path) == 0 else {
            let reason = SystemError.current
            discard()
            throw SampleError.cannotWrite(path: path, reason: reason)
        }
        return byteCount
    }

    /// Abandons the file: closes and removes the temporary file.
    func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }

    /// Writes the file at `path` with `body`, then renames it into place; on any error the
    /// partial file is removed. Returns the file's size in bytes.
    static func write(_ path: String, _ body: (inout XMLFileWriter) throws -> Void) throws -> Int {
        var writer = try XMLFileWriter(path: path)
        do {
            try body(&writer)
            return try writer.finish()
        } catch {
            writer.discard()
            throw error
        }
    }
}

/// Why the sample generator stopped.
public enum SampleError: Error, CustomStringConvertible, Equatable, Sendable {
    /// An option is out of range or malformed: what to write instead, in Indonesian and English.
    case invalidOption(id: String, en: String)
    /// A file or directory could not be created, written or renamed into place; `reason` is
    /// the system's, in both languages (`nil` when the folder could not be created).
    case cannotWrite(path: String, reason: Wording?)

    /// The message in Bahasa Indonesia.
    public var indonesian: String {
        switch self {
        case .invalidOption(let id, _): id
        case .cannotWrite(let path, let reason):
            "tidak dapat menulis \(path): \(reason?.id ?? "folder tidak dapat dibuat")"
        }
    }

    /// The message in English.
    public var description: String {
        switch self {
        case .invalidOption(_, let en): en
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason?.en ?? "cannot create the folder")"
        }
    }
}
