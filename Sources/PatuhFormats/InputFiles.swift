import Foundation
import PatuhCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds the XML files named on the command line.
///
/// Every path is either read or named as skipped: a folder is searched for `*.xml` (any
/// case); a symbolic link to a folder inside it is named, not followed (it may lead out of
/// the input, to `/etc`), while a folder named on the command line is read even through a
/// link; FIFOs, devices and sockets are
/// never opened; names that are not UTF-8, paths too long to open and hidden files named
/// like inputs are each reported. Hidden folders (`.git`) are not searched.
public enum InputFiles {
    /// Files as given, and directories searched recursively for `*.xml`; sorted and without
    /// repeats (the same file reached twice, by any path, counts once), so that the order
    /// they were named in never changes a result. A path that does not exist is an error;
    /// `excluding` directories (outputs) are never entered.
    public static func collect(_ paths: [String], excluding: [String] = []) -> (files: [String], problems: [Diagnostic])
    {
        var walk = Walk(excluded: Set(excluding.compactMap(FileIdentity.init(path:))))
        for path in paths { walk.visitNamed(path) }
        return (walk.files.sorted(), walk.problems)
    }

    /// What `path` leads to (device and inode, symbolic links followed), to tell whether two
    /// paths name the same file; `nil` when it does not exist.
    public static func identity(of path: String) -> AnyHashable? {
        FileIdentity(path: path).map(AnyHashable.init)
    }

    /// Whether `path` names a file or folder Patuh would read as input (`*.xml`, any case).
    static func isXMLName(_ name: String) -> Bool {
        let utf8 = name.utf8
        guard utf8.count > 4 else { return false }
        // An ASCII name (every name in a corpus of 50,000 files) is told by its last four
        // bytes, without making a lowercased copy.
        if utf8.allSatisfy({ $0 < 0x80 }) {
            let end = Array(utf8.suffix(4)).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            return end == Array(".xml".utf8)
        }
        return name.lowercased().hasSuffix(".xml")
    }

    static func normalize(_ path: String) -> String {
        var p = path
        while p.hasPrefix("./") { p.removeFirst(2) }
        while p.contains("//") { p = p.replacingOccurrences(of: "//", with: "/") }
        return p
    }
}

/// A file's identity on its device: the same file reached by two paths has one.
struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    /// The identity of what `path` leads to (symbolic links followed), or `nil`.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

/// One search over the named paths.
private struct Walk {
    let excluded: Set<FileIdentity>
    var files: [String] = []
    var problems: [Diagnostic] = []
    /// Files already taken and folders already entered, by identity.
    var seenFiles: [FileIdentity: String] = [:]
    var enteredFolders = Set<FileIdentity>()

    init(excluded: Set<FileIdentity>) { self.excluded = excluded }

    mutating func visitNamed(_ given: String) {
        let path = InputFiles.normalize(given)
        var info = stat()
        guard stat(path, &info) == 0 else {
            var link = stat()
            if lstat(path, &link) == 0 {
                // A dangling or looping symlink: the reader gives the precise message.
                take(path, identity: nil)
            } else {
                skip(path, "berkas atau folder tidak ada", "no such file or directory", error: true)
            }
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: visitFolder(path, info, isXML: InputFiles.isXMLName(path), named: true)
        case S_IFREG: take(path, identity: FileIdentity(info))
        default: skipSpecial(path)
        }
    }

    /// A folder: the output folder is skipped; one named like an input is handed to the
    /// reader, which says it is a folder; a link to a folder met inside another is named,
    /// not followed; any other is entered.
    private mutating func visitFolder(_ path: String, _ info: stat, isXML: Bool, named: Bool) {
        let identity = FileIdentity(info)
        if excluded.contains(identity) {
            skip(
                path, "folder ini adalah folder keluaran (--out): tidak dibaca sebagai masukan",
                "this folder is the output folder (--out): it is not read as input")
        } else if isXML {
            take(path, identity: identity)
        } else if !named, isLink(path) {
            // A link in an input folder may lead anywhere (/etc): named, not followed.
            skip(
                path, "tautan simbolik ke folder; tidak diikuti (sebutkan folder itu sendiri untuk membacanya)",
                "a symbolic link to a folder; not followed (name the folder itself to read it)")
        } else {
            enter(path, identity: identity)
        }
    }

    private mutating func skipSpecial(_ path: String) {
        skip(
            path, "bukan berkas biasa (FIFO, soket atau perangkat); dilewati",
            "not a regular file (a FIFO, socket or device); skipped")
    }

    private mutating func take(_ path: String, identity: FileIdentity?) {
        if let identity {
            if let earlier = seenFiles[identity] {
                if earlier != path {
                    problems.append(
                        .warning(
                            SourceLocation(file: path), id: "berkas yang sama dengan \(earlier); dibaca sekali",
                            en: "the same file as \(earlier); read once"))
                }
                return
            }
            seenFiles[identity] = path
        }
        files.append(path)
    }

    private mutating func skip(_ path: String, _ indonesian: String, _ reason: String, error: Bool = false) {
        let location = SourceLocation(file: path)
        problems.append(
            error ? .error(location, id: indonesian, en: reason) : .warning(location, id: indonesian, en: reason))
    }

    private mutating func enter(_ directory: String, identity: FileIdentity) {
        guard enteredFolders.insert(identity).inserted else { return }  // a link back up: once
        guard let dir = opendir(directory) else {
            skip(
                directory, "folder tidak dapat dibuka: \(String(cString: strerror(errno)))",
                "cannot open the folder: \(String(cString: strerror(errno)))", error: true)
            return
        }
        defer { closedir(dir) }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        // Entries are looked at relative to the open folder: the system need not walk the
        // whole path again for each of 50,000 files.
        let folder = dirfd(dir)
        for bytes in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            visitEntry(bytes, in: directory, folder: folder)
        }
    }

    private func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    private mutating func visitEntry(_ bytes: [UInt8], in directory: String, folder: Int32) {
        let lossy = String(decoding: bytes, as: UTF8.self)
        let display = directory.hasSuffix("/") ? directory + lossy : directory + "/" + lossy
        guard let name = String(validating: bytes, as: UTF8.self) else {
            skip(
                display, "nama bukan UTF-8 sehingga tidak dapat disebut dalam keluaran; dilewati (ganti namanya)",
                "the name is not UTF-8, so it cannot be named in outputs; skipped (rename it)")
            return
        }
        let path = display
        if path.utf8.count >= Int(PATH_MAX) - 1 {
            skip(
                path, "jalurnya lebih dari \(PATH_MAX - 1) bita, tidak dapat dibuka sistem; dilewati",
                "the path is longer than \(PATH_MAX - 1) bytes, which the system cannot open; skipped")
            return
        }
        var info = stat()
        guard folder >= 0 ? fstatat(folder, name, &info, 0) == 0 : stat(path, &info) == 0 else {
            if InputFiles.isXMLName(name) { take(path, identity: nil) }  // dangling link: the reader names it
            return
        }
        let isXML = InputFiles.isXMLName(name)
        if name.hasPrefix(".") {
            if isXML {
                skip(
                    path, "berkas tersembunyi (namanya diawali '.'); dilewati: sebutkan berkas itu untuk membacanya",
                    "hidden file (its name starts with '.'); skipped: name it to read it")
            }
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: visitFolder(path, info, isXML: isXML, named: false)
        case S_IFREG: if isXML { take(path, identity: FileIdentity(info)) }
        default: if isXML { skipSpecial(path) }
        }
    }
}
