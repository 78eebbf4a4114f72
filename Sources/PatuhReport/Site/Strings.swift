import Foundation
import PatuhCore

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
    var all: WordTable { lang == "en" ? Self.englishWords : Self.indonesianWords }

    private static let indonesianWords = WordTable(indonesian)
    private static let englishWords = WordTable(english)

    var decimal: String { lang == "id" ? "," : "." }

    /// A score as written in prose: 87,28 in Indonesian, 87.28 in English.
    func number(_ x: Double?) -> String {
        guard let x else { return "–" }
        return DecimalFormat.fixed(x, decimals: 2, decimalSeparator: decimal)
    }

    /// A weight or factor as the rubric wrote it, with the language's decimal mark (0,111).
    func weight(_ x: Double) -> String { DecimalFormat.weight(x, decimalSeparator: decimal) }

    /// A whole number with the language's thousands mark (20.000 / 20,000).
    func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += lang == "id" ? "." : "," }
            out.append(c)
        }
        return (n < 0 ? "−" : "") + out
    }

    /// A share as a whole percentage: 60%.
    func percent(_ part: Int, of whole: Int) -> String {
        whole > 0 ? "\(Int((Double(part) * 100 / Double(whole)).rounded()))%" : "–"
    }

    /// A signed change: +3,10 / −1,25.
    func change(_ x: Double?) -> String {
        guard let x else { return "" }
        let cents = Rounding.cents(x)
        return cents > 0 ? "+" + number(x) : (cents < 0 ? "−" + number(-x) : number(0))
    }

    /// A unit type as a reader knows it ("Puskesmas", "Tenant MPP").
    func unitType(_ type: UnitType) -> String { self["type-" + type.rawValue] }

    /// A date as written in text: 28 November 2026 (Indonesian and English month names).
    func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return self.date(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1)
    }

    func date(year: Int, month: Int, day: Int) -> String {
        let months =
            lang == "id"
            ? [
                "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
                "November", "Desember"
            ]
            : [
                "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December"
            ]
        return "\(day) \(months[max(0, min(11, month - 1))]) \(year)"
    }

    /// An ISO date from an input (2023-07-14) in text, or the input as it is.
    func isoDate(_ text: String) -> String {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return text }
        return date(year: parts[0], month: parts[1], day: parts[2])
    }

    static let indonesian: [String: String] = [
        "home": "Beranda", "method": "Metode", "period": "Periode", "units": "Unit layanan", "regions": "Pemda",
        "score": "Nilai", "band": "Kategori", "zone": "Zona", "rank": "Peringkat", "change": "Perubahan",
        "region": "Wilayah", "unit": "Unit", "type": "Jenis", "filter": "Cari nama…", "downloads": "Unduh data (CSV)",
        "provinsi": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota", "kecamatan": "Kecamatan",
        "nasional": "Nasional",
        "zoneSplit": "Unit layanan di kelompok ini terlalu banyak untuk satu halaman: daftarnya per provinsi.",
        "headline": "Ringkasan", "zoneCounts": "Jumlah per kelompok", "ranking": "Peringkat",
        "hijau": "Hijau", "kuning": "Kuning", "merah": "Merah", "noZone": "Tanpa zona",
        "dimensions": "Poin per dimensi", "history": "Riwayat per periode", "subregions": "Kabupaten/kota",
        "ownUnits": "Unit layanan yang terdaftar di pemda ini", "indicators": "Indikator", "value": "Nilai jawaban",
        "level": "Arti nilai", "answered": "Menjawab",
        "answeredHelp": "Responden atau penilaian yang menjawab, dari seluruhnya", "legal": "Dasar hukum",
        "notes": "Catatan penilai", "evidence": "Bukti",
        "fixFirst": "Yang perlu diperbaiki lebih dulu", "pointsLost": "Poin hilang", "weight": "Bobot",
        "respondents": "Responden", "sample": "Kecukupan sampel", "required": "dibutuhkan", "met": "terpenuhi",
        "notMet": "tidak terpenuhi", "comments": "Saran dan keluhan responden",
        "breakdown": "Rincian per kelompok responden",
        "nrr": "Nilai rata-rata (NRR) per unsur", "na": "tidak berlaku", "missing": "tidak dijawab (dihitung minimum)",
        "basisChildren": "Nilai ini rata-rata nilai tenant di dalamnya.",
        "generated": "Dibuat dengan Patuh pada", "formula": "Cara menghitung", "bands": "Kategori dan ambang batas",
        "min": "Rentang", "service": "Layanan", "gender": "Jenis kelamin", "age": "Usia", "education": "Pendidikan",
        "occupation": "Pekerjaan", "noScore": "belum dinilai", "parent": "Induk",
        "otherIndicators": "Indikator", "legend": "Arti kategori", "allRegions": "Semua wilayah",
        "tenants": "Tenant di MPP ini", "assessed": "Yang dinilai", "assessor": "Penilai", "date": "Tanggal",
        "assessmentCount": "Jumlah penilaian yang dirata-ratakan", "between": "di antara",
        "and": "dan", "smallGroup": "kelompok kecil, tidak ditampilkan",
        "commentsMasked": "Alamat email, nomor telepon, dan NIK disamarkan.",
        "syntheticBanner":
            "DATA SINTETIS / SYNTHETIC DATA: semua nilai di situs ini dikarang untuk contoh, bukan hasil penilaian sebenarnya.",
        "reconstructedLine": "Butir penilaian rubrik ini disusun ulang, bukan instrumen resmi.", "why": "Penjelasan",
        "rubric": "Rubrik", "assessingBody": "Penilai", "dataSource": "Sumber data", "counts": "Cakupan",
        "assessments": "penilaian", "responses": "responden", "statusTitle": "Status rubrik",
        "changed": "berubah", "trend": "Tren", "periodPages": "Periode lain", "listOf": "Daftar",
        "total": "Total", "workedExample": "Contoh perhitungan", "dimension": "Dimensi", "fraction": "Capaian",
        "points": "Poin", "noResults": "Tidak ada hasil untuk rubrik ini pada periode ini di data masukan.",
        "scale": "skala", "higherBetter": "Makin tinggi makin baik.", "rankOf": "dari", "within": "di",
        "type-opd": "Perangkat daerah", "type-mpp": "Mal Pelayanan Publik", "type-mpp-tenant": "Tenant MPP",
        "type-puskesmas": "Puskesmas", "type-rsud": "RSUD", "type-kecamatan": "Kecamatan", "type-other": "Lainnya",
        "group-service": "Layanan", "group-gender": "Jenis kelamin", "group-age": "Usia",
        "group-education": "Pendidikan",
        "group-occupation": "Pekerjaan", "value-L": "Laki-laki", "value-P": "Perempuan",
        "skipLink": "Langsung ke isi", "whatItMeans": "Arti", "status-official": "resmi",
        "status-reconstructed": "disusun ulang"
    ]

    static let english: [String: String] = [
        "home": "Home", "method": "Method", "period": "Period", "units": "Service units",
        "regions": "Local governments",
        "score": "Score", "band": "Category", "zone": "Zone", "rank": "Rank", "change": "Change",
        "region": "Region", "unit": "Unit", "type": "Type", "filter": "Filter by name…",
        "downloads": "Download data (CSV)",
        "provinsi": "Province", "kabupaten": "Regency", "kota": "City", "kecamatan": "District", "nasional": "National",
        "zoneSplit": "This group has too many service units for one page: they are listed per provinsi.",
        "headline": "Headline", "zoneCounts": "Count per group", "ranking": "Ranking",
        "hijau": "Green", "kuning": "Yellow", "merah": "Red", "noZone": "No zone",
        "dimensions": "Points per dimension", "history": "History by period", "subregions": "Regencies and cities",
        "ownUnits": "Service units registered in this government", "indicators": "Indicators", "value": "Answer",
        "level": "What it means", "answered": "Answered",
        "answeredHelp": "Respondents or assessments that answered, of all", "legal": "Legal basis",
        "notes": "Assessor notes", "evidence": "Evidence",
        "fixFirst": "What to fix first", "pointsLost": "Points lost", "weight": "Weight",
        "respondents": "Respondents", "sample": "Sample size", "required": "required", "met": "met",
        "notMet": "not met", "comments": "Respondents' suggestions and complaints",
        "breakdown": "Breakdown by respondent group",
        "nrr": "Mean per item (NRR)", "na": "not applicable", "missing": "not answered (counted as minimum)",
        "basisChildren": "This score is the mean of the tenants inside it.",
        "generated": "Made with Patuh on", "formula": "How the score is computed", "bands": "Categories and thresholds",
        "min": "Range", "service": "Service", "gender": "Gender", "age": "Age", "education": "Education",
        "occupation": "Occupation", "noScore": "not scored", "parent": "Parent",
        "otherIndicators": "Indicators", "legend": "What the categories mean", "allRegions": "All regions",
        "tenants": "Tenants of this MPP", "assessed": "What was assessed", "assessor": "Assessor", "date": "Date",
        "assessmentCount": "Assessments averaged", "between": "between",
        "and": "and", "smallGroup": "small group, not shown",
        "commentsMasked": "E-mail addresses, phone numbers and NIK are masked.",
        "syntheticBanner":
            "DATA SINTETIS / SYNTHETIC DATA: every score on this site is invented for illustration, not the result of a real assessment.",
        "reconstructedLine": "This rubric's items are a reconstruction, not the official instrument.",
        "why": "Explanation",
        "rubric": "Rubric", "assessingBody": "Assessed by", "dataSource": "Data source", "counts": "Coverage",
        "assessments": "assessments", "responses": "respondents", "statusTitle": "Status of this rubric",
        "changed": "changed", "trend": "Trend", "periodPages": "Other periods", "listOf": "List",
        "total": "Total", "workedExample": "Worked example", "dimension": "Dimension", "fraction": "Achieved",
        "points": "Points", "noResults": "The inputs hold no results for this rubric in this period.",
        "scale": "scale", "higherBetter": "Higher is better.", "rankOf": "of", "within": "in",
        "type-opd": "Government agency", "type-mpp": "Public service mall (MPP)", "type-mpp-tenant": "MPP tenant",
        "type-puskesmas": "Community health centre", "type-rsud": "Regional hospital",
        "type-kecamatan": "District office", "type-other": "Other",
        "group-service": "Service", "group-gender": "Gender", "group-age": "Age", "group-education": "Education",
        "group-occupation": "Occupation", "value-L": "Male", "value-P": "Female",
        "skipLink": "Skip to content", "whatItMeans": "Meaning", "status-official": "official",
        "status-reconstructed": "reconstructed"
    ]
}
