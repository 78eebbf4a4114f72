import Foundation

/// Writes output files so that each appears whole or not at all: written under a
/// temporary name in the same directory, flushed, then renamed over the old one.
public struct OutputDirectory: Sendable {
    public var path: String

    public init(path: String) { self.path = path }

    /// Creates the directory (and parents) if needed.
    public func prepare() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `contents` to `name` inside the directory, atomically.
    public func write(_ name: String, _ contents: String) throws {
        try write(name, Data(contents.utf8))
    }

    public func write(_ name: String, _ data: Data) throws {
        let target = URL(fileURLWithPath: path).appendingPathComponent(name)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        _ = FileManager.default.createFile(atPath: temporary.path, contents: nil)
        let handle = try FileHandle(forWritingTo: temporary)
        do {
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot rename into \(target.path): \(reason)"])
        }
    }
}
