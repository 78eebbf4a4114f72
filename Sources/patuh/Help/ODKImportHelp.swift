import ArgumentParser

/// `patuh import odk`: abstract, discussion and options.
enum ODKImportHelp {
    static var abstract: String {
        Help.text(
            "Mengimpor kiriman ODK Collect / ODK Central dan ekspor XML KoboToolbox dari formulir buatan `patuh xform`.",
            "Import ODK Collect / ODK Central submissions and KoboToolbox XML exports of forms made by `patuh xform`.")
    }
    static var discussion: String {
        Help.discussion(
            Help.text(
                """
                Id dan versi formulir setiap kiriman harus yang diberikan `patuh xform` untuk rubrik itu saat \
                ini (formulir atau versi lain ditolak, disebut dengan berkas, baris dan kolomnya). \
                meta/instanceID-nya menjadi id penilaian atau respons; kiriman ulang (meta/deprecatedID) \
                menggantikan versi yang disuntingnya. Menulis FOLDER/<id formulir>/<periode>.xml (penilaian) \
                atau FOLDER/<id formulir>/<periode>/<unit>.xml (survei), dan foto yang ditemukan di sebelah \
                kiriman di bawah FOLDER/<id formulir>/media/. Folder setiap formulir ditulis ulang seluruhnya \
                dari kiriman yang diberikan: impor seluruh koleksi setiap kali.
                """,
                """
                Each submission's form id and version must be those `patuh xform` gives the rubric now \
                (another form or version is rejected, named with its file, line and column). Its \
                meta/instanceID becomes the assessment or response id; a resubmission (meta/deprecatedID) \
                replaces the version it edits. Writes DIR/<form id>/<period>.xml (assessments) or \
                DIR/<form id>/<period>/<unit>.xml (surveys), and photos found beside a submission under \
                DIR/<form id>/media/. Each form's folder is rewritten whole from the submissions given: \
                import the whole collection every time.
                """),
            examples: [
                "patuh import odk submissions/ --out round-2023",
                "patuh import odk data.xml --rubric old/ombudsman-kepatuhan-2019.xml --out round-2023"
            ], rubrics: false,
            exit: Help.text(
                "Kode keluar: 0 semua diimpor; 1 ada kiriman yang ditolak (sisanya tetap ditulis); 2 pemakaian salah.",
                "Exit status: 0 all imported; 1 a submission was rejected (the rest is still written); 2 bad usage."))
    }
    static var paths: ArgumentHelp {
        Help.say(
            "Berkas kiriman, ekspor XML Kobo, atau folder yang ditelusuri beserta subfoldernya untuk *.xml.",
            "Submission files, Kobo XML exports, or directories searched recursively for *.xml.")
    }
    static var rubric: ArgumentHelp {
        Help.say(
            "Rubrik (path atau id) yang formulirnya diterima selain formulir rubrik di Rubrics/; boleh diulang. Rubrik ini menang atas rubrik Rubrics/ dengan id yang sama.",
            "A rubric (path or id) whose forms are accepted besides those of Rubrics/; repeatable. It wins over a rubric of Rubrics/ with the same id."
        )
    }
}
