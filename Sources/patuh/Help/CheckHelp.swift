import ArgumentParser

/// `patuh check`: abstract, discussion and options.
enum CheckHelp {
    static var abstract: String {
        Help.text(
            "Laporan mutu data untuk lembaga penilai (tidak pernah diterbitkan): qa.csv dan qa.html.",
            "Quality report for the assessing body (never published): qa.csv and qa.html.")
    }
    static var discussion: String {
        Help.discussion(
            Help.text(
                """
                Yang dicari: banyak jawaban na (per penilaian dan per berkas survei), jawaban seragam \
                (satu jawaban yang sama untuk setiap unsur), respons ganda (jawaban dan data demografi \
                yang sama pada satu hari), penilaian identik oleh satu penilai atas unit layanan yang \
                berbeda, tanggal di luar periodenya, nilai yang berubah tajam antarperiode, dan unit \
                layanan yang kurang dari sampel SKM-nya. Setiap temuan menunjuk berkas:baris:kolom. \
                Temuan bukan galat: kode keluar hanya menyatakan apakah ada masukan yang ditolak.
                """,
                """
                Looks for: many na answers (per assessment and per survey file), straight-lining (one \
                same answer to every unsur), duplicate responses (same answers and demographics on one \
                day), one assessor's identical assessments of different units, dates outside their \
                period, scores moving sharply between periods, and units below their SKM sample. Each \
                finding points at file:line:col. Findings are not errors: the exit status says only \
                whether inputs were rejected.
                """),
            examples: [
                "patuh check --rubric skm-2017 Samples/riau --out out/qa-skm",
                "patuh check --rubric ombudsman-opini-2022 Samples/riau --out out/qa --score-change 25"
            ])
    }
    static var out: ArgumentHelp {
        Help.say("Folder keluaran (qa.csv, qa.html).", "Output directory (qa.csv, qa.html).")
    }
    static var naShare: ArgumentHelp {
        Help.say(
            "Bagian terbesar jawaban na (0-1) yang boleh ada pada satu penilaian atau berkas survei.",
            "Largest share of na answers (0-1) an assessment or survey file may have.")
    }
    static var scoreChange: ArgumentHelp {
        Help.say(
            "Perubahan terbesar nilai unit layanan antara dua periode, dalam poin.",
            "Largest change of a unit's score between two periods, in points.")
    }
    static var straightLining: ArgumentHelp {
        Help.say(
            "Jumlah unsur terjawab paling sedikit agar satu jawaban yang sama dihitung sebagai jawaban seragam.",
            "Fewest answered unsur for one same answer to count as straight-lining.")
    }
}
