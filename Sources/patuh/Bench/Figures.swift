import Foundation
import PatuhReport

/// Machine-readable figures of a run for `patuh bench`: when the environment names a file in
/// `PATUH_FIGURES`, the run appends one JSON object on one line to it as it exits (whatever its
/// exit status), so that bench never reads a human summary line. Without it, nothing is kept.
enum Figures {
    static let path = ProcessInfo.processInfo.environment["PATUH_FIGURES"]
    nonisolated(unsafe) private static var values: [String: Int] = [:]
    private static let lock = NSLock()
    nonisolated(unsafe) private static var registered = false

    /// Records `value` under `key` (a later value replaces an earlier one).
    static func note(_ key: String, _ value: Int) {
        guard path != nil else { return }
        lock.lock()
        defer { lock.unlock() }
        values[key] = value
        if !registered {
            registered = true
            atexit { Figures.flush() }
        }
    }

    /// The JSON line, keys sorted.
    static func line(_ values: [String: Int]) -> String {
        "{" + values.keys.sorted().map { "\"\($0)\":\(values[$0] ?? 0)" }.joined(separator: ",") + "}\n"
    }

    static func flush() {
        guard let path else { return }
        lock.lock()
        let text = line(values)
        lock.unlock()
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard fd >= 0 else { return }
        _ = text.withCString { write(fd, $0, strlen($0)) }
        close(fd)
    }

    /// The last line of a figures file, as numbers by key (what bench reads back).
    static func read(_ path: String) -> [String: Int] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
            let last = text.split(separator: "\n").last,
            let object = try? JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any]
        else { return [:] }
        return object.compactMapValues { ($0 as? NSNumber)?.intValue ?? ($0 as? Int) }
    }
}

/// What `patuh report` says about the pages of its site.
enum SiteFigures {
    static func report(_ written: SiteWriteResult, quiet: Bool) {
        Figures.note("pages_written", written.pagesWritten)
        Figures.note("pages_carried", written.pagesCarried)
        Figures.note("page_bytes", written.pageBytes)
        Figures.note("pages_rendered", written.pagesRendered)
        guard !quiet else { return }
        let total = written.pagesWritten + written.pagesCarried
        Console.error(
            Console.say(
                (
                    "situs: \(total) halaman, \(written.pagesWritten) ditulis, \(written.pagesCarried) dibawa tanpa perubahan dari situs sebelumnya (\(written.pagesRendered) dirender)",
                    "site: \(total) pages, \(written.pagesWritten) written, \(written.pagesCarried) carried over unchanged from the previous site (\(written.pagesRendered) rendered)"
                )))
    }
}
