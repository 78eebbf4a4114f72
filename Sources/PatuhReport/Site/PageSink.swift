import Foundation
import PatuhCore

/// Where the pages of a site go: files in the staging folder of a `SiteDirectory`, written
/// once each, without a flush per file (the staged site is flushed whole before it is put in
/// place, `SiteDirectory.commit`). A page whose fingerprint (`PageFingerprint`: what it is
/// rendered from) is the one the previous site's marker records, and whose file there is
/// still the file recorded, is carried over as a hard link without being rendered. Any other
/// page is rendered; when its bytes equal the same page of the previous site it is carried
/// over all the same; the comparison is of the bytes themselves, so a carried-over page is
/// exactly the page. The previous site is held open as a folder, so that the file compared is
/// the file linked even when another report puts a new site in its place meanwhile (the link
/// is checked by inode).
final class PageSink: @unchecked Sendable {
    let root: String
    /// The previous site's folder, open (-1: none).
    private let previous: Int32
    /// What every page's fingerprint starts from (nil: no page has one, all are rendered).
    private let site: PageFingerprint?
    /// The pages the previous site's marker lists.
    private let before: PageManifest
    private let lock = NSLock()
    private var folders: Set<String> = [""]
    private(set) var written = 0
    private(set) var carried = 0
    private(set) var rendered = 0
    private(set) var bytesOut = 0
    /// The pages of the new site, for its marker.
    private(set) var manifest = PageManifest()

    init(root: String, previous: String?, site: PageFingerprint? = nil) {
        self.root = root
        self.previous = previous.map { open($0, O_RDONLY | O_DIRECTORY) } ?? -1
        self.site = site
        before = self.previous >= 0 && site != nil ? PageManifest.load(site: self.previous) : PageManifest()
    }

    deinit { if previous >= 0 { close(previous) } }

    /// Puts the page at `path` that `render` makes from `context` with `template`: linked from
    /// the previous site when its fingerprint and file there are unchanged, else rendered.
    func put(_ path: String, template: String, context: [String: Any], render: () -> [UInt8]) throws {
        let fingerprint = site.flatMap {
            PageFingerprint.of(site: $0, template: template, path: path, context: context)
        }
        try put(path, fingerprint: fingerprint, render: render)
    }

    /// Puts the page at `path` rendered from `context` by `templates`: its context read once
    /// for both its fingerprint and its rendering, unless the previous site has the page (then
    /// the fingerprint alone first: the page is likely carried over without rendering).
    func put(_ path: String, template: String, context: [String: Any], templates: PageTemplates) throws {
        if before.entries[path] != nil {
            try put(path, template: template, context: context) { templates.render(template, context) }
            return
        }
        let page = PageFingerprint.read(context, names: templates.names, site: site, template: template, path: path)
        try put(path, fingerprint: page.fingerprint) { templates.render(template, value: page.value) }
    }

    /// Puts the page at `path` whose inputs `fingerprint` stands for (nil: unknown), which
    /// `render` makes.
    func put(_ path: String, fingerprint: PageFingerprint?, render: () -> [UInt8]) throws {
        if let fingerprint, let entry = before.entries[path], entry.fingerprint == fingerprint {
            try makeFolder(of: path)
            if let info = carryUnrendered(path, entry, to: root + "/" + path) {
                lock.lock()
                carried += 1
                bytesOut += Int(info.st_size)
                manifest.entries[path] = entry
                lock.unlock()
                return
            }
        }
        let bytes = render()
        let info = try put(path, bytes, counting: true)
        guard let fingerprint, let info else { return }
        lock.lock()
        manifest.entries[path] = PageManifest.Entry(fingerprint, info)
        lock.unlock()
    }

    /// Puts `bytes` at `path` (relative, `/`-separated) in the staged site.
    func put(_ path: String, _ bytes: [UInt8]) throws { try put(path, bytes, counting: false) }

    /// Puts `bytes` at `path`; returns the file's status (nil when it cannot be read back).
    @discardableResult
    private func put(_ path: String, _ bytes: [UInt8], counting: Bool) throws -> stat? {
        try makeFolder(of: path)
        let target = root + "/" + path
        var info = previous >= 0 ? carryOver(path, bytes, to: target) : nil
        let reused = info != nil
        if !reused { info = try Self.create(target, bytes) }
        lock.lock()
        if reused { carried += 1 } else { written += 1 }
        if counting { rendered += 1 }
        bytesOut += bytes.count
        lock.unlock()
        return info
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

    /// Links the previous site's `path` to `target` when it holds exactly `bytes`; its status.
    private func carryOver(_ path: String, _ bytes: [UInt8], to target: String) -> stat? {
        let fd = openat(previous, path, O_RDONLY | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, Self.holds(fd, info, bytes) else { return nil }
        return link(path, info, to: target) ? info : nil
    }

    /// Links the previous site's `path` to `target` when it is still the file `entry` records
    /// (not read: its fingerprint says what it holds); its status.
    private func carryUnrendered(_ path: String, _ entry: PageManifest.Entry, to target: String) -> stat? {
        var info = stat()
        guard fstatat(previous, path, &info, AT_SYMLINK_NOFOLLOW) == 0, entry.describes(info) else { return nil }
        return link(path, info, to: target) ? info : nil
    }

    /// Links the previous site's `path`, whose status is `info`, to `target`; false (and
    /// nothing left at `target`) when what got linked is another file (replaced meanwhile).
    private func link(_ path: String, _ info: stat, to target: String) -> Bool {
        guard linkat(previous, path, AT_FDCWD, target, 0) == 0 else { return false }
        var linked = stat()
        if lstat(target, &linked) == 0, linked.st_ino == info.st_ino, linked.st_dev == info.st_dev,
            linked.st_size == info.st_size, linked.st_mtim.tv_sec == info.st_mtim.tv_sec,
            linked.st_mtim.tv_nsec == info.st_mtim.tv_nsec
        {
            return true
        }
        unlink(target)  // not the file compared (replaced meanwhile): written instead
        return false
    }

    /// Whether the regular file open as `fd` holds exactly `bytes`.
    static func holds(_ fd: Int32, _ info: stat, _ bytes: [UInt8]) -> Bool {
        guard info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        return readExactly(fd, count: bytes.count) == bytes
    }

    /// The next `count` bytes of the file open as `fd`, or `nil` when it ends sooner or fails.
    static func readExactly(_ fd: Int32, count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var offset = 0
        let complete = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while offset < count, let base = buffer.baseAddress {
                let n = read(fd, base + offset, count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                offset += n
            }
            return true
        }
        return complete ? bytes : nil
    }

    /// A new file holding `bytes` (never through a link planted under its name); its status.
    @discardableResult
    static func create(_ path: String, _ bytes: [UInt8]) throws -> stat? {
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
        var info = stat()
        return fstat(fd, &info) == 0 ? info : nil
    }
}

/// What writing a site did: its warnings, and how many pages were written anew and how many
/// carried over unchanged from the previous site.
public struct SiteWriteResult: Sendable {
    public var diagnostics: [Diagnostic]
    public var pagesWritten: Int
    public var pagesCarried: Int
    /// Pages rendered from their template (the others were carried over without rendering,
    /// their fingerprint unchanged).
    public var pagesRendered: Int = 0
    /// Bytes of every page (written or carried over).
    public var pageBytes: Int
    /// The pages for the site's marker (`SiteDirectory.commit(pages:)`).
    public var manifest = PageManifest()
}
