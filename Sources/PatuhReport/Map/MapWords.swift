/// The map's own words (kept beside the map, out of the site's shared table).
enum MapWords {
    static func text(_ key: String, lang: String) -> String {
        (lang == "en" ? english : indonesian)[key] ?? key
    }

    static let indonesian: [String: String] = [
        "legend": "Keterangan peta", "mapTable": "Isi peta sebagai tabel", "onMap": "Di peta", "yes": "ya",
        "noBoundary": "tidak ada batas wilayah",
        "mapMissing": "Tidak tergambar di peta (tidak ada batas wilayah untuk kodenya)",
        "provinceCaption":
            "Peta kabupaten/kota %@, periode %@: warna dan arsiran menurut %@; klik wilayah untuk halamannya.",
        "indexCaption": "Peta kabupaten/kota, periode %@: warna dan arsiran menurut %@; klik wilayah untuk halamannya.",
        "byZone": "zona", "byBand": "kategori (huruf pada peta)"
    ]

    static let english: [String: String] = [
        "legend": "Map legend", "mapTable": "The map as a table", "onMap": "On the map", "yes": "yes",
        "noBoundary": "no boundary", "mapMissing": "Not drawn on the map (no boundary for its code)",
        "provinceCaption":
            "Map of the regencies and cities of %@, period %@, coloured and hatched by %@; select a region for its page.",
        "indexCaption":
            "Map of regencies and cities, period %@, coloured and hatched by %@; select a region for its page.",
        "byZone": "zone", "byBand": "category (letter on the map)"
    ]

    /// `text(key)` with each `%@` replaced in turn by `values`.
    static func format(_ key: String, lang: String, _ values: String...) -> String {
        var out = text(key, lang: lang)
        for value in values {
            guard let r = out.range(of: "%@") else { break }
            out.replaceSubrange(r, with: value)
        }
        return out
    }
}
