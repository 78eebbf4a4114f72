import ArgumentParser

/// `patuh generate`: abstract, discussion and options.
enum GenerateHelp {
    static var abstract: String {
        Help.text(
            "Membuat himpunan data sintetis yang deterministik (Riau, atau korpus berskala nasional).",
            "Generate a deterministic synthetic dataset (Riau, or a national-scale corpus).")
    }
    static var discussion: String {
        Help.text(
            """
            Opsi yang sama selalu memberi berkas yang identik byte demi byte. Nama tempat dan kode \
            Kemendagri Provinsi Riau adalah nyata; setiap jumlah penduduk, jawaban dan nilai dikarang.
            """,
            """
            The same options always give byte-identical files. Places and Kemendagri codes of \
            Provinsi Riau are real; every population, answer and score is invented.
            """)
    }
    static var seed: ArgumentHelp { Help.say("Benih setiap undian acak.", "Seed of every random draw.") }
    static var out: ArgumentHelp {
        Help.say("Folder tujuan (dibuat bila belum ada).", "Directory to write into (created if needed).")
    }
    static var provinces: ArgumentHelp {
        Help.say(
            "Jumlah provinsi: 1 hanya Riau; lebih dari itu menambah provinsi sintetis sesudahnya.",
            "Provinces: 1 is Riau alone; more add synthetic provinces after it.")
    }
    static var regions: ArgumentHelp {
        Help.say(
            "Kabupaten/kota per provinsi (bawaan: 12 yang nyata di Riau; 8-20 untuk provinsi sintetis).",
            "Kabupaten/kota per province (default: Riau's real 12; 8-20 for synthetic provinces).")
    }
    static var units: ArgumentHelp {
        Help.say(
            "Unit layanan per kabupaten/kota, selain MPP (bawaan: 6-10, berbeda-beda).",
            "Service units per kabupaten/kota, besides the MPP (default: 6-10, varying).")
    }
    static var respondents: ArgumentHelp {
        Help.say(
            "Rata-rata responden SKM per unit layanan yang disurvei dan per periode (setiap unit tetap mengumpulkan sedikitnya sampel Krejcie-Morgan-nya, kecuali satu).",
            "Mean SKM respondents per surveyed unit and period (each unit still collects at least its Krejcie-Morgan sample, but one)."
        )
    }
    static var periods: ArgumentHelp {
        Help.say(
            "Periode penilaian Ombudsman, dipisahkan koma; masing-masing menjawab instrumen tahunnya (sebelum 2022: ombudsman-kepatuhan-2019; 2022-2024: ombudsman-opini-YYYY; mulai 2025: ombudsman-opini-2025).",
            "Ombudsman assessment periods, comma-separated; each answers its year's instrument (before 2022: ombudsman-kepatuhan-2019; 2022-2024: ombudsman-opini-YYYY; from 2025: ombudsman-opini-2025)."
        )
    }
    static var pekpppPeriods: ArgumentHelp {
        Help.say(
            "Periode evaluasi PEKPPP (panrb-pekppp-2022), dipisahkan koma; kosong bila tidak ada.",
            "PEKPPP evaluation periods (panrb-pekppp-2022), comma-separated; empty for none.")
    }
    static var skm2004Periods: ArgumentHelp {
        Help.say(
            "Periode putaran survei skm-2004 yang kecil, dipisahkan koma; kosong bila tidak ada.",
            "Periods of a small skm-2004 survey round, comma-separated; empty for none.")
    }
    static var surveyPeriods: ArgumentHelp {
        Help.say("Periode survei SKM, dipisahkan koma.", "SKM survey periods, comma-separated.")
    }
    static var opiniRespondents: ArgumentHelp {
        Help.say(
            "Responden kuesioner keluaran Ombudsman per unit layanan yang dinilai dan per periode.",
            "Respondents per assessed unit and period to the Ombudsman output questionnaire.")
    }
}
