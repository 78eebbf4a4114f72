import ArgumentParser
import Foundation
import PatuhCore
import PatuhFormats

/// `patuh bench import`: `import odk` at several sizes, each a child process of its own, so
/// that its peak memory is its own; memory must not grow with the submissions (issue 15).
struct ImportBenchCommand: SizedBench {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Measure `patuh import odk` on generated SKM submissions (KoboToolbox exports) of several sizes.")

    @Option(help: "Numbers of submissions to import, comma-separated.")
    var counts: String = "2000,20000,200000"

    @Option(name: .customLong("per-file"), help: "Submissions in each generated export file (Kobo's API pages).")
    var perFile: Int = 1000

    static let workFolder = "patuh-bench-import"
    static let workHelp = "Working directory for the generated submissions and the outputs."
    static let repeatsHelp = "Runs of each size; the fastest time and the highest peak are shown."
    @OptionGroup var runs: SizedBenchOptions<Self>

    @OptionGroup var common: CommonOptions

    func run() throws {
        let rubric = try common.loader().readRubric(
            file: (try common.rubricsDirectory() as NSString).appendingPathComponent("skm-2017.xml"))
        guard let form = FieldForm(rubric: rubric, kind: .survey) else {
            throw BenchError("skm-2017 has no survey form")
        }
        let me = try BenchCommand.executable()
        let columns = ["submissions", "files", "MB of XML", "wall s", "submissions/s", "peak MB"]
        try table(columns, sizes: counts) { count in
            let input = (runs.work as NSString).appendingPathComponent("submissions-\(count)")
            let bytes = try generate(count, form: form, into: input)
            let out = (runs.work as NSString).appendingPathComponent("out-\(count)")
            let (best, peak) = try ChildProcess.fastest(
                of: runs.repeats, [me, "import", "odk", input, "--out", out, "-q"], clearing: out,
                what: "import of \(count) submissions")
            let files = (count + perFile - 1) / perFile
            return "| \(count) | \(files) | \(BenchCommand.mb(bytes)) | \(String(format: "%.2f", best.seconds)) | "
                + "\(Int(Double(count) / best.seconds)) | \(String(format: "%.1f", peak)) |"
        }
    }

    /// Writes `count` submissions as Kobo exports of `perFile` each; the bytes written.
    private func generate(_ count: Int, form: FieldForm, into directory: String) throws -> Int {
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var total = 0
        var next = 0
        var file = 0
        while next < count {
            var xml = "<root><count>\(count)</count><next/><previous/><results>\n"
            for i in next..<min(count, next + perFile) {
                let answers = (1...9).map { "<U\($0)>\((i * 7 + $0) % 4 + 1)</U\($0)>" }.joined()
                xml +=
                    "<data id=\"\(form.id)\" version=\"\(form.version)\"><unit>bench-\(i % 50)</unit><period>2023-S1</period>"
                    + "<date>2023-\(String(format: "%02d", i % 6 + 1))-\(String(format: "%02d", i % 28 + 1))</date>"
                    + "<all>\(answers)</all><respondent><gender>\(i % 2 == 0 ? "L" : "P")</gender><age>\(18 + i % 60)</age></respondent>"
                    + (i % 5 == 0 ? "<comment>Antrian panjang di loket \(i % 9)</comment>" : "")
                    + "<meta><instanceID>uuid:\(String(format: "%08x", i))-4e5f-8a9b-0c1d2e3f4a51</instanceID></meta></data>\n"
            }
            xml += "</results></root>\n"
            let path = (directory as NSString).appendingPathComponent(String(format: "export-%05d.xml", file))
            try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
            total += xml.utf8.count
            next += perFile
            file += 1
        }
        return total
    }
}
