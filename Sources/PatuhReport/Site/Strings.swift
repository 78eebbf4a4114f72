/// The report's words in Bahasa Indonesia (default) and English.
struct Strings: Sendable {
    let lang: String
    private let table: [String: String]

    init(lang: String) {
        self.lang = lang == "en" ? "en" : "id"
        table = self.lang == "en" ? Self.english : Self.indonesian
    }

    subscript(key: String) -> String { table[key] ?? key }

    /// Every word, for templates (`{{t.key}}`).
    var all: [String: String] { table }

    /// A score as written in prose: 87,28 in Indonesian, 87.28 in English.
    func number(_ x: Double?) -> String {
        guard let x else { return "–" }
        return NumberFormat.fixed(x, decimals: 2, decimalSeparator: lang == "id" ? "," : ".")
    }

    /// A signed change: +3,10 / −1,25.
    func change(_ x: Double?) -> String {
        guard let x else { return "" }
        let cents = Rounding.cents(x)
        return cents > 0 ? "+" + number(x) : (cents < 0 ? "−" + number(-x) : number(0))
    }

    static let indonesian: [String: String] = [
        "home": "Beranda", "method": "Metode", "period": "Periode", "units": "Unit layanan", "regions": "Pemda",
        "score": "Nilai", "band": "Kategori", "zone": "Zona", "rank": "Peringkat", "change": "Perubahan",
        "region": "Wilayah", "unit": "Unit", "type": "Jenis", "filter": "Cari nama…", "downloads": "Unduh data (CSV)",
        "provinsi": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota", "kecamatan": "Kecamatan", "nasional": "Nasional",
        "headline": "Ringkasan", "zoneCounts": "Jumlah per zona", "ranking": "Peringkat",
        "hijau": "Hijau", "kuning": "Kuning", "merah": "Merah", "noZone": "Tanpa zona",
        "dimensions": "Poin per dimensi", "history": "Riwayat", "subregions": "Kabupaten/kota",
        "ownUnits": "Unit layanan pemda ini", "indicators": "Indikator", "value": "Nilai jawaban",
        "level": "Arti nilai", "legal": "Dasar hukum", "notes": "Catatan penilai", "evidence": "Bukti",
        "fixFirst": "Yang perlu diperbaiki lebih dulu", "pointsLost": "Poin hilang", "weight": "Bobot",
        "respondents": "Responden", "sample": "Kecukupan sampel", "required": "dibutuhkan", "met": "terpenuhi",
        "notMet": "tidak terpenuhi", "comments": "Saran dan keluhan responden", "breakdown": "Rincian",
        "nrr": "NRR per unsur", "na": "tidak berlaku", "missing": "tidak dijawab (dihitung minimum)",
        "basisChildren": "Nilai ini rata-rata nilai unit di dalamnya (tenant MPP).",
        "generated": "Dibuat dengan Patuh", "synthetic": "",
        "formula": "Rumus", "bands": "Kategori dan zona", "min": "Mulai dari",
        "service": "Layanan", "gender": "Jenis kelamin", "age": "Usia", "education": "Pendidikan",
        "occupation": "Pekerjaan", "noScore": "belum dinilai", "parent": "Induk",
    ]

    static let english: [String: String] = [
        "home": "Home", "method": "Method", "period": "Period", "units": "Service units", "regions": "Local governments",
        "score": "Score", "band": "Category", "zone": "Zone", "rank": "Rank", "change": "Change",
        "region": "Region", "unit": "Unit", "type": "Type", "filter": "Filter by name…", "downloads": "Download data (CSV)",
        "provinsi": "Province", "kabupaten": "Regency", "kota": "City", "kecamatan": "District", "nasional": "National",
        "headline": "Headline", "zoneCounts": "Count per zone", "ranking": "Ranking",
        "hijau": "Green", "kuning": "Yellow", "merah": "Red", "noZone": "No zone",
        "dimensions": "Points per dimension", "history": "History", "subregions": "Regencies and cities",
        "ownUnits": "This government's own service units", "indicators": "Indicators", "value": "Answer",
        "level": "What it means", "legal": "Legal basis", "notes": "Assessor notes", "evidence": "Evidence",
        "fixFirst": "What to fix first", "pointsLost": "Points lost", "weight": "Weight",
        "respondents": "Respondents", "sample": "Sample size", "required": "required", "met": "met",
        "notMet": "not met", "comments": "Respondents' suggestions and complaints", "breakdown": "Breakdown",
        "nrr": "Mean per item (NRR)", "na": "not applicable", "missing": "not answered (counted as minimum)",
        "basisChildren": "This score is the mean of the units inside it (MPP tenants).",
        "generated": "Made with Patuh", "synthetic": "",
        "formula": "Formula", "bands": "Categories and zones", "min": "From",
        "service": "Service", "gender": "Gender", "age": "Age", "education": "Education",
        "occupation": "Occupation", "noScore": "not scored", "parent": "Parent",
    ]
}

import PatuhCore
