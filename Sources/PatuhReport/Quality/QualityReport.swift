import PatuhCore

/// `qa.csv` and `qa.html`: the findings of `patuh check`, for the assessing body's own
/// quality control (never part of the published site).
public struct QualityReport: Sendable {
    public var findings: [QualityFinding]
    public var rubricID: String
    public var thresholds: QualityThresholds
    /// "id" or "en": the language of the page (the CSV's `detail` is English either way).
    public var lang: String

    public init(findings: [QualityFinding], rubricID: String, thresholds: QualityThresholds, lang: String) {
        self.findings = findings.sorted()
        self.rubricID = rubricID
        self.thresholds = thresholds
        self.lang = lang
    }

    /// One row per finding: where it is (`file`, `line`, `column`), what and whose.
    public var csv: CSVTable {
        CSVTable(
            header: ["finding", "file", "line", "column", "unit_id", "period", "value", "threshold", "detail"],
            rows: findings.map { f in
                [
                    .text(f.kind.rawValue), .text(f.location.file), .integer(f.location.line),
                    .integer(f.location.column),
                    .text(f.unitID), .text(f.period), Self.cell(f.value), Self.cell(f.threshold), .text(f.detail)
                ]
            })
    }

    /// A negative figure as a number (text starting with '-' would get the formula guard's quote).
    static func cell(_ text: String) -> CSVCell {
        if text.hasPrefix("-"), let v = Double(text) { return .number(v, decimals: 2) }
        return .text(text)
    }

    /// A page of its own: counts per kind, then every finding with its place.
    public var html: String {
        let id = lang == "id"
        func t(_ pair: (String, String)) -> String { XMLText.escaped(id ? pair.0 : pair.1) }
        func e(_ s: String) -> String { XMLText.escaped(s) }
        var counts: [QualityFindingKind: Int] = [:]
        for f in findings { counts[f.kind, default: 0] += 1 }
        var page = """
            <!DOCTYPE html>
            <html lang="\(id ? "id" : "en")">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>\(t(("Pemeriksaan mutu data", "Data quality check"))): \(e(rubricID))</title>
            <style>body{font-family:system-ui,sans-serif;margin:1rem;max-width:72rem}table{border-collapse:collapse;width:100%}
            td,th{border-bottom:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
            .note{background:#fff3cd;padding:.5rem;border-left:4px solid #b58100}code{word-break:break-all}</style>
            </head>
            <body>
            <h1>\(t(("Pemeriksaan mutu data", "Data quality check"))): \(e(rubricID))</h1>
            <p class="note">\(t(("Untuk pengendalian mutu internal lembaga penilai; jangan diterbitkan.",
                             "For the assessing body's own quality control; not for publication.")))</p>
            <table><thead><tr><th>\(t(("Temuan", "Finding")))</th><th>\(t(("Jumlah", "Count")))</th></tr></thead><tbody>

            """
        for kind in QualityFindingKind.allCases {
            page += "<tr><td>\(t(kind.title)) (<code>\(kind.rawValue)</code>)</td><td>\(counts[kind] ?? 0)</td></tr>\n"
        }
        page +=
            "</tbody></table>\n<p>" + t(("Ambang", "Thresholds")) + ": na &gt; \(thresholds.naShare), "
            + t(("perubahan nilai", "score change")) + " &gt; \(thresholds.scoreChange), "
            + t(("jawaban seragam minimal", "straight-lining from"))
            + " \(thresholds.straightLiningMinimum) unsur</p>\n"
        page +=
            "<table><thead><tr><th>\(t(("Temuan", "Finding")))</th><th>\(t(("Tempat", "Where")))</th><th>Unit</th>"
            + "<th>\(t(("Periode", "Period")))</th><th>\(t(("Nilai", "Value")))</th><th>\(t(("Keterangan", "Detail")))</th></tr></thead><tbody>\n"
        for f in findings {
            page +=
                "<tr><td>\(t(f.kind.title))</td><td><code>\(e(f.location.description))</code></td><td>\(e(f.unitID))</td>"
                + "<td>\(e(f.period))</td><td>\(e(f.value))</td><td>\(e(f.detail))</td></tr>\n"
        }
        return page + "</tbody></table>\n</body>\n</html>\n"
    }
}
