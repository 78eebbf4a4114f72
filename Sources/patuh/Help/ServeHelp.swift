import ArgumentParser

/// `patuh serve` and `patuh serve run`: abstracts, discussions and options.
enum ServeHelp {
    static var abstract: String {
        Help.text(
            "Mengumpulkan jawaban SKM di loket dan dari ODK Collect, dengan tampilan langsung, pada basis data tertanam.",
            "Collect SKM answers at the counter and from ODK Collect, with a live view, on an embedded database.")
    }
}

enum ServeRunHelp {
    static var abstract: String {
        Help.text("Menjalankan server (subperintah bawaan).", "Start the server (the default subcommand).")
    }
    static var discussion: String {
        Help.discussion(
            Help.text(
                """
                Halaman: /  (unit layanan), /s/UNIT (kuesioner), /poster/UNIT (poster siap cetak dengan kode \
                QR-nya, digambar oleh qrencode Debian bila terpasang), /login dan /live (tampilan langsung), \
                /formList dan /submission (OpenRosa, untuk ODK Collect: alamat server http://HOST:PORT, akun \
                yang dibuat dengan `patuh serve user add`). Jawaban disimpan ke DATA/patuh-serve.sqlite sebelum \
                halaman terima kasih dikirim. Hentikan dengan Ctrl-C atau SIGTERM.
                """,
                """
                Pages: /  (the units), /s/UNIT (the questionnaire), /poster/UNIT (a printable poster with its \
                QR code, drawn by Debian's qrencode when installed), /login and /live (the live view), \
                /formList and /submission (OpenRosa, for ODK Collect: server address http://HOST:PORT, an account \
                made with `patuh serve user add`). Answers are committed to DATA/patuh-serve.sqlite before the \
                thank-you page is sent. Stop with Ctrl-C or SIGTERM.
                """),
            examples: [
                "patuh serve --data skm-data --registry Samples/riau/registry.xml --period 2026-S2",
                "patuh serve --data skm-data --period 2026-S2 --listen 0.0.0.0:8080 --public-url https://skm.example.go.id"
            ], rubrics: false,
            exit: Help.text(
                "Kode keluar: 0 dihentikan; 1 gagal mendengarkan atau membuka basis data; 2 pemakaian salah.",
                "Exit status: 0 stopped; 1 could not listen or open the database; 2 bad usage."))
    }
    static var data: ArgumentHelp {
        Help.say(
            "Folder basis data dan kiriman ODK (dibuat bila belum ada).",
            "The folder of the database and the ODK submissions (created when missing).")
    }
    static var registry: ArgumentHelp {
        Help.say(
            "Registri unit layanan (disimpan di bawah --data; mulai berikutnya boleh tanpa opsi ini).",
            "The registry of units (kept under --data; later starts may leave it out).")
    }
    static var rubric: ArgumentHelp {
        Help.say(
            "Rubrik survei kuesioner (id atau path).", "The survey rubric of the questionnaire (id or path).")
    }
    static var period: ArgumentHelp {
        Help.say(
            "Periode yang terbuka untuk jawaban (boleh diulang; yang pertama periode kuesioner).",
            "A period open for answers (repeatable; the first is the questionnaire's).")
    }
    static var formRubric: ArgumentHelp {
        Help.say(
            "Rubrik lain yang formulir `patuh xform`-nya boleh diambil dan dikirim ODK Collect (boleh diulang).",
            "Another rubric whose `patuh xform` form ODK Collect may fetch and submit (repeatable).")
    }
    static var listen: ArgumentHelp { Help.say("HOST:PORT tempat mendengarkan.", "HOST:PORT to listen on.") }
    static var publicURL: ArgumentHelp {
        Help.say(
            "Alamat publik yang dicetak di poster (bawaan: Host permintaan); dengan https:// kuki "
                + "hanya dikirim lewat HTTPS (Secure).",
            "The public address printed on posters (default: the request's Host); with https:// "
                + "cookies travel over HTTPS only (Secure).")
    }
    static var perDeviceLimit: ArgumentHelp {
        Help.say(
            "Kiriman yang boleh dibuat satu perangkat dalam satu jam (0: tanpa batas).",
            "Submissions one device may make in an hour (0: no limit).")
    }
    static var perAddressLimit: ArgumentHelp {
        Help.say(
            "Kiriman yang boleh dibuat satu alamat jaringan dalam satu jam (0: tanpa batas).",
            "Submissions one network address may make in an hour (0: no limit).")
    }
}
