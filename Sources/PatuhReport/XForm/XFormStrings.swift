import PatuhCore

/// The form's own words (questions that do not come from the rubric), in both languages.
enum XFormStrings {
    static let languages: [(code: String, name: String)] = [("id", "Bahasa Indonesia (id)"), ("en", "English (en)")]

    static func text(_ key: String) -> LocalizedText {
        guard let pair = table[key] else { return LocalizedText(["id": key]) }
        return LocalizedText(["id": pair.0, "en": pair.1])
    }

    private static let table: [String: (String, String)] = [
        "region": ("Wilayah (provinsi/kabupaten/kota)", "Region (province/regency/city)"),
        "unit": ("Unit layanan", "Service unit"),
        "unit.hint": (
            "Kode unit di registri, mis. 1471-disdukcapil", "The unit's id in the registry, e.g. 1471-disdukcapil"
        ),
        "unit.constraint": (
            "Kode unit hanya berisi huruf, angka, dan . _ -", "A unit id has only letters, digits and . _ -"
        ),
        "period": ("Periode", "Period"),
        "period.hint": (
            "Tahun, mis. 2023, atau bagiannya: 2023-S1, 2023-Q2", "A year, e.g. 2023, or part of one: 2023-S1, 2023-Q2"
        ),
        "period.constraint": (
            "Periode: tahun empat angka, boleh diikuti -S1, -Q2, -07",
            "A period is a four-digit year, optionally followed by -S1, -Q2, -07"
        ),
        "assessor": ("Nama penilai atau tim penilai", "Assessor or assessment team"),
        "date.assessment": ("Tanggal kunjungan", "Date of the visit"),
        "date.survey": ("Tanggal pengisian", "Date"),
        "answer": ("Nilai", "Score"),
        "basis": ("Dasar hukum", "Legal basis"),
        "note": ("Catatan penilai (apa yang dilihat)", "Assessor's note (what was seen)"),
        "photo": ("Foto bukti", "Photo evidence"),
        "value.constraint": ("Nilai di luar rentang indikator", "The value is outside the indicator's range"),
        "text.constraint": ("Teks terlalu panjang", "The text is too long"),
        "service": ("Jenis layanan yang diterima", "Service received"),
        "respondent": ("Data responden", "About the respondent"),
        "gender": ("Jenis kelamin", "Gender"),
        "age": ("Umur (tahun)", "Age (years)"),
        "age.constraint": ("Umur 0 sampai 130 tahun", "Age from 0 to 130 years"),
        "education": ("Pendidikan terakhir", "Education"),
        "occupation": ("Pekerjaan utama", "Occupation"),
        "comment": ("Saran dan masukan untuk unit layanan ini", "Suggestions and comments for this service unit"),
        "group.assessment": ("Indikator", "Indicators"),
        "group.survey": ("Unsur pelayanan", "Service elements"),
        "title.survey": ("kuesioner pengguna layanan", "service users' questionnaire")
    ]
}
