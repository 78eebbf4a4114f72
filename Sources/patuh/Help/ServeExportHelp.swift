import ArgumentParser

/// `patuh serve export`: abstract, discussion and options.
enum ServeExportHelp {
    static var abstract: String {
        Help.text(
            "Menulis jawaban yang terkumpul sebagai berkas survei dan penilaian yang dibaca validate, score dan report.",
            "Write the collected answers as survey and assessment files that validate, score and report read.")
    }
    static var discussion: String {
        Help.discussion(
            Help.text(
                """
                Menulis OUT/registry.xml (salinan milik server), OUT/counter/<periode>/<unit>.xml (respons \
                kuesioner loket) dan, untuk kiriman ODK Collect, apa yang ditulis `patuh import odk` \
                (OUT/<id formulir>/..., foto di bawah OUT/<id formulir>/media/).
                """,
                """
                Writes OUT/registry.xml (the server's copy), OUT/counter/<period>/<unit>.xml (the counter \
                questionnaire's responses) and, for ODK Collect's submissions, what `patuh import odk` writes \
                (OUT/<form id>/..., photos under OUT/<form id>/media/).
                """),
            examples: [
                "patuh serve export --data skm-data --out round-2026",
                "patuh score --rubric skm-2017 round-2026 --out out/skm"
            ], rubrics: false,
            exit: Help.text(
                "Kode keluar: 0 semua ditulis; 1 ada kiriman ODK yang tidak dapat diimpor (sisanya ditulis); 2 pemakaian salah.",
                "Exit status: 0 all written; 1 an ODK submission could not be imported (the rest is written); 2 bad usage."
            ))
    }
    static var out: ArgumentHelp { Help.say("Folder keluaran.", "Output folder.") }
    static var rubric: ArgumentHelp {
        Help.say("Rubrik survei kuesioner (id atau path).", "The questionnaire's survey rubric (id or path).")
    }
}
