import ArgumentParser

/// `patuh import` and `patuh import sheet`: abstracts, discussions and options.
enum ImportHelp {
    static var abstract: String {
        Help.text(
            "Mengubah berkas yang dikumpulkan di tempat lain menjadi berkas penilaian dan survei Patuh.",
            "Turn files collected elsewhere into Patuh assessment and survey files.")
    }
}

enum SheetImportHelp {
    static var abstract: String {
        Help.text(
            "Mengimpor lembar kerja (.xlsx, .csv: Google Forms, Excel, LibreOffice) melalui peta kolom.",
            "Import spreadsheets (.xlsx, .csv: Google Forms, Excel, LibreOffice) through a sheet map.")
    }
    static var discussion: String {
        Help.text(
            """
            Peta kolom (MAP.xml, Rubrics/schema/sheetmap.xsd; `patuh template` menulis satu) menyatakan \
            kolom mana yang menjadi isian dan indikator mana, bagaimana label menjadi nilai, dan dari mana \
            unit layanan, layanan dan periode diambil. Setiap baris diperiksa: baris yang bermasalah \
            ditinggalkan dan disebut menurut berkas, lembar dan sel (skm.xlsx:Respon!F17); baris yang sama \
            dua kali (cap waktu dan sel yang sama) dihitung sekali. Jawaban kosong adalah jawaban yang \
            hilang, tidak pernah 0. Menulis FOLDER/<id peta>/<periode>/<unit>.xml (survei) atau \
            FOLDER/<id peta>/<periode>.xml (penilaian), dan menulis ulang folder itu seluruhnya: impor \
            semua berkas setiap kali.
            """,
            """
            The map (MAP.xml, Rubrics/schema/sheetmap.xsd; `patuh template` writes one) says which column \
            is which field and indicator, how labels become values, and where unit, service and period \
            come from. Every row is checked: a row with a problem is left out and named by file, sheet \
            and cell (skm.xlsx:Respon!F17); the same row twice (same timestamp and cells) counts once. \
            A blank answer is a missing answer, never 0. Writes DIR/<map id>/<period>/<unit>.xml \
            (surveys) or DIR/<map id>/<period>.xml (assessments), rewriting that folder whole: import \
            every file each time.
            """)
    }
    static var files: ArgumentHelp {
        Help.say(
            "Berkas lembar kerja: .xlsx atau .csv (`,` atau `;`, UTF-8 dengan atau tanpa BOM).",
            "Spreadsheet files: .xlsx or .csv (`,` or `;`, UTF-8 with or without BOM).")
    }
    static var map: ArgumentHelp { Help.say("Peta kolom (XML).", "The sheet map (XML).") }
    static var rubric: ArgumentHelp {
        Help.say(
            "Rubrik (path atau id); bawaan: rubrik yang disebut peta kolom.",
            "The rubric (path or id); default: the one the map names.")
    }
    static var registry: ArgumentHelp {
        Help.say(
            "Registri: nama dan id unit layanan di lembar kerja diperiksa terhadapnya.",
            "A registry: unit names and ids in the sheet are checked against it.")
    }
    static var lang: ArgumentHelp { Help.say("Bahasa pesan: id atau en.", "Language of the messages: id or en.") }
}
