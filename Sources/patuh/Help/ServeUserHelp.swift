import ArgumentParser

/// `patuh serve user`, `user add` and `user import`: abstracts, discussions and options.
enum ServeUserHelp {
    static var abstract: String {
        Help.text("Mengelola akun (tampilan langsung, ODK Collect).", "Manage accounts (live view, ODK Collect).")
    }
    static var addAbstract: String {
        Help.text(
            "Menambah atau mengganti akun; kata sandi dibaca dari baris pertama masukan standar.",
            "Add or replace an account; the password is read from the first line of standard input.")
    }
    static var addDiscussion: String {
        Help.text(
            """
            Peran: unit (cakupan: id unit layanan; hanya unit itu), pemda (cakupan: kode provinsi, kabupaten \
            atau kota; unit layanan yang terdaftar di dalamnya), assessor (cakupan: kode provinsi; setiap unit \
            layanan di provinsi itu). Kata sandi disimpan sebagai hash bcrypt (dan digest yang diperlukan \
            ODK Collect untuk masuk).

            Contoh:
            """,
            """
            Roles: unit (scope: a unit id; that unit only), pemda (scope: a provinsi, kabupaten or kota \
            code; the units registered in it), assessor (scope: a provinsi code; every unit of the province). \
            The password is stored as a bcrypt hash (and the digest ODK Collect's sign-in needs).

            Example:
            """)
            + "\n  echo 'rahasia-panjang' | patuh serve user add --data skm-data --name dukcapil --role unit --scope 1471-disdukcapil"
    }
    static var name: ArgumentHelp {
        Help.say("Nama akun (huruf, angka, . _ - @).", "Account name (letters, digits, . _ - @).")
    }
    static var role: ArgumentHelp { Help.say("unit, pemda atau assessor.", "unit, pemda or assessor.") }
    static var scope: ArgumentHelp {
        Help.say(
            "Id unit layanan, atau kode wilayah, yang dicakup akun.",
            "The unit id, or the region code, the account covers.")
    }
    static var importAbstract: String {
        Help.text(
            "Menambah atau mengganti akun dari sebuah berkas: satu per baris, name,role,scope,password (# mengawali komentar).",
            "Add or replace the accounts of a file: one per line, name,role,scope,password (# starts a comment).")
    }
    static var importDiscussion: String {
        Help.discussion(
            Help.text(
                """
                Setiap baris diperiksa seperti `user add` memeriksanya; baris yang salah disebut sebagai \
                BERKAS:BARIS:KOLOM dan dilewati, yang lain disimpan. Hapus berkas itu sesudahnya: kata sandi \
                tertulis terbuka di dalamnya.
                """,
                """
                Each line is checked as `user add` checks it; a bad line is named as FILE:LINE:COL and skipped, \
                the others are saved. Delete the file afterwards: it holds passwords in clear.
                """),
            examples: ["patuh serve user import --data skm-data accounts.csv"], rubrics: false,
            exit: Help.text(
                "Kode keluar: 0 semua disimpan; 1 ada baris yang ditolak (sisanya disimpan); 2 pemakaian salah.",
                "Exit status: 0 all saved; 1 a line was refused (the rest saved); 2 bad usage."))
    }
    static var file: ArgumentHelp { Help.say("Berkas akun.", "The accounts file.") }
}
