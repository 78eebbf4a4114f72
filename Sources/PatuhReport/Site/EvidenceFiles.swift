import Foundation
import PatuhCore

/// Evidence files (photos, documents) copied into the site, so that the site works from its
/// own folder alone. A relative `href` resolves against the folder of the assessment file
/// that names it. Only a regular file inside that folder is copied: no symlink is followed
/// (anywhere on the way), nothing outside the folder is reached, nothing larger than the
/// limit, and only kinds a browser shows without running code (no HTML, no SVG).
struct EvidenceFiles: Sendable {
    /// Where each evidence reference's copy lives in the site, by assessment file and href.
    private(set) var copies: [String: String] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    static let allowedExtensions: Set<String> = [
        "jpg", "jpeg", "png", "gif", "webp", "heic", "pdf", "mp4", "m4a",
        "mp3", "txt", "csv", "doc", "docx", "xls", "xlsx", "odt", "ods"
    ]

    static func key(file: String, href: String) -> String { file + "\u{0}" + href }

    /// The site path of the copy of `href` named in `file`, if it was copied.
    func copy(file: String, href: String) -> String? { copies[Self.key(file: file, href: href)] }

    /// Copies every relative evidence file the round's assessments name into `evidence/`.
    mutating func collect(_ result: RoundResult, into out: OutputDirectory, limit: Int) {
        var byResolved: [String: String] = [:]
        var byContent: [String: String] = [:]
        var names: Set<String> = []
        for key in result.assessmentPositions.keys.sorted() {
            for a in result.assessments(key) {
                for r in a.remarks {
                    for e in r.evidence {
                        let href = Html.trimmed(e.href)
                        guard Html.safeHref(href) != nil, !href.lowercased().hasPrefix("http") else { continue }
                        let k = Self.key(file: a.location.file, href: e.href)
                        guard copies[k] == nil else { continue }
                        switch resolve(href, beside: a.location.file, limit: limit) {
                        case .success(let path):
                            if let done = byResolved[path] {
                                copies[k] = done
                                continue
                            }
                            do {
                                let data = try Self.read(path, limit: limit)
                                var hash = FNV1a()
                                hash.add(data)
                                // Named by content, not by place: the same inputs give the same
                                // site wherever they lie, and the same bytes are carried once.
                                let content = FNV1a.hex(hash.value) + "-\(data.count)"
                                if let done = byContent[content] {
                                    byResolved[path] = done
                                    copies[k] = done
                                    continue
                                }
                                let name = Self.siteName(for: path, contentHash: hash.value, taken: &names)
                                try out.write("evidence/" + name, data)
                                byResolved[path] = "evidence/" + name
                                byContent[content] = "evidence/" + name
                                copies[k] = "evidence/" + name
                            } catch {
                                diagnostics.append(
                                    .warning(
                                        a.location,
                                        id:
                                            "bukti \(href) (indikator \(r.indicatorID)) tidak dapat disalin: \((error as? Problem)?.indonesian ?? "\(error)"); ditampilkan sebagai teks",
                                        en:
                                            "evidence \(href) (indicator \(r.indicatorID)) could not be copied: \(error); shown as text"
                                    ))
                            }
                        case .failure(let problem):
                            diagnostics.append(
                                .warning(
                                    a.location,
                                    id:
                                        "bukti \(href) (indikator \(r.indicatorID)) \(problem.indonesian); ditampilkan sebagai teks, tanpa tautan",
                                    en:
                                        "evidence \(href) (indicator \(r.indicatorID)) \(problem.reason); shown as text, not linked"
                                ))
                        }
                    }
                }
            }
        }
    }

    struct Problem: Error {
        var reason: String
        var indonesian: String
    }

    /// The real path of `href` beside `file`, if it may be copied.
    func resolve(_ href: String, beside file: String, limit: Int) -> Result<String, Problem> {
        let folderURL = URL(fileURLWithPath: file).deletingLastPathComponent()
        guard let folder = Self.realPath(folderURL.path) else {
            return .failure(Problem(reason: "has no folder to resolve against", indonesian: "tidak punya folder acuan"))
        }
        let relative = href.removingPercentEncoding ?? href
        let parts = relative.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0 == ".." }) else {
            return .failure(
                Problem(
                    reason: "points outside the assessment file's folder",
                    indonesian: "menunjuk ke luar folder berkas penilaian"))
        }
        let lexical = ([folder] + parts.filter { $0 != "." }.map(String.init)).joined(separator: "/")
        var info = stat()
        guard lstat(lexical, &info) == 0 else {
            return .failure(
                Problem(
                    reason: "not found (looked for \(lexical))", indonesian: "tidak ditemukan (dicari di \(lexical))"))
        }
        // No symlink anywhere on the way: the real path is the path as written.
        guard Self.realPath(lexical) == lexical, info.st_mode & S_IFMT == S_IFREG else {
            return .failure(
                Problem(
                    reason:
                        "is not a regular file inside the assessment file's folder (a link or a folder is never copied)",
                    indonesian:
                        "bukan berkas biasa di dalam folder berkas penilaian (tautan atau folder tidak pernah disalin)")
            )
        }
        guard Int(info.st_size) <= limit else {
            return .failure(
                Problem(
                    reason: "is larger than \(limit / (1 << 20)) MB and is not copied",
                    indonesian: "lebih besar dari \(DecimalFormat.indonesian(limit / (1 << 20))) MB dan tidak disalin"))
        }
        let ext = (lexical as NSString).pathExtension.lowercased()
        guard Self.allowedExtensions.contains(ext) else {
            return .failure(
                Problem(
                    reason: "is a kind of file a site does not carry (.\(ext))",
                    indonesian: "berjenis berkas yang tidak dibawa situs (.\(ext))"))
        }
        return .success(lexical)
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// Reads a regular file without following a link, at most `limit` bytes.
    static func read(_ path: String, limit: Int) throws -> Data {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else {
            throw Problem(reason: String(cString: strerror(errno)), indonesian: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) <= limit else {
            throw Problem(
                reason: "not a regular file of at most \(limit) bytes",
                indonesian: "bukan berkas biasa berukuran paling besar \(DecimalFormat.indonesian(limit)) bita")
        }
        var data = Data(count: Int(info.st_size))
        let n = data.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
        guard n == Int(info.st_size) else {
            throw Problem(
                reason: "read \(n) of \(info.st_size) bytes",
                indonesian:
                    "terbaca \(DecimalFormat.indonesian(n)) dari \(DecimalFormat.indonesian(Int(info.st_size))) bita")
        }
        return data
    }

    /// A safe, unique name for the copy: letters, digits, `-`, `_` and one `.` before the
    /// extension, prefixed by a hash of the file's content (so that the site does not depend on
    /// where the inputs lie).
    static func siteName(for path: String, contentHash: UInt64, taken: inout Set<String>) -> String {
        let base = (path as NSString).lastPathComponent
        var safe = String(
            base.map { c -> Character in
                c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == ".") ? c : "-"
            })
        while safe.hasPrefix(".") { safe.removeFirst() }
        if safe.count > 60 { safe = String(safe.suffix(60)) }
        var name = String(FNV1a.hex(contentHash).prefix(8)) + "-" + safe
        var n = 2
        while !taken.insert(name).inserted {
            name = "\(n)-" + name
            n += 1
        }
        return name
    }
}

extension EvidenceFiles.Problem: CustomStringConvertible {
    var description: String { reason }
}
