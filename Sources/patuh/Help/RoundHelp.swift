import ArgumentParser

/// `patuh` itself, `score` and `report`: abstracts, discussions and the options of their own.
enum RootHelp {
    static var abstract: String {
        Help.text(
            "Menilai kepatuhan unit layanan publik terhadap rubrik UU 25/2009.",
            "Assess public-service units against UU 25/2009 compliance rubrics.")
    }
}

enum ScoreHelp {
    static var abstract: String {
        Help.text(
            "Menilai unit layanan dengan rubrik, merangkum ke wilayah, memeringkat; menulis units.csv, regions.csv, indicators.csv.",
            "Score units against a rubric, roll up to regions, rank; write units.csv, regions.csv, indicators.csv.")
    }
    static var discussion: String {
        Help.discussion(
            Help.text(
                "Berkas untuk instrumen selain instrumen rubrik dilewati dan dihitung.",
                "Files for another instrument than the rubric's are skipped and counted."),
            examples: [
                "patuh score --rubric ombudsman-opini-2022 Samples/riau --out out/riau",
                "patuh score --rubric skm-2017 --period 2023 --strict Samples/riau --out out/skm"
            ])
    }
}

enum ReportHelp {
    static var abstract: String {
        Help.text(
            "Menilai, lalu menulis berkas CSV dan situs HTML yang berdiri sendiri (index.html, satu halaman per wilayah dan unit layanan, metode.html).",
            "Score, then write the CSV files and a self-contained HTML site (index.html, a page per region and unit, metode.html)."
        )
    }
    static var discussion: String {
        Help.discussion(
            "",
            examples: [
                "patuh report --rubric ombudsman-opini-2022 Samples/riau --out out/site",
                "patuh report --rubric skm-2017 --lang en Samples/riau --out out/skm-site"
            ])
    }
    static var lang: ArgumentHelp {
        Help.say("Bahasa situs: id (Bahasa Indonesia) atau en.", "Language of the site: id (Bahasa Indonesia) or en.")
    }
    static var title: ArgumentHelp {
        Help.say("Judul situs (bawaan: judul rubrik).", "The site's title (default: the rubric's title).")
    }
    static var noComments: ArgumentHelp {
        Help.say(
            "Jangan muat komentar responden di situs (tanpa opsi ini komentar disamarkan).",
            "Leave respondents' comments out of the site (they are masked otherwise).")
    }
    static var dataSource: ArgumentHelp {
        Help.say(
            "Sumber data, untuk kaki situs (bawaan: data-source registri).",
            "Where the data come from, for the footer (default: the registry's data-source).")
    }
    static var noMaps: ArgumentHelp {
        Help.say(
            "Jangan muat peta (patuh bench mengukur biayanya).",
            "Leave the maps out (patuh bench measures what they cost).")
    }
}

enum FollowupHelp {
    static var abstract: String {
        Help.text(
            "Menulis draf rencana tindak lanjut per unit layanan yang dinilai dalam satu periode: tiga indikator terendahnya, kolom tindakan kosong.",
            "Write a draft follow-up plan (rencana tindak lanjut) per unit scored in a period: its three lowest indicators, action fields empty."
        )
    }
    static var lang: ArgumentHelp {
        Help.say("Bahasa teks masalah dalam draf: id atau en.", "Language of the drafts' problem texts: id or en.")
    }
}

enum ValidateHelp {
    static var abstract: String {
        Help.text(
            "Memeriksa berkas terhadap skemanya dan terhadap satu sama lain; melaporkan setiap masalah.",
            "Check files against their schema and against each other; report every problem.")
    }
    static var discussion: String {
        Help.discussion(
            Help.text(
                "Setiap masalah dicetak sebagai berkas:baris:kolom: error: pesan (atau warning:).",
                "Every problem is printed as file:line:col: error: message (or warning:)."),
            examples: ["patuh validate Rubrics Samples", "patuh validate --lang id round-2023/"], rubrics: false)
    }
    static var reconstructed: ArgumentHelp {
        Help.say(
            "Cantumkan juga, di stdout, setiap bagian rubrik yang diberikan yang ditandai direkonstruksi.",
            "Also list, on stdout, every part of the rubrics given that is marked reconstructed (bagian rubrik yang direkonstruksi)."
        )
    }
}
