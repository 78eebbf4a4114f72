import ArgumentParser

/// Help of the options several commands share (CommonOptions.swift, RubricOptions.swift,
/// CacheOption.swift, LanguageOption.swift, OpenDataOptions.swift, ScoreCommand.swift's
/// `ScoreOptions`): (Indonesian, English).
enum OptionsHelp {
    static var rubrics: ArgumentHelp {
        Help.say(
            "Pustaka rubrik (bawaan: $PATUH_RUBRICS, atau folder Rubrics/ terdekat).",
            "The rubric library (default: $PATUH_RUBRICS, else the nearest Rubrics/ folder).")
    }
    static var threads: ArgumentHelp {
        Help.say("Jumlah thread pembaca berkas (0: semua inti).", "Worker threads for reading files (0: all cores).")
    }
    static var quiet: ArgumentHelp {
        Help.say("Cetak hanya galat dan ringkasan.", "Print only errors and the summary.")
    }
    static var alwaysValidate: ArgumentHelp {
        Help.say(
            "Periksa setiap berkas survei dan penilaian dengan validator skema libxml2, juga yang sudah lolos pemeriksaan format Patuh sendiri (lebih lambat; hasilnya sama).",
            "Put every survey and assessment file through libxml2's schema validator, even one Patuh's own check of its format passes (slower; the results are the same)."
        )
    }
    static var cache: ArgumentHelp {
        Help.say(
            "Simpan hasil bacaan setiap berkas masukan dan pakai lagi pada jalankan ulang, sehingga hanya berkas yang berubah yang dibaca lagi (cache bacaan, di $PATUH_CACHE_DIR, atau $XDG_CACHE_HOME/patuh, atau ~/.cache/patuh; satu berkas per folder keluaran).",
            "Keep what reading each input file gave and use it again on a re-run (the read cache, in $PATUH_CACHE_DIR, else $XDG_CACHE_HOME/patuh, else ~/.cache/patuh; one file per output folder): a re-run reads only the files that changed."
        )
    }
    static var lang: ArgumentHelp {
        Help.say(
            "Bahasa pesan: id (Bahasa Indonesia) atau en (bawaan: menurut LANG; id_ID… memberi id).",
            "Language of messages: id (Bahasa Indonesia) or en (default: from LANG; id_ID… gives id).")
    }
    static var license: ArgumentHelp {
        Help.say(
            "Lisensi data yang diterbitkan, berupa id SPDX (CC-BY-4.0, CC0-1.0, ODbL-1.0, …), untuk datapackage.json.",
            "Licence of the published data, an SPDX id (CC-BY-4.0, CC0-1.0, ODbL-1.0, …), for datapackage.json.")
    }
    static var assessingBody: ArgumentHelp {
        Help.say(
            "Lembaga penilai (mis. \"Ombudsman RI Perwakilan Riau\"), disebut di sumber datapackage.json dan di kaki situs (bawaan: assessing-body registri).",
            "Who assessed (e.g. \"Ombudsman RI Perwakilan Riau\"), named in datapackage.json's sources and the site's footer (default: the registry's assessing-body)."
        )
    }
    static var rubric: ArgumentHelp {
        Help.say("Rubrik: path, atau id rubrik di Rubrics/.", "The rubric: a path, or the id of a rubric in Rubrics/.")
    }
    static var roundRegistry: ArgumentHelp {
        Help.say(
            "Berkas registri (boleh tidak diberikan bila masukan memuat tepat satu).",
            "The registry file (optional when the inputs hold exactly one).")
    }
    static var formRegistry: ArgumentHelp {
        Help.say(
            "Berkas registri: unit layanan lalu dipilih dari unit-unitnya (di XForm, disaring menurut wilayah).",
            "A registry file: the unit is then chosen from its units (in the XForm, filtered by region).")
    }
    static var formPeriod: ArgumentHelp {
        Help.say(
            "Periode yang diisi (2023, 2023-S1): nilai bawaan di XForm, setiap baris di buku kerja; tanpa opsi ini buku kerja mempunyai kolom Periode.",
            "The period filled in (2023, 2023-S1): the XForm's default, every row of the workbook; without it the workbook has a Periode column."
        )
    }
    static var survey: ArgumentHelp {
        Help.say(
            "Untuk rubrik yang mempunyai indikator penilai dan indikator survei: kuesioner pengguna layanan, bukan daftar periksa penilai.",
            "For a rubric with both assessor and survey indicators: the users' questionnaire instead of the assessors' checklist."
        )
    }
    static var period: ArgumentHelp {
        Help.say(
            "Hanya periode yang sama dengan P atau berawalan P- (2023 menggabungkan 2023-S1 dan 2023-S2).",
            "Only periods equal to P or starting with P- (2023 pools 2023-S1 and 2023-S2).")
    }
    static var strict: ArgumentHelp {
        Help.say(
            "Masukan yang tidak lengkap menjadi galat: penilaian tanpa jawaban atas indikator penilai ditolak (tidak dihitung sebagai nilai terendah), dan respons survei yang mengosongkan unsur dikeluarkan (tidak dihitung untuk unsur yang dijawabnya); masing-masing disebut dengan barisnya.",
            "Incomplete input is an error: an assessment without an answer to an assessor indicator is rejected (not counted as the minimum), and a survey response that leaves an unsur blank is excluded (not counted for the unsur it answers); each is named with its line."
        )
    }
    static var out: ArgumentHelp { Help.say("Folder keluaran.", "Output directory.") }
    static var minGroup: ArgumentHelp {
        Help.say(
            "Kelompok rincian dengan responden lebih sedikit ditampilkan sebagai \"< N\" tanpa nilai (bawaan 5).",
            "Breakdown groups with fewer respondents are shown as \"< N\" with no score (default 5).")
    }
    static var csvDialect: ArgumentHelp {
        Help.say(
            "standard (RFC 4180) atau excel-id (';', koma desimal, BOM).",
            "standard (RFC 4180) or excel-id (';', decimal comma, BOM).")
    }
    static var paths: ArgumentHelp {
        Help.say(
            "Berkas, atau folder yang ditelusuri beserta subfoldernya untuk *.xml.",
            "Files, or directories searched recursively for *.xml.")
    }
    static var data: ArgumentHelp { Help.say("Folder data server.", "The server's data folder.") }
    static var accountRegistry: ArgumentHelp {
        Help.say("Registri (bawaan: salinan di bawah --data).", "The registry (default: the copy under --data).")
    }
    static var cost: ArgumentHelp {
        Help.say("Biaya bcrypt (2^cost putaran; 4-16).", "bcrypt cost (2^cost rounds; 4-16).")
    }
}
