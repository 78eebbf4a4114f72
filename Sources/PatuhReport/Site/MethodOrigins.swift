import PatuhCore

/// What `metode.html` shows of where each part of the rubric comes from (docs/RUBRICS.md),
/// and the regulation's conversion table when the rubric carries one.
extension SiteBuilder {
    /// Words for origins and the conversion table, in the page's language.
    private var originWords: [String: String] {
        t.lang == "en"
            ? [
                "official": "official", "secondary": "secondary", "reconstructed": "reconstructed",
                "item": "item", "weight": "weight", "levels": "levels", "scale": "scale", "range": "range",
                "formula": "formula", "sources": "Sources and status",
                "conversion": "Conversion table", "perception": "Perception value", "nrr": "Interval (NRR)",
                "converted": "Converted interval", "mutu": "Service quality", "kinerja": "Unit performance",
                "summary":
                    "Each part says where it comes from: official (the regulation or the issuer's own document), secondary (other public sources), reconstructed (no source found: this rubric's stated choice, to be replaced when the official text is found).",
                "count": "Parts marked reconstructed", "qualifier": "Qualifier"
            ]
            : [
                "official": "resmi", "secondary": "sekunder", "reconstructed": "rekonstruksi",
                "item": "butir", "weight": "bobot", "levels": "arti nilai", "scale": "skala", "range": "rentang",
                "formula": "rumus", "sources": "Sumber dan status",
                "conversion": "Tabel konversi", "perception": "Nilai persepsi", "nrr": "Nilai interval (NRR)",
                "converted": "Nilai interval konversi", "mutu": "Mutu pelayanan", "kinerja": "Kinerja unit pelayanan",
                "summary":
                    "Setiap bagian menyebut asalnya: resmi (peraturan atau dokumen penerbit sendiri), sekunder (sumber publik lain), rekonstruksi (sumber tidak ditemukan: pilihan rubrik ini yang dinyatakan, diganti bila teks resmi ditemukan).",
                "count": "Bagian yang direkonstruksi", "qualifier": "Keterangan tambahan"
            ]
    }

    /// One origin list as the template reads it (`false` when empty, so sections disappear).
    func originsContext(_ origins: [Origin]) -> Any {
        guard !origins.isEmpty else { return false }
        let w = originWords
        return [
            "list": origins.map { o -> [String: Any] in
                [
                    "status": o.status.rawValue, "statusName": w[o.status.rawValue] ?? o.status.rawValue,
                    "part": w[o.part.rawValue] ?? o.part.rawValue, "source": o.source
                ]
            }
        ]
    }

    /// The method page's additions: words, the rubric's own origins, the reconstructed count,
    /// the qualifier and the conversion table.
    func methodOriginsContext() -> [String: Any] {
        let rubric = result.rubric
        let w = originWords
        var c: [String: Any] = [
            "ow": w, "rubricOrigins": originsContext(rubric.origins),
            "reconstructedCount": rubric.reconstructedParts.count
        ]
        if let q = rubric.qualifier {
            c["qualifier"] = [
                "id": q.id, "label": q.label.text(t.lang), "dimension": q.dimensionID,
                "origins": originsContext(q.origins)
            ]
        } else {
            c["qualifier"] = false
        }
        if let table = rubric.conversion {
            let bands = Dictionary(rubric.bands.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            c["conversion"] = [
                "origins": originsContext(table.origins),
                "rows": table.rows.map { r -> [String: Any] in
                    [
                        "perception": DecimalFormat.plain(r.perception),
                        "nrr": "\(t.plain(r.nrrMin)) – \(t.plain(r.nrrMax))",
                        "converted": "\(t.number(r.min)) – \(t.number(r.max))",
                        "mutu": r.bandID, "kinerja": bands[r.bandID]?.label.text(t.lang) ?? ""
                    ]
                }
            ]
        } else {
            c["conversion"] = false
        }
        return c
    }
}

extension Strings {
    /// A decimal as written in the rubric (up to 4 places), with the page's decimal mark.
    func plain(_ x: Double) -> String {
        // 1,00 and 2,60 as the regulation prints them; 2,5996 in full.
        let text =
            abs(x * 100 - (x * 100).rounded()) < 1e-9 ? DecimalFormat.fixed(x, decimals: 2) : DecimalFormat.weight(x)
        return lang == "id" ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}
