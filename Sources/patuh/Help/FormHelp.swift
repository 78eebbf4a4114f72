import ArgumentParser

/// `patuh xform`, `patuh template` and `patuh generate`: abstracts, discussions and options.
enum XFormHelp {
    static var abstract: String {
        Help.text(
            "Membuat XForm ODK dari rubrik, untuk ODK Collect, ODK Central atau KoboToolbox.",
            "Make an ODK XForm from a rubric, for ODK Collect, ODK Central or KoboToolbox.")
    }
    static var discussion: String {
        Help.discussion(
            Help.text(
                """
                Rubrik penilai memberi satu grup per dimensi dan satu layar per indikator (tingkatannya \
                sebagai pilihan, 'na' bila diizinkan, catatan, foto); rubrik survei memberi kuesioner SKM \
                dengan pertanyaan untuk responden. Kedua bahasa ada di formulir; --lang memilih bahasa saat \
                formulir dibuka. Id formulir adalah patuh-<id rubrik> dan versinya mengikuti pertanyaan \
                rubrik, sehingga `patuh import odk` tahu arti setiap kiriman.
                """,
                """
                An assessor rubric gives one group per dimension and one screen per indicator (its \
                levels as choices, 'na' where allowed, a note, a photo); a survey rubric gives the SKM \
                questionnaire with the respondent's questions. Both languages are in the form; --lang \
                picks the one it opens in. The form's id is patuh-<rubric id> and its version follows \
                the rubric's questions, so `patuh import odk` knows what each submission means.
                """),
            examples: [
                "patuh xform --rubric ombudsman-opini-2022 --registry Samples/riau/registry.xml --period 2023 --out forms/opini.xml",
                "patuh xform --rubric skm-2017 --period 2023-S1 --out forms/skm.xml"
            ])
    }
    static var lang: ArgumentHelp {
        Help.say(
            "Bahasa saat formulir dibuka: id (Bahasa Indonesia) atau en.",
            "The language the form opens in: id (Bahasa Indonesia) or en.")
    }
    static var out: ArgumentHelp { Help.say("Berkas XForm yang ditulis.", "The XForm file to write.") }
}

enum TemplateHelp {
    static var abstract: String {
        Help.text(
            "Menulis buku kerja isian (.xlsx) untuk rubrik beserta peta kolom yang mengimpornya.",
            "Write an entry workbook (.xlsx) for a rubric and the sheet map that imports it.")
    }
    static var discussion: String {
        Help.text(
            """
            Buku kerja mempunyai lembar Respon (satu kolom per isian dan indikator, daftar pilihan label \
            jawaban rubrik dan unit layanan registri), lembar Petunjuk (petunjuk dalam bahasa Indonesia \
            dan Inggris) dan lembar tersembunyi Daftar (daftar-daftarnya). BERKAS.map.xml ditulis di \
            sebelahnya: `patuh import sheet BERKAS.xlsx --map BERKAS.map.xml --out FOLDER` mengimpor \
            salinan yang sudah diisi (atau unduhan Google Sheets / CSV-nya).
            """,
            """
            The workbook has a sheet Respon (one column per field and indicator, drop-down lists of the \
            rubric's answer labels and of the registry's units), a sheet Petunjuk (instructions in \
            Indonesian and English) and a hidden sheet Daftar (the lists). FILE.map.xml is written \
            beside it: `patuh import sheet FILE.xlsx --map FILE.map.xml --out DIR` imports a filled copy \
            (or its Google Sheets / CSV download).
            """)
    }
    static var rows: ArgumentHelp { Help.say("Jumlah baris yang disediakan untuk isian.", "Rows offered for entry.") }
    static var out: ArgumentHelp {
        Help.say(
            "Buku kerja yang ditulis (.xlsx); peta kolomnya ditulis di sebelahnya sebagai .map.xml.",
            "The workbook to write (.xlsx); the map goes beside it as .map.xml.")
    }
}
