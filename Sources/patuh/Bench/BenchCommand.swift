import ArgumentParser
import Foundation
import PatuhFormats
import PatuhSamples

/// `patuh bench`: the national-scale benchmark (issue 8). Each phase runs as a child
/// process of this same binary, so its wall time and peak memory are its own; beside each
/// run, `xmllint --stream --noout` reads the same files, as the floor to compare with.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        // For developers measuring a build: not in `patuh --help` (`patuh bench --help` still works).
        abstract: "Time validate, score and report on a national-scale corpus, beside xmllint --stream.",
        discussion: """
            Without --corpus, a corpus is generated first (patuh generate --provinces 38 \
            --units 47: about 25,000 units, assessments for two periods, and SKM surveys of \
            about --respondents respondents a unit and semester; 2350 gives some 5 million). \
            Build with -c release for figures worth quoting. `patuh bench import` measures \
            `patuh import odk` instead.
            """,
        shouldDisplay: false,
        subcommands: [ImportBenchCommand.self, ReportScaleBenchCommand.self])

    @Option(help: "An existing corpus to measure (default: generate one into --work).")
    var corpus: String?

    @Option(help: "Working directory for the generated corpus and the outputs.")
    var work: String = (NSTemporaryDirectory() as NSString).appendingPathComponent("patuh-bench")

    @Option(help: "Provinces of the generated corpus.")
    var provinces: Int = 38

    @Option(help: "Service units per kabupaten/kota of the generated corpus.")
    var units: Int = 47

    @Option(help: "Mean SKM respondents per surveyed unit and semester of the generated corpus.")
    var respondents: Int = 2350

    @Option(help: "Seed of the generated corpus.")
    var seed: UInt64 = 7

    @Option(help: "Rubrics to score, comma-separated.")
    var rubrics: String = "ombudsman-opini-2022,skm-2017"

    @Option(
        help:
            "Runs of each phase and of each xmllint measurement; the fastest is shown, with the highest peak memory of all runs (this VM's page cache is reclaimed within minutes, so single runs vary with what is cached)."
    )
    var repeats: Int = 1

    @Flag(help: "Skip the report phase.")
    var skipReport = false

    @Flag(help: "Skip the report re-run after one province's assessments changed.")
    var skipIncremental = false

    @Flag(help: "Skip the validate phase.")
    var skipValidate = false

    @Flag(help: "Also score with --threads 1 and check the CSV files are byte-identical.")
    var compareThreads = false

    @Flag(help: "Also score each rubric with --always-validate: what libxml2's validator on every survey costs.")
    var compareValidator = false

    @Flag(
        help:
            "Measure `patuh import sheet` instead: generated CSV (1,000 and 1,000,000 rows) and XLSX (1,000 and 200,000 rows) files, peak memory of each import."
    )
    var sheets = false

    func run() throws {
        let me = try Self.executable()
        if sheets { return try SheetBench(work: work).run(me: me) }
        // Checked first: a national corpus takes a while to generate, and the floor is the point.
        guard FileManager.default.isExecutableFile(atPath: Self.xmllintPath) else {
            throw BenchError(
                "\(Self.xmllintPath) not found: the benchmark measures xmllint beside Patuh (Debian: apt-get install libxml2-utils)"
            )
        }
        let corpus = try corpusDirectory()
        let rubricIDs = rubrics.split(separator: ",").map(String.init)
        let files = try CorpusFiles(directory: corpus)
        Console.error("corpus \(corpus): \(files.all.count) files, \(Self.mb(files.bytes(files.all))) MB")

        // The floor: xmllint over each group of files, summed; and again validating against
        // the group's schema, which every Patuh command does as it reads.
        let schemaDir = try schemaDirectory()
        let lint = try files.groups.mapValues { paths in try fastest { try Self.xmllint(paths) } }
        let lintSchema = try Dictionary(
            uniqueKeysWithValues: files.groups.map { group, paths in
                let schema = (schemaDir as NSString).appendingPathComponent(CorpusFiles.schema(of: group))
                return (group, try fastest { try Self.xmllint(paths, schema: schema) })
            })
        func floor(_ groups: [String]) -> (Double, Double) {
            (groups.reduce(0) { $0 + (lint[$1] ?? 0) }, groups.reduce(0) { $0 + (lintSchema[$1] ?? 0) })
        }
        var rows: [BenchRow] = []
        if !skipValidate {
            let validate = try measure([me, "validate", corpus, "-q"])
            let all = floor(Array(files.groups.keys))
            rows.append(
                BenchRow(
                    phase: "validate", run: validate, bytes: files.bytes(files.all), responses: nil,
                    xmllint: all.0, xmllintSchema: all.1))
        }
        var outputs: [String: String] = [:]
        for id in rubricIDs {
            let out = (work as NSString).appendingPathComponent("score-\(id)")
            outputs[id] = out
            let run = try measure([me, "score", "--rubric", id, corpus, "--out", out, "-q"])
            let read = files.readFully(by: id)
            let f = floor(files.groupsRead(by: id))
            rows.append(
                BenchRow(
                    phase: "score \(id)", run: run, bytes: files.bytes(read), responses: run.figures["responses"],
                    xmllint: f.0, xmllintSchema: f.1, outBytes: Self.folderBytes(out)))
            if compareValidator {
                let validated = try measure([
                    me, "score", "--always-validate", "--rubric", id, corpus, "--out", out + "-validated", "-q"
                ])
                rows.append(
                    BenchRow(
                        phase: "  same, --always-validate", run: validated, bytes: files.bytes(read),
                        responses: validated.figures["responses"], xmllint: f.0, xmllintSchema: f.1,
                        outBytes: Self.folderBytes(out + "-validated")))
            }
        }
        if !skipReport, let id = rubricIDs.first {
            let out = (work as NSString).appendingPathComponent("report-\(id)")
            let run = try measure([me, "report", "--rubric", id, corpus, "--out", out, "-q"], fresh: out)
            let index =
                (try? FileManager.default.attributesOfItem(
                    atPath: (out as NSString).appendingPathComponent("index.html"))[.size] as? Int) ?? nil
            var row = BenchRow(
                phase: "report \(id)", run: run, bytes: files.bytes(files.readFully(by: id)),
                responses: run.figures["responses"],
                xmllint: floor(files.groupsRead(by: id)).0, xmllintSchema: floor(files.groupsRead(by: id)).1,
                outBytes: Self.folderBytes(out))
            row.note = index.map { "index.html \(Self.mb($0)) MB" } ?? ""
            row.note += Self.largestPage(out)
            rows.append(row)
            // The same site without its maps: what the maps cost (issue 22 asks for at most 20%).
            let plain = try measure(
                [me, "report", "--no-maps", "--rubric", id, corpus, "--out", out + "-no-maps", "-q"],
                fresh: out + "-no-maps")
            var plainRow = BenchRow(
                phase: "  same, --no-maps", run: plain, bytes: row.bytes, responses: row.responses,
                xmllint: row.xmllint, xmllintSchema: row.xmllintSchema, outBytes: Self.folderBytes(out + "-no-maps"))
            plainRow.note =
                String(
                    format: "maps: wall %+.0f%%, CPU %.1f s vs %.1f s (%+.1f%%)",
                    100 * (run.seconds / max(plain.seconds, 0.001) - 1), run.cpuSeconds, plain.cpuSeconds,
                    100 * (run.cpuSeconds / max(plain.cpuSeconds, 0.001) - 1))
                + Self.largestPage(out + "-no-maps")
            rows.append(plainRow)
            // A re-run after one province's assessments changed: only the pages that changed are written.
            if !skipIncremental {
                rows += try IncrementalBench(me: me, corpus: corpus, work: work, files: files).run(
                    rubric: id, full: row)
            }
        }
        print(BenchRow.table(rows))
        for (group, seconds) in lint.sorted(by: { $0.key < $1.key }) {
            print(
                String(
                    format: "  xmllint --stream --noout over %d files (%@): %.2f s; with --schema %@: %.2f s",
                    files.groups[group]?.count ?? 0, group, seconds, CorpusFiles.schema(of: group),
                    lintSchema[group] ?? 0))
        }
        if rows.contains(where: { $0.run.status > 1 }) {
            for r in rows where r.run.status > 1 {
                Console.error("\(r.phase) exited \(r.run.status):\n\(r.run.stderr.suffix(2000))")
            }
            throw ExitCode(1)
        }
        if compareThreads { try compareOneThread(me: me, corpus: corpus, outputs: outputs) }
    }

    /// "; largest page unit/x.html 0.12 MB, 24,656 pages", from a report's output folder.
    static func largestPage(_ directory: String) -> String {
        let fm = FileManager.default
        guard let paths = fm.enumerator(atPath: directory) else { return "" }
        var largest = ("", 0)
        var count = 0
        for case let path as String in paths where path.hasSuffix(".html") {
            count += 1
            let size =
                (try? fm.attributesOfItem(atPath: (directory as NSString).appendingPathComponent(path))[.size] as? Int)
                ?? 0
            if size > largest.1 { largest = (path, size) }
        }
        return "; largest page \(largest.0) \(mb(largest.1)) MB of \(count) pages"
    }

    /// Runs a phase `repeats` times: the fastest run, with the highest peak of them all.
    /// `fresh`, a report's output folder, is moved aside before each run (so that no run carries
    /// pages over from the one before) and the old ones removed after the last: on this ext4
    /// (no journal), creating files right after 25,000 were deleted spent 10-16% of a report's
    /// time in the kernel's search for free inodes, a cost of the bench's delete, not of patuh.
    private func measure(_ arguments: [String], fresh: String? = nil) throws -> ChildRun {
        var aside: [String] = []
        defer { for folder in aside { try? FileManager.default.removeItem(atPath: folder) } }
        func once() throws -> ChildRun {
            if let fresh, FileManager.default.fileExists(atPath: fresh) {
                let old = fresh + ".old-\(aside.count)"
                try? FileManager.default.removeItem(atPath: old)
                if rename(fresh, old) == 0 {
                    aside.append(old)
                } else {
                    try? FileManager.default.removeItem(atPath: fresh)
                }
            }
            // Every file read, as a first run reads them: the read cache is for re-runs (IncrementalBench).
            return try ChildProcess.run(
                ["score", "report"].contains(arguments[1]) ? arguments + ["--no-cache"] : arguments)
        }
        var best = try once()
        for _ in 1..<max(1, repeats) {
            let again = try once()
            let peak = max(best.peakMB, again.peakMB)
            if again.seconds < best.seconds { best = again }
            best.peakMB = peak
        }
        return best
    }

    /// The least of `repeats` timings.
    private func fastest(_ time: () throws -> Double) throws -> Double {
        var best = try time()
        for _ in 1..<max(1, repeats) { best = min(best, try time()) }
        return best
    }

    /// Scores again with one thread and checks every CSV file is byte-identical.
    private func compareOneThread(me: String, corpus: String, outputs: [String: String]) throws {
        var same = true
        for (id, out) in outputs.sorted(by: { $0.key < $1.key }) {
            let single = out + "-threads1"
            let run = try ChildProcess.run([
                me, "score", "--threads", "1", "--rubric", id, corpus, "--out", single, "-q"
            ])
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).filter {
                $0.hasSuffix(".csv")
            }.sorted()
            for name in names {
                let a = FileManager.default.contents(atPath: (out as NSString).appendingPathComponent(name))
                let b = FileManager.default.contents(atPath: (single as NSString).appendingPathComponent(name))
                let identical = a != nil && a == b
                same = same && identical
                print(
                    String(
                        format: "  %@ %@: %@ (1 thread: %.2f s)", id, name,
                        identical ? "byte-identical with 1 thread" : "DIFFERS with 1 thread", run.seconds))
            }
        }
        if !same { throw ExitCode(1) }
    }

    private func corpusDirectory() throws -> String {
        if let corpus { return corpus }
        let dir = (work as NSString).appendingPathComponent("corpus")
        // The two Ombudsman rounds and SKM surveys the README's figures were measured on.
        let options = SampleOptions(
            seed: seed, provinces: provinces, units: units, respondents: respondents,
            periods: ["2022", "2023"], pekpppPeriods: [], skm2004Periods: [])
        let start = DispatchTime.now().uptimeNanoseconds
        let summary = try SampleGenerator(options: options).generate(into: dir)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        Console.error(
            String(
                format: "generated %d files (%d units, %d assessments, %d responses) in %.1f s",
                summary.files, summary.units, summary.assessments, summary.responses, seconds))
        return dir
    }

    /// This binary, so the phases measure the same build.
    static func executable() throws -> String {
        let path =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw BenchError("cannot find this executable")
        }
        return path
    }

    /// The schemas the children use: `Rubrics/schema` found the way the commands find it.
    private func schemaDirectory() throws -> String {
        let rubrics = try CommonOptions.parse([]).rubricsDirectory()
        return (rubrics as NSString).appendingPathComponent("schema")
    }

    static let xmllintPath = "/usr/bin/xmllint"

    /// `xmllint --stream --noout [--schema XSD]` over `files`, 500 to an invocation; the
    /// summed wall time.
    static func xmllint(_ files: [String], schema: String? = nil) throws -> Double {
        var total = 0.0
        var start = 0
        let options = [xmllintPath, "--stream", "--noout"] + (schema.map { ["--schema", $0] } ?? [])
        while start < files.count {
            let batch = Array(files[start..<min(start + 500, files.count)])
            let run = try ChildProcess.run(options + batch)
            guard run.status == 0 else { throw BenchError("xmllint failed (\(run.status)): \(run.stderr.prefix(500))") }
            total += run.seconds
            start += 500
        }
        return total
    }

    /// Bytes of every file under `directory` (what a phase wrote).
    static func folderBytes(_ directory: String) -> Int {
        guard let paths = FileManager.default.enumerator(atPath: directory) else { return 0 }
        var total = 0
        for case let path as String in paths {
            var info = stat()
            if lstat((directory as NSString).appendingPathComponent(path), &info) == 0, info.st_mode & S_IFMT == S_IFREG
            {
                total += Int(info.st_size)
            }
        }
        return total
    }

    static func mb(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }
}
