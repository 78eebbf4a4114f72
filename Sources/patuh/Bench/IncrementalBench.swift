import Foundation

/// The report re-run of `patuh bench`: a copy of the corpus made of hard links (the corpus
/// itself is never written), a full report of it, then one province's assessment file
/// replaced by a copy with one answer changed, and the report again into the same folder.
/// The second run writes only the pages whose bytes changed and links the rest from the
/// first site, and reads only the file that changed (the read cache, kept in the work
/// folder); its time against the first run's is the figure of issue 23. The answer is then
/// changed back and the report run again with `--no-cache`: the same re-run, every file read.
/// Holds the corpus; the rubric and the full report's row are the run's.
struct IncrementalBench {
    var me: String
    var corpus: String
    var work: String
    var files: CorpusFiles

    /// The three runs for `rubric`, their rows made from `full` (the full report's row).
    func run(rubric: String, full: BenchRow) throws -> [BenchRow] {
        let mirror = (work as NSString).appendingPathComponent("incremental-corpus")
        let out = (work as NSString).appendingPathComponent("incremental-\(rubric)")
        let fm = FileManager.default
        try? fm.removeItem(atPath: mirror)
        try? fm.removeItem(atPath: out)
        let cache = (work as NSString).appendingPathComponent("incremental-cache")
        try? fm.removeItem(atPath: cache)
        setenv("PATUH_CACHE_DIR", cache, 1)  // the children's read cache, never the user's
        defer { unsetenv("PATUH_CACHE_DIR") }
        try Self.linkTree(corpus, into: mirror)
        let arguments = [me, "report", "--rubric", rubric, mirror, "--out", out, "-q", "--cache"]
        let first = try ChildProcess.run(arguments)
        guard first.status <= 1 else {
            throw BenchError("report of \(mirror) exited \(first.status): \(first.stderr.suffix(500))")
        }
        let changed = try changeOneAnswer(mirror: mirror, rubric: rubric)
        let second = try ChildProcess.run(arguments)
        try changed.restore()
        let uncached = try ChildProcess.run(arguments + ["--no-cache"])
        var firstRow = full
        firstRow.phase = "  same, a copy (links), full"
        firstRow.run = first
        firstRow.outBytes = BenchCommand.folderBytes(out)
        firstRow.note = pages(first)
        var row = full
        row.phase = "  same, 1 province changed"
        row.run = second
        row.outBytes = firstRow.outBytes
        row.note =
            pages(second)
            + String(
                format: "; %.0f%% of the full run's wall time, %.0f%% of its CPU (%@)",
                100 * second.seconds / max(first.seconds, 1e-9),
                100 * second.cpuSeconds / max(first.cpuSeconds, 1e-9), changed.what)
        var uncachedRow = row
        uncachedRow.phase = "  same, changed back, --no-cache"
        uncachedRow.run = uncached
        uncachedRow.note =
            pages(uncached)
            + String(format: "; %.0f%% of the full run's wall time", 100 * uncached.seconds / max(first.seconds, 1e-9))
        try? fm.removeItem(atPath: mirror)
        return [firstRow, row, uncachedRow]
    }

    private func pages(_ run: ChildRun) -> String {
        "pages written \(run.figures["pages_written"] ?? 0), carried over \(run.figures["pages_carried"] ?? 0), "
            + "rendered \(run.figures["pages_rendered"] ?? 0); input files read \(run.figures["files_read"] ?? 0), "
            + "from the read cache \(run.figures["files_cached"] ?? 0)"
    }

    /// The same folders with every file a hard link to the corpus's.
    static func linkTree(_ source: String, into target: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: target, withIntermediateDirectories: true)
        guard let walk = fm.enumerator(atPath: source) else { throw BenchError("cannot read \(source)") }
        for case let path as String in walk {
            let from = (source as NSString).appendingPathComponent(path)
            let to = (target as NSString).appendingPathComponent(path)
            var info = stat()
            guard lstat(from, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                try fm.createDirectory(atPath: to, withIntermediateDirectories: true)
            } else if info.st_mode & S_IFMT == S_IFREG {
                guard link(from, to) == 0 else {
                    throw BenchError(
                        "cannot link \(from) to \(to): \(String(cString: strerror(errno))) (the work folder must be on the corpus's file system)"
                    )
                }
            }
        }
    }

    /// Replaces the first province's assessment file of the rubric (a two-digit code, holding
    /// assessments for the rubric) by a copy with its first answer of 3 made 2; says which
    /// file, and how to put the answer back.
    private func changeOneAnswer(mirror: String, rubric: String) throws -> (what: String, restore: () throws -> Void) {
        let candidates = ((files.groups["assessments \(rubric)"] ?? []) + (files.groups["assessments"] ?? [])).sorted()
            .filter { ($0 as NSString).lastPathComponent.count == 6 }
        for original in candidates {
            let relative = String(original.dropFirst(corpus.count).drop { $0 == "/" })
            let path = (mirror as NSString).appendingPathComponent(relative)
            guard var text = try? String(contentsOfFile: path, encoding: .utf8), text.contains("rubric=\"\(rubric)\""),
                let range = text.range(of: "value=\"3\"")
            else { continue }
            let before = text
            text.replaceSubrange(range, with: "value=\"2\"")
            // A new file in place of the link: the corpus's own file stays as it was.
            try FileManager.default.removeItem(atPath: path)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return ("\(relative): one answer 3 → 2", { try Data(before.utf8).write(to: URL(fileURLWithPath: path)) })
        }
        throw BenchError("no province assessment file for \(rubric) with an answer to change")
    }
}
