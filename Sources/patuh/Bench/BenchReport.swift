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
    /// The same with `--schema`: libxml2 parsing and validating, as this phase does.
    var xmllintSchema: Double
    /// Bytes the phase wrote (its output folder).
    var outBytes = 0
    var note = ""

    /// Nanoseconds of wall time per byte read or written ("-" when there are none).
    static func perByte(_ seconds: Double, _ bytes: Int) -> String {
        bytes > 0 ? String(format: "%.2f", seconds * 1e9 / Double(bytes)) : "-"
    }

    static func table(_ rows: [BenchRow]) -> String {
        // Padded by hand: Foundation's %@ ignores a field width on Linux.
        func pad(_ s: String, _ n: Int, left: Bool = false) -> String {
            let fill = String(repeating: " ", count: max(0, n - s.count))
            return left ? s + fill : fill + s
        }
        let header = [
            pad("phase", 30, left: true), pad("wall s", 8), pad("MB", 8), pad("MB/s", 7), pad("resp/s", 9),
            pad("peak MB", 8), pad("xmllint s", 10), pad("ratio", 6), pad("+xsd s", 8), pad("ratio", 6),
            pad("ns/B in", 8), pad("ns/B out", 9)
        ].joined(separator: " ")
        var lines = [header]
        for r in rows {
            let mb = Double(r.bytes) / 1_048_576
            let perSecond = r.responses.map { String(format: "%.0f", Double($0) / r.run.seconds) } ?? "-"
            var line = [
                pad(r.phase, 30, left: true), pad(String(format: "%.2f", r.run.seconds), 8),
                pad(String(format: "%.1f", mb), 8), pad(String(format: "%.1f", mb / r.run.seconds), 7),
                pad(perSecond, 9), pad(String(format: "%.1f", r.run.peakMB), 8),
                pad(String(format: "%.2f", r.xmllint), 10),
                pad(String(format: "%.2f", r.run.seconds / max(r.xmllint, 1e-9)), 6),
                pad(String(format: "%.2f", r.xmllintSchema), 8),
                pad(String(format: "%.2f", r.run.seconds / max(r.xmllintSchema, 1e-9)), 6),
                pad(perByte(r.run.seconds, r.bytes), 8), pad(perByte(r.run.seconds, r.outBytes), 9)
            ].joined(separator: " ")
            if !r.note.isEmpty { line += "  " + r.note }
            if r.run.status != 0 { line += " (exit \(r.run.status))" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}

/// The corpus's files sorted into the groups that each run reads in full.
struct CorpusFiles {
    var all: [String]
    /// "registry", "rubrics", "assessments" (many to a file), and "assessments <rubric>" and
    /// "surveys <rubric>" for each rubric named on a file's root.
    var groups: [String: [String]] = [:]
    private var sizes: [String: Int] = [:]

    init(directory: String) throws {
        all = InputFiles.collect([directory]).files
        for path in all {
            sizes[path] = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            let root = try? DocumentKind.sniffRoot(path)
            switch root?.kind {
            case .survey?: groups["surveys \(root?.rubric ?? "?")", default: []].append(path)
            case .assessment?: groups["assessments \(root?.rubric ?? "?")", default: []].append(path)
            case .rubric?: groups["rubrics", default: []].append(path)
            case .registry?: groups["registry", default: []].append(path)
            case .followup?: groups["followup", default: []].append(path)
            default: groups["assessments", default: []].append(path)
            }
        }
    }

    /// The schema each group is validated against.
    static func schema(of group: String) -> String {
        switch group {
        case "rubrics": return "rubric.xsd"
        case "registry": return "registry.xsd"
        case "followup": return "followup.xsd"
        default: return group.hasPrefix("assessments") ? "assessment.xsd" : "survey.xsd"
        }
    }

    /// Groups a score for `rubric` reads in full: the assessments and surveys made for that
    /// rubric, and any `assessments` file (it names its rubrics inside). Files whose root
    /// names another rubric are only sniffed.
    func groupsRead(by rubric: String) -> [String] {
        ["registry", "rubrics", "assessments", "assessments \(rubric)", "surveys \(rubric)"].filter {
            groups[$0] != nil
        }
    }

    func readFully(by rubric: String) -> [String] { groupsRead(by: rubric).flatMap { groups[$0] ?? [] } }

    func bytes(_ files: [String]) -> Int { files.reduce(0) { $0 + (sizes[$1] ?? 0) } }
}
