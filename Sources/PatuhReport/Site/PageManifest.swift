import Foundation

/// The pages of a site as its marker (`.patuh-site`) lists them for the next report: each
/// page's fingerprint (`PageFingerprint`) and its file's size, modification time and inode.
/// The next report links a page from this site without rendering it when the page's
/// fingerprint is the same and its file is still that file, untouched.
public struct PageManifest: Sendable {
    struct Entry: Sendable, Equatable {
        var fingerprint: PageFingerprint
        var size: Int64
        var seconds: Int64
        var nanoseconds: Int64
        var inode: UInt64

        init(_ fingerprint: PageFingerprint, _ info: stat) {
            self.fingerprint = fingerprint
            size = Int64(info.st_size)
            seconds = Int64(info.st_mtim.tv_sec)
            nanoseconds = Int64(info.st_mtim.tv_nsec)
            inode = UInt64(info.st_ino)
        }

        /// Whether `info` is of the file recorded: a regular file of that inode, size and time.
        func describes(_ info: stat) -> Bool {
            info.st_mode & S_IFMT == S_IFREG && UInt64(info.st_ino) == inode && Int64(info.st_size) == size
                && Int64(info.st_mtim.tv_sec) == seconds && Int64(info.st_mtim.tv_nsec) == nanoseconds
        }
    }

    var entries: [String: Entry] = [:]

    /// No pages.
    public init() {}

    static let heading =
        "\n# For the next report into this folder: each page's fingerprint, bytes, modification time\n"
        + "# and inode. A page whose fingerprint and file are unchanged is linked, not rendered again.\n"

    /// The lines the marker holds after its sentence (pages in path order; a path that
    /// would not fit on one line is left out, and is rendered again next time).
    var text: String {
        var out = Self.heading
        for path in entries.keys.sorted() where !path.utf8.contains(where: { $0 == 10 || $0 == 13 }) {
            guard let e = entries[path] else { continue }
            let nanos = String(e.nanoseconds)
            out +=
                "page \(e.fingerprint.hex) \(e.size) \(e.seconds).\(String(repeating: "0", count: max(0, 9 - nanos.count)) + nanos) \(e.inode) \(path)\n"
        }
        return out
    }

    /// The entries of a marker's text; lines that do not read are skipped (their pages are rendered).
    init(marker text: String) {
        for line in text.split(separator: "\n") where line.hasPrefix("page ") {
            let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: false)
            guard fields.count == 6, let fingerprint = PageFingerprint(hex: fields[1]), let size = Int64(fields[2]),
                let inode = UInt64(fields[4]), !fields[5].isEmpty
            else { continue }
            let time = fields[3].split(separator: ".", omittingEmptySubsequences: false)
            guard time.count == 2, time[1].utf8.count == 9, let seconds = Int64(time[0]),
                let nanoseconds = Int64(time[1])
            else { continue }
            var info = stat()
            info.st_size = off_t(size)
            info.st_mtim.tv_sec = Int(seconds)
            info.st_mtim.tv_nsec = Int(nanoseconds)
            info.st_ino = ino_t(inode)
            entries[String(fields[5])] = Entry(fingerprint, info)
        }
    }

    /// The manifest in the marker of the site open as the folder `folder` (empty when it has none).
    static func load(site folder: Int32) -> PageManifest {
        let fd = openat(folder, SiteDirectory.markerName, O_RDONLY | O_NOFOLLOW)
        guard fd >= 0 else { return PageManifest() }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size < 1 << 30 else {
            return PageManifest()
        }
        guard let bytes = PageSink.readExactly(fd, count: Int(info.st_size)) else { return PageManifest() }
        return PageManifest(marker: String(decoding: bytes, as: UTF8.self))
    }
}
