import Foundation
import PatuhCore

/// Opening a file for reading, with a clear message for every way that can fail.
enum InputFile {
    /// Reads a whole (small) file; rubrics and registries only.
    static func read(_ path: String, maxBytes: Int) throws(Rejection) -> Data {
        try check(path)
        // Refuse by size before reading, so a huge file costs nothing (the read below is
        // bounded too, in case the file grows in between).
        var st = stat()
        if stat(path, &st) == 0, Int(st.st_size) > maxBytes { throw tooLarge(path, maxBytes) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Rejection(.error(SourceLocation(file: path), .permissionDenied))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            throw Rejection(.error(SourceLocation(file: path), .cannotRead(reason: SystemError.current)))
        }
        guard data.count <= maxBytes else { throw tooLarge(path, maxBytes) }
        guard !data.isEmpty else { throw Rejection(.error(SourceLocation(file: path, line: 1, column: 1), .empty)) }
        return data
    }

    private static func tooLarge(_ path: String, _ maxBytes: Int) -> Rejection {
        Rejection(.error(SourceLocation(file: path), .tooLarge(megabytes: maxBytes / (1 << 20))))
    }

    /// Fails unless `path` is a regular file that can be opened.
    static func check(_ path: String) throws(Rejection) {
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw Rejection(.error(SourceLocation(file: path), .cannotOpen(reason: SystemError.current)))
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            throw Rejection(.error(SourceLocation(file: path), .isDirectory))
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw Rejection(.error(SourceLocation(file: path), .notRegularFile))
        }
        guard access(path, R_OK) == 0 else {
            throw Rejection(.error(SourceLocation(file: path), .permissionDenied))
        }
    }
}
