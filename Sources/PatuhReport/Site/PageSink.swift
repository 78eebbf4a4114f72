import Foundation
import PatuhCore

/// Where the pages of a site go: files in the staging folder of a `SiteDirectory`, written
/// once each, without a flush per file (the staged site is flushed whole before it is put in
/// place, `SiteDirectory.commit`). A page whose bytes equal the same page of the previous
/// site is carried over as a hard link to that file instead of being written again; the
/// comparison is of the bytes themselves, so a carried-over page is exactly the page. The
/// previous site is held open as a folder, so that the file compared is the file linked even
/// when another report puts a new site in its place meanwhile (the link is checked by inode).
final class PageSink: @unchecked Sendable {
    let root: String
    /// The previous site's folder, open (-1: none).
    private let previous: Int32
    private let lock = NSLock()
    private var folders: Set<String> = [""]
    private(set) var written = 0
    private(set) var carried = 0
    private(set) var bytesOut = 0

    init(root: String, previous: String?) {
        self.root = root
        self.previous = previous.map { open($0, O_RDONLY | O_DIRECTORY) } ?? -1
    }

    deinit { if previous >= 0 { close(previous) } }

    /// Puts `bytes` at `path` (relative, `/`-separated) in the staged site.
    func put(_ path: String, _ bytes: [UInt8]) throws {
        try makeFolder(of: path)
        let target = root + "/" + path
        let reused = previous >= 0 && carryOver(path, bytes, to: target)
        if !reused { try Self.create(target, bytes) }
        lock.lock()
        if reused { carried += 1 } else { written += 1 }
        bytesOut += bytes.count
        lock.unlock()
    }

    func put(_ path: String, _ text: String) throws { try put(path, Array(text.utf8)) }

    private func makeFolder(of path: String) throws {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return }
        let folder = String(path[..<slash])
        lock.lock()
        let known = folders.contains(folder)
        lock.unlock()
        if known { return }
        try OutputDirectory.makeFolder(root + "/" + folder)
        lock.lock()
        folders.insert(folder)
        lock.unlock()
    }

    /// Links the previous site's `path` to `target` when it holds exactly `bytes`.
    private func carryOver(_ path: String, _ bytes: [UInt8], to target: String) -> Bool {
        let fd = openat(previous, path, O_RDONLY | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, Self.holds(fd, info, bytes), linkat(previous, path, AT_FDCWD, target, 0) == 0
        else {
            return false
        }
        var linked = stat()
        if lstat(target, &linked) == 0, linked.st_ino == info.st_ino, linked.st_dev == info.st_dev { return true }
        unlink(target)  // not the file compared (replaced meanwhile): written instead
        return false
    }

    /// Whether the regular file open as `fd` holds exactly `bytes`.
    static func holds(_ fd: Int32, _ info: stat, _ bytes: [UInt8]) -> Bool {
        guard info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        var old = [UInt8](repeating: 0, count: bytes.count)
        var offset = 0
        let complete = old.withUnsafeMutableBytes { buffer -> Bool in
            while offset < bytes.count, let base = buffer.baseAddress {
                let n = read(fd, base + offset, bytes.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                offset += n
            }
            return true
        }
        return complete && old == bytes
    }

    /// A new file holding `bytes` (never through a link planted under its name).
    static func create(_ path: String, _ bytes: [UInt8]) throws {
        var fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
        if fd < 0 && errno == EEXIST {  // a page written twice: the later one stands, as with a rename
            unlink(path)
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
        }
        guard fd >= 0 else { throw OutputError(path: path, what: "cannot create") }
        defer { close(fd) }
        var offset = 0
        try bytes.withUnsafeBytes { buffer in
            while offset < buffer.count, let base = buffer.baseAddress {
                let n = write(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw OutputError(path: path, what: "cannot write")
                }
                offset += n
            }
        }
    }
}

/// What writing a site did: its warnings, and how many pages were written anew and how many
/// carried over unchanged from the previous site.
public struct SiteWriteResult: Sendable {
    public var diagnostics: [Diagnostic]
    public var pagesWritten: Int
    public var pagesCarried: Int
    /// Bytes of every page (written or carried over).
    public var pageBytes: Int
}
