import Foundation

/// Where tests put their files: one folder per test process under the system's temporary
/// folder, removed when the process exits, so thousands of runs leave nothing behind.
public enum Scratch {
    public static let root: URL = {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("patuh-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        scratchRootPath = root.path
        atexit { if let path = scratchRootPath { try? FileManager.default.removeItem(atPath: path) } }
        return root
    }()

    /// A fresh, empty directory named `prefix-<uuid>` under `root`.
    public static func directory(_ prefix: String) throws -> URL {
        let dir = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

/// Read by the exit handler, which can capture nothing.
nonisolated(unsafe) private var scratchRootPath: String?
