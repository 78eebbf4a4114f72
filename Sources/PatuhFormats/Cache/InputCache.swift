import Foundation
import PatuhCore
import Synchronization

/// The read cache of one output folder, in one file of the user's cache folder
/// (`location(forOutput:)`): for each assessment and survey file read, what reading it gave,
/// under the file's identity (device, inode, size, modification and change times in
/// nanoseconds, as git's index keeps them), and, for the whole file, what else decides how
/// files are read (the rubric's, registry's and schemas' bytes, what the run uses, `--strict`,
/// the build of Patuh, and what the caller adds).
///
/// A cache file that is missing, from another build or context, truncated or corrupt is not
/// used (each record carries its checksum); one that cannot be written is not written. The
/// new cache is written beside the old one and renamed over it at `finish()`: it holds the
/// files of this run only, whether read or taken from the old cache.
public final class InputCache: ReadCache {
    /// The cache file.
    public let path: String
    /// Added to what decides how files are read (`--period`, say).
    let salt: String
    /// A file modified less than this before it was read is not kept: within the file
    /// system's clock tick, a second change would leave its times as they were.
    let racyWindow: Int64
    private let current = Mutex<(context: ReadContext, session: CacheSession)?>(nil)

    /// A cache kept in the file at `path`; `salt` joins the context of every session.
    public init(path: String, salt: String = "", racyWindow: Duration = .seconds(1)) {
        self.path = path
        self.salt = salt
        let (seconds, attoseconds) = racyWindow.components
        self.racyWindow = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    /// The cache file for the output folder `out`: `$PATUH_CACHE_DIR`, else
    /// `$XDG_CACHE_HOME/patuh`, else `~/.cache/patuh`, one file per output folder (named
    /// after its absolute path); `nil` when there is no such folder, or it lies inside `out`
    /// (a site is published whole).
    public static func location(forOutput out: String, environment: [String: String]) -> String? {
        let folder: String
        if let dir = environment["PATUH_CACHE_DIR"], !dir.isEmpty {
            folder = dir
        } else if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            folder = (xdg as NSString).appendingPathComponent("patuh")
        } else if let home = environment["HOME"], !home.isEmpty {
            folder = (home as NSString).appendingPathComponent(".cache/patuh")
        } else {
            return nil
        }
        let output = absolute(out)
        let cacheFolder = absolute(folder)
        if cacheFolder == output || cacheFolder.hasPrefix(output.hasSuffix("/") ? output : output + "/") { return nil }
        return (cacheFolder as NSString).appendingPathComponent("reads-\(FNV1a.hex(FNV1a.hash(output))).cache")
    }

    /// `path` made absolute, with `.` and `..` resolved and links followed where it exists.
    static func absolute(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        return url.resolvingSymlinksInPath().path
    }

    public func session(for context: ReadContext) -> (any ReadCacheSession)? {
        current.withLock { current -> (any ReadCacheSession)? in
            if let current, current.context == context { return current.session }
            current?.session.discard()
            let session = CacheSession(
                path: path, digest: digest(of: context), racyWindow: racyWindow)
            current = (context, session)
            return session
        }
    }

    /// Writes the new cache in place of the old one (if every record could be written) and
    /// frees what the session held; files read afterwards are not cached.
    public func finish() {
        let session = current.withLock { current in
            defer { current = nil }
            return current?.session
        }
        guard let session else { return }
        session.finish()
        lastFigures.withLock { $0 = session.figures }
    }

    /// Files taken from the cache and files read, in the last session.
    public var figures: (hits: Int, misses: Int) {
        current.withLock { $0?.session.figures } ?? lastFigures.withLock { $0 }
    }

    private let lastFigures = Mutex((hits: 0, misses: 0))

    /// What decides how this session's files are read, as one number.
    private func digest(of context: ReadContext) -> UInt64 {
        var h = FNV1a()
        let words = [
            "patuh-read-cache 1", Self.build, salt, context.instrument, "\(context.use)", "\(context.strict)",
            "\(context.alwaysValidates)"
        ]
        for word in words {
            h.add(word.utf8)
            h.add(0)
        }
        let schemas =
            ((try? FileManager.default.contentsOfDirectory(atPath: context.schemaDirectory)) ?? []).sorted().map {
                (context.schemaDirectory as NSString).appendingPathComponent($0)
            }
        for file in [context.rubricFile] + context.registryFiles + schemas {
            h.add(file.utf8)
            h.add(0)
            h.add(FileManager.default.contents(atPath: file) ?? Data("-".utf8))
            h.add(0)
        }
        return h.value
    }

    /// This build of Patuh: the running executable's identity (size and times), so that a
    /// rebuilt Patuh reads every file again.
    static let build: String = {
        guard let stamp = FileStamp(path: "/proc/self/exe") else { return "unknown" }
        return "\(stamp.size)-\(stamp.modified)-\(stamp.changed)-\(stamp.inode)"
    }()
}

/// A file's identity and times, as `stat` gives them.
struct FileStamp: Hashable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var changed: Int64

    init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        (self.device, self.inode, self.size, self.modified, self.changed) = (device, inode, size, modified, changed)
    }

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    }

    /// The wall clock now, in nanoseconds, as file times are kept.
    static var now: Int64 {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec)
    }
}
