import Foundation

/// A phone's attachment as `import odk` may copy it: the submission names it, so it is
/// taken only when it is plainly an attachment (a media file's extension, no hidden name,
/// no path) and a regular file right beside the submission or in `media/` there, opened
/// without following a symbolic link, and not larger than `maxBytes`. Anything else (a
/// `.netrc` named as a photo, a link to `/etc/passwd`) is never read.
enum PhotoFile {
    static let maxBytes = 50 << 20
    static let extensions: Set<String> = [
        "jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "bmp",
        "mp4", "3gp", "m4a", "amr", "ogg", "mp3", "wav", "pdf"
    ]

    static func read(named name: String, beside directory: String) -> Data? {
        let ext = (name as NSString).pathExtension.lowercased()
        guard !name.isEmpty, !name.hasPrefix("."), !name.contains("/"), !name.contains("\u{0}"),
            extensions.contains(ext)
        else { return nil }
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
