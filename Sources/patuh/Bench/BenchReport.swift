import Foundation
import PatuhFormats

/// One measured phase.
struct BenchRow {
    var phase: String
    var run: ChildRun
    /// Bytes of XML the phase reads through (files only sniffed are not counted).
    var bytes: Int
    var responses: Int?
    /// Summed `xmllint --stream --noout` time over the same files.
    var xmllint: Double
    var note = ""

    static func table(_ rows: [BenchRow]) -> String {
        var lines = [String(format: "%-28@ %8@ %8@ %9@ %10@ %8@ %11@ %6@", "phase", "wall s", "MB", "MB/s", "resp/s", "peak MB", "xmllint s", "ratio")]
        for r in rows {
            let mb = Double(r.bytes) / 1_048_576
            let perSecond = r.responses.map { String(format: "%.0f", Double($0) / r.run.seconds) } ?? "-"
            lines.append(String(format: "%-28@ %8.2f %8.1f %9.1f %10@ %8.1f %11.2f %6.2f  %@%@", r.phase, r.run.seconds, mb,
                                mb / r.run.seconds, perSecond, r.run.peakMB, r.xmllint, r.run.seconds / max(r.xmllint, 1e-9),
                                r.note, r.run.status == 0 ? "" : " (exit \(r.run.status))"))
        }
        return lines.joined(separator: "\n")
    }
}

/// The corpus's files sorted into the groups that each run reads in full.
struct CorpusFiles {
    var all: [String]
    /// "registry+assessments", and "surveys <rubric>" for each survey rubric.
    var groups: [String: [String]] = [:]
    private var sizes: [String: Int] = [:]

    init(directory: String) throws {
        all = InputFiles.collect([directory]).files
        for path in all {
            sizes[path] = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            let root = try? DocumentKind.sniffRoot(path)
            switch root?.kind {
            case .survey?: groups["surveys \(root?.rubric ?? "?")", default: []].append(path)
            case .rubric?: groups["rubrics", default: []].append(path)
            default: groups["registry+assessments", default: []].append(path)
            }
        }
    }

    /// Groups a score for `rubric` reads in full: every assessment (an assessment names its
    /// rubric inside), and the surveys made for that rubric. Other surveys are only sniffed.
    func groupsRead(by rubric: String) -> [String] {
        ["registry+assessments", "rubrics", "surveys \(rubric)"].filter { groups[$0] != nil }
    }

    func readFully(by rubric: String) -> [String] { groupsRead(by: rubric).flatMap { groups[$0] ?? [] } }

    func bytes(_ files: [String]) -> Int { files.reduce(0) { $0 + (sizes[$1] ?? 0) } }
}
