import Foundation

/// A directory written whole, then put in place of the one before it: files go into a
/// hidden staging directory beside the target, which replaces the target only when every
/// file is written. A failed run leaves the previous directory as it was.
public struct DirectoryReplacement: Sendable {
    /// The directory being replaced.
    public let target: String
    /// Where the new contents are written until `commit()`.
    public let staging: OutputDirectory

    /// Prepares an empty staging directory for `target`.
    public init(target: String) throws {
        self.target = target
        let url = URL(fileURLWithPath: target)
        let staging = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial")
        try? FileManager.default.removeItem(at: staging)
        if FileManager.default.fileExists(atPath: staging.path) {
            throw OutputError(path: staging.path, reason: "a file Patuh stages its output in is in the way and cannot be removed")
        }
        self.staging = OutputDirectory(path: staging.path)
        try self.staging.prepare()
    }

    /// Puts the staged directory in place of the target (the old one is moved aside, then removed).
    public func commit() throws {
        let fm = FileManager.default
        let old = URL(fileURLWithPath: target).deletingLastPathComponent()
            .appendingPathComponent(".\(URL(fileURLWithPath: target).lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).old")
        try? fm.removeItem(at: old)
        let hadTarget = fm.fileExists(atPath: target)
        if hadTarget { try move(target, to: old.path) }
        do {
            try move(staging.path, to: target)
        } catch {
            if hadTarget { try? move(old.path, to: target) }
            throw error
        }
        if hadTarget { try? fm.removeItem(at: old) }
    }

    /// Removes the staged directory (after a failure).
    public func discard() {
        try? FileManager.default.removeItem(atPath: staging.path)
    }

    private func move(_ from: String, to: String) throws {
        guard rename(from, to) == 0 else {
            throw OutputError(path: from, what: "cannot move into \(to) the folder")
        }
    }
}
