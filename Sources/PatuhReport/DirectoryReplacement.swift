import Foundation

/// A directory written whole, then put in place of the one before it: files go into a
/// hidden staging directory beside the target, which replaces the target only when every
/// file is written. A failed or killed run leaves the previous directory as it was.
///
/// Replacements in one parent folder are serialised by a lock on that folder, so two runs
/// into one target each put their own whole directory in place, one after the other (the
/// later one wins), never a mix of both.
public struct DirectoryReplacement: Sendable {
    /// The directory being replaced.
    public let target: String
    /// Where the new contents are written until `commit()`.
    public let staging: OutputDirectory

    /// Prepares an empty staging directory for `target`, after cleaning up what killed runs
    /// left beside it (a previous directory moved aside is put back if the target is gone).
    public init(target: String) throws {
        self.target = target
        Self.recoverAbandoned(target: target)
        let staging = Self.sibling(target, "\(getpid()).partial")
        try? FileManager.default.removeItem(atPath: staging)
        self.staging = OutputDirectory(path: staging)
        try self.staging.prepare()
    }

    /// `.name.<suffix>` beside `target`.
    static func sibling(_ target: String, _ suffix: String) -> String {
        let url = URL(fileURLWithPath: target)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(suffix)").path
    }

    /// Puts the staged directory in place of the target (the old one is moved aside, then
    /// removed). `check` runs under the lock, just before the swap, on the target as it is then.
    public func commit(check: () throws -> Void = {}) throws {
        try Self.withParentLocked(target) {
            try check()
            let fm = FileManager.default
            let old = Self.sibling(target, "\(getpid()).old")
            try? fm.removeItem(atPath: old)
            var info = stat()
            let hadTarget = lstat(target, &info) == 0
            if hadTarget { try move(target, to: old) }
            do {
                try move(staging.path, to: target)
            } catch {
                if hadTarget { try? move(old, to: target) }
                throw error
            }
            if hadTarget { try? fm.removeItem(atPath: old) }
        }
    }

    /// Flushes everything written into the staging directory to the disk (one `syncfs` of
    /// its file system, instead of a flush per file), so that what is put in place is whole.
    public func flushStaging() throws {
        let fd = open(staging.path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else {
            throw ReplacementError(description: "cannot open \(staging.path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        #if os(Linux)
            guard linuxSyncfs(fd) == 0 else {
                throw ReplacementError(description: "cannot flush \(staging.path): \(String(cString: strerror(errno)))")
            }
        #else
            sync()
        #endif
    }

    /// Removes the staged directory (after a failure).
    public func discard() {
        try? FileManager.default.removeItem(atPath: staging.path)
    }

    private func move(_ from: String, to: String) throws {
        guard rename(from, to) == 0 else {
            throw ReplacementError(description: "cannot rename \(from) to \(to): \(String(cString: strerror(errno)))")
        }
    }

    /// Runs `body` holding an exclusive lock on the target's parent folder.
    static func withParentLocked<T>(_ target: String, _ body: () throws -> T) throws -> T {
        let parent = URL(fileURLWithPath: target).deletingLastPathComponent().path
        let fd = open(parent, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else {
            throw ReplacementError(description: "cannot open \(parent): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { break }  // no lock on this file system: go on without
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Staging and moved-aside directories of runs that no longer exist: a staging directory
    /// is removed; a moved-aside previous directory is put back when the target is missing
    /// (a run killed between its two renames), else removed.
    static func recoverAbandoned(target: String) {
        let url = URL(fileURLWithPath: target)
        let parent = url.deletingLastPathComponent().path
        let prefix = ".\(url.lastPathComponent)."
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: parent) else { return }
        try? withParentLocked(target) {
            for name in names.sorted() where name.hasPrefix(prefix) {
                let rest = name.dropFirst(prefix.count).split(separator: ".")
                guard rest.count == 2, let pid = Int32(rest[0]), ["partial", "old"].contains(rest[1]) else { continue }
                guard pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
                let path = (parent as NSString).appendingPathComponent(name)
                var info = stat()
                if rest[1] == "old" && lstat(target, &info) != 0 {
                    _ = rename(path, target)
                } else {
                    try? fm.removeItem(atPath: path)
                }
            }
        }
    }
}

/// A directory that could not be put in place, with the system's reason.
public struct ReplacementError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

#if os(Linux)
    /// glibc's `syncfs(2)`, declared only under _GNU_SOURCE, which the Glibc module leaves out.
    @_silgen_name("syncfs")
    private func linuxSyncfs(_ fd: Int32) -> Int32
#endif
