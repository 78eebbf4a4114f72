import Foundation
import PatuhCore
import PatuhFormats
import PatuhReport

/// Writes one form's imported submissions as contract files, in a folder of their own
/// that replaces the one a previous import wrote.
struct ImportWriter {
    var out: String
    var result: ODKImport.FormResult

    /// Files written, and photos that could not be found.
    struct Written {
        var files = 0
        var diagnostics: [Diagnostic] = []
    }

    func write() throws -> Written {
        let form = result.form
        let replacement = try DirectoryReplacement(target: (out as NSString).appendingPathComponent(form.id))
        var written = Written()
        do {
            let note = "Imported by patuh import odk from form \(form.id) version \(form.version). "
                + "This folder is rewritten whole on each import: do not edit it by hand."
            switch form.kind {
            case .assessment:
                let assessments = result.kept.compactMap { s -> Assessment? in
                    if case .assessment(let a) = s.content { return a } else { return nil }
                }
                for (period, list) in Dictionary(grouping: assessments, by: \.period) {
                    let sorted = list.sorted { ($0.unitID, $0.date ?? "", $0.id) < ($1.unitID, $1.date ?? "", $1.id) }
                    try replacement.staging.write("\(period).xml", ContractXML.assessments(sorted, comment: note))
                    written.files += 1
                }
                written.diagnostics += copyPhotos(into: replacement.staging)
            case .survey:
                let responses = result.kept.compactMap { s -> SurveyResponse? in
                    if case .response(let r) = s.content { return r } else { return nil }
                }
                for (key, list) in Dictionary(grouping: responses, by: { [$0.period, $0.unitID] }) {
                    let (period, unit) = (key[0], key[1])
                    let sorted = list.sorted { ($0.date ?? "", $0.id) < ($1.date ?? "", $1.id) }
                    let xml = ContractXML.survey(id: surveyID(form.rubric.id, unit, period), rubric: form.rubric.id,
                                                 unit: unit, period: period, responses: sorted, comment: note)
                    try replacement.staging.write("\(period)/\(unit).xml", xml)
                    written.files += 1
                }
            }
            try replacement.commit()
        } catch {
            replacement.discard()
            throw error
        }
        return written
    }

    /// A survey file's id, so that the same imported file read twice counts once.
    private func surveyID(_ rubric: String, _ unit: String, _ period: String) -> String {
        let id = "odk-\(rubric)-\(unit)-\(period)"
        return ContractText.isID(id) ? id : "odk-" + FormIdentity.shortHash(id, digits: 16)
    }

    /// Copies each photo found beside its submission (or in a `media/` folder there) to
    /// where the assessment's evidence link points; one warning per submission for the rest.
    private func copyPhotos(into staging: OutputDirectory) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for submission in result.kept where !submission.photos.isEmpty {
            guard let source = result.sourceFiles[submission.id] else { continue }
            let directory = (source as NSString).deletingLastPathComponent
            var missing: [String] = []
            for photo in submission.photos {
                guard let data = PhotoFile.read(named: photo.file, beside: directory.isEmpty ? "." : directory) else {
                    missing.append(photo.file)
                    continue
                }
                do {
                    try staging.write(photo.href.removingPercentEncoding ?? photo.href, data)
                } catch {
                    missing.append(photo.file)
                }
            }
            if !missing.isEmpty {
                problems.append(.warning(submission.location,
                    "\(Console.count(missing.count, "photo")) of submission uuid:\(submission.id) not copied (\(missing.joined(separator: ", "))): only image, audio, video or PDF files (at most \(PhotoFile.maxBytes >> 20) MB) lying beside the submission or in its media/ folder are copied, never a link or a hidden file; its evidence links point to \(result.form.id)/media/\(submission.id)/, where the photos belong"))
            }
        }
        return problems
    }
}

/// A phone's attachment as `import odk` may copy it: the submission names it, so it is
/// taken only when it is plainly an attachment (a media file's extension, no hidden name,
/// no path) and a regular file right beside the submission or in `media/` there, opened
/// without following a symbolic link, and not larger than `maxBytes`. Anything else (a
/// `.netrc` named as a photo, a link to `/etc/passwd`) is never read.
enum PhotoFile {
    static let maxBytes = 50 << 20
    static let extensions: Set<String> = ["jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "bmp",
                                          "mp4", "3gp", "m4a", "amr", "ogg", "mp3", "wav", "pdf"]

    static func read(named name: String, beside directory: String) -> Data? {
        let ext = (name as NSString).pathExtension.lowercased()
        guard !name.isEmpty, !name.hasPrefix("."), !name.contains("/"), !name.contains("\u{0}"),
              extensions.contains(ext) else { return nil }
        for folder in [directory, (directory as NSString).appendingPathComponent("media")] {
            // The media/ folder itself must be a real folder, not a link out of the input.
            if folder != directory {
                var info = stat()
                guard lstat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
            }
            if let data = readRegular((folder as NSString).appendingPathComponent(name)) { return data }
        }
        return nil
    }

    private static func readRegular(_ path: String) -> Data? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) <= maxBytes else { return nil }
        var data = Data(count: Int(info.st_size))
        let n = data.withUnsafeMutableBytes { raw -> Int in
            guard let base = raw.baseAddress else { return 0 }
            var done = 0
            while done < raw.count {
                let r = Foundation.read(fd, base + done, raw.count - done)
                if r < 0 && errno == EINTR { continue }
                if r <= 0 { break }
                done += r
            }
            return done
        }
        return n == data.count ? data : nil
    }
}
