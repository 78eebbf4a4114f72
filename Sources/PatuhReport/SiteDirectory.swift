import Foundation

/// The folder `patuh report` writes: replaced whole by each report, and only when it is
/// empty or holds an earlier Patuh site (marked by `markerName`), so that a mistyped
/// `--out` never wipes someone's files.
public struct SiteDirectory: Sendable {
    /// The file that marks a folder as a site Patuh wrote.
    public static let markerName = ".patuh-site"
    static let markerText = "Written by patuh report. The next report into this folder replaces it whole.\n"

    let replacement: DirectoryReplacement

    /// Where the new site is written until `commit()`.
    public var staging: OutputDirectory { replacement.staging }

    /// The site being replaced, when `path` holds one: pages that come out the same are
    /// carried over from it by hard link (`SiteBuilder.write(to:carryingOverFrom:)`).
    public let previous: String?

    /// Checks `path` (see `check`), then prepares a staging folder beside it.
    public init(path: String) throws {
        try Self.check(path)
        replacement = try DirectoryReplacement(target: path)
        var info = stat()
        previous = lstat(path + "/" + Self.markerName, &info) == 0 ? path : nil
    }

    /// Whether `path` may be replaced: absent, an empty folder, or a folder holding the
    /// marker. Otherwise a refusal naming the path and what is in it.
    public static func check(_ path: String) throws(SiteRefusal) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw SiteRefusal(
                description: "--out \(path) is not a folder: give a folder for the site (it is replaced whole)",
                indonesian: "--out \(path) bukan folder: berikan folder untuk situs (folder itu diganti utuh)")
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            let reason = String(cString: strerror(errno))
            throw SiteRefusal(
                description: "--out \(path) cannot be read: \(reason)",
                indonesian: "--out \(path) tidak dapat dibaca: \(reason)")
        }
        if names.isEmpty || names.contains(markerName) { return }
        let shown = names.sorted().prefix(3).joined(separator: ", ")
        throw SiteRefusal(
            description: "--out \(path) holds files Patuh did not write (\(shown)\(names.count > 3 ? ", …" : "")); "
                + "a report replaces its folder whole, so give an empty or new folder, or one an earlier report wrote",
            indonesian:
                "--out \(path) berisi berkas yang tidak ditulis Patuh (\(shown)\(names.count > 3 ? ", …" : "")); "
                + "laporan mengganti foldernya utuh, jadi berikan folder kosong atau baru, atau folder yang ditulis laporan sebelumnya"
        )
    }

    /// Writes the marker (with `pages`, what the next report needs to carry pages over
    /// without rendering them) and puts the staged site in place of the folder, checking the
    /// folder again just before (another program may have written there meanwhile).
    public func commit(pages: PageManifest = PageManifest()) throws {
        try staging.write(Self.markerName, Self.markerText + (pages.entries.isEmpty ? "" : pages.text))
        // Pages are written without a flush each: the site is flushed once, whole, before the swap.
        try replacement.flushStaging()
        try replacement.commit(check: { try Self.check(replacement.target) })
    }

    /// Removes the staged site (after a failure); the folder stays as it was.
    public func discard() { replacement.discard() }
}

/// Why a report will not write into a folder.
public struct SiteRefusal: Error, CustomStringConvertible, Sendable {
    /// The reason in English.
    public var description: String
    /// The reason in Indonesian.
    public var indonesian: String
}
