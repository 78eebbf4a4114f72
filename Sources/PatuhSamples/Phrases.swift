/// Indonesian text for assessors' notes and respondents' comments (invented, in the style of
/// real field notes; some carry `& < > " '` on purpose, to exercise escaping).
enum Phrases {
    /// What an assessor writes when an indicator scores 0 or 1.
    static let shortcomings: [String: [String]] = [
        "IN-01": [
            "Petugas loket hanya dapat menyebutkan persyaratan dan biaya; komponen lain tidak diketahui",
            "Penanggung jawab layanan baru dimutasi dan belum membaca standar pelayanan"
        ],
        "IN-02": ["Pelaksana tidak dapat menjelaskan batas kewenangannya; semua berkas diteruskan ke kepala seksi"],
        "IN-03": ["Petugas tidak mengetahui tugas Ombudsman dan menyarankan pengadu datang langsung ke kepala dinas"],
        "IN-04": [
            "Pelaksana menyatakan \"tidak pernah ada pungli di sini\" tetapi tidak dapat menyebut bentuk maladministrasi lain"
        ],
        "IN-05": ["Pelaksana tidak tahu bahwa rekomendasi Ombudsman wajib dilaksanakan"],
        "IN-06": ["Pelaksana hanya menyebut lansia sebagai kelompok rentan; belum ada antrean prioritas"],
        "IN-07": ["Pengawasan atasan langsung tidak terjadwal; tidak ada catatan pengawasan tahun ini"],
        "IN-08": ["Dua dari empat loket tutup saat jam layanan karena petugas kurang; ABK belum disusun"],
        "IN-09": ["Tidak ada ketentuan kompensasi bila layanan terlambat atau berkas hilang"],
        "IN-10": ["APAR kedaluwarsa sejak tahun lalu; jalur evakuasi tidak diberi tanda"],
        "IN-11": [
            "Kursi ruang tunggu hanya 12 buah untuk antrean pagi > 60 orang; ruangan panas",
            "Pengguna menunggu di selasar karena ruang tunggu dipakai untuk gudang arsip"
        ],
        "IN-12": ["Loket tidak diberi penanda jenis layanan"],
        "IN-13": ["Nomor antrean ditulis tangan di potongan kertas; tidak ada papan panggil"],
        "IN-14": [
            "Toilet pengguna terkunci, kunci dipegang petugas kebersihan",
            "Toilet kotor dan air tidak mengalir"
        ],
        "IN-15": ["Tidak ada lahan parkir; kendaraan pengguna parkir di bahu jalan"],
        "IN-16": ["Belum ada sistem penjaminan mutu; keluhan berulang tidak dianalisis"],
        "PR-01": [
            "Persyaratan hanya tersedia di loket, tidak di media elektronik",
            "Persyaratan yang dipajang berbeda dengan yang diminta petugas (fotokopi KK & akta tambahan)"
        ],
        "PR-02": ["Bagan alur pelayanan tidak dipajang; pengguna bertanya ke satpam"],
        "PR-03": ["Jangka waktu penyelesaian tidak dicantumkan; petugas menjawab \"tergantung\""],
        "PR-04": [
            "Tidak ada informasi biaya; pengguna tidak tahu bahwa layanan gratis",
            "Tarif retribusi dipajang tetapi merujuk perda yang sudah dicabut"
        ],
        "PR-05": ["Produk layanan tidak diinformasikan di ruang pelayanan"],
        "PR-06": ["Tidak ditemukan maklumat pelayanan di ruang pelayanan maupun di situs web"],
        "PR-07": ["Maklumat hanya berbunyi \"siap melayani dengan sepenuh hati\", tanpa kesanggupan menerima sanksi"],
        "PR-08": [
            "Tidak ada ramp; pengguna kursi roda harus diangkat menaiki tangga",
            "Ruang laktasi dipakai sebagai ruang arsip"
        ],
        "PR-09": ["Visi, misi dan motto pelayanan tidak dipajang di ruang pelayanan"],
        "PR-10": ["Dua dari tiga petugas loket tidak memakai tanda pengenal"],
        "PR-11": ["Pengguna harus mengurus rekomendasi di kantor lain sebelum kembali ke loket ini"],
        "PG-01": ["Kotak saran ada tetapi tidak pernah dibuka; nomor WhatsApp pengaduan tidak aktif"],
        "PG-02": ["Belum ada SK pengelola pengaduan; aduan ditangani siapa saja yang sedang bertugas"],
        "PG-03": ["SOP pengaduan masih draf dan belum ditandatangani kepala dinas"],
        "PG-04": ["Pengaduan tidak dicatat; petugas menyatakan semua aduan diselesaikan lisan"],
        "PG-05": ["Tiga aduan bulan lalu belum dijawab hingga saat kunjungan"],
        "PG-06": ["Admin SP4N-LAPOR! sudah pensiun dan belum diganti; 7 laporan terdisposisi belum direspons"],
        "PG-07": ["Rekap pengaduan hanya dilaporkan ke pimpinan, tidak dipublikasikan"],
        "PG-08": ["Tidak ada dokumen evaluasi pengelolaan pengaduan"]
    ]

    /// What an assessor writes when `indicator` scores 3.
    static func commendations(for indicator: String) -> [String] {
        let number = Int(indicator.suffix(2)) ?? 0
        switch indicator.prefix(2) {
        case "IN" where number <= 6:
            return [
                "Pelaksana menjelaskan dengan lengkap saat wawancara",
                "Dijawab dengan tepat oleh dua pelaksana yang diwawancarai"
            ]
        case "IN":
            return ["Tersedia & berfungsi saat kunjungan", "Kondisi baik dan terawat"]
        case "PR":
            return [
                "Dipajang di ruang pelayanan dan dipublikasikan di situs web unit",
                "Sesuai dengan yang diamati saat kunjungan"
            ]
        default:
            return [
                "Petugas menunjukkan SK, SOP dan rekap pengaduan bulanan",
                "Dokumen lengkap dan dapat ditunjukkan saat kunjungan"
            ]
        }
    }

    /// SKM comments of satisfied respondents.
    static let praise = [
        "Pelayanan cepat dan petugas ramah",
        "Sudah bagus, pertahankan",
        "Prosesnya jelas, selesai hari itu juga",
        "Terima kasih, petugas membantu mengisi formulir",
        "Antrean online sangat membantu",
        "Ruang tunggu nyaman & bersih",
        "Petugas menjelaskan persyaratan dengan sabar"
    ]

    /// SKM comments of dissatisfied respondents.
    static let complaints = [
        "Antrian panjang di pagi hari",
        "Nomor antrean habis sebelum jam 9 pagi",
        "Persyaratan yang diminta berbeda dengan yang ditempel di papan",
        "Petugas kurang ramah, sering main HP",
        "Mohon ditambah kursi di ruang tunggu, banyak yang berdiri",
        "Sistem sering offline, disuruh datang lagi besok",
        "Jam buka tidak sesuai jadwal, loket baru buka jam 9",
        "Parkir sempit dan ada tukang parkir liar",
        "Tidak ada informasi kapan dokumen selesai",
        "Toilet kotor dan tidak ada air",
        "Pengaduan lewat WhatsApp tidak dibalas",
        "Tolong sediakan loket khusus lansia & disabilitas",
        "Katanya gratis tapi ada yang minta \"uang administrasi\"",
        "Waktu tunggu > 3 jam"
    ]

    /// Comments of respondents to the Ombudsman output questionnaire (maladministration seen).
    static let maladministration = [
        "Berkas saya tertahan lebih dari sebulan tanpa kejelasan",
        "Diminta uang tambahan supaya cepat selesai",
        "Diarahkan ke calo di depan kantor",
        "Petugas meminta syarat yang tidak ada di papan informasi",
        "Disuruh kembali minggu depan karena petugasnya tidak ada",
        "Petugas membentak warga yang bertanya",
        "Orang yang kenal petugas didahulukan"
    ]

    /// Comments of respondents to the output questionnaire who saw nothing wrong.
    static let noMaladministration = [
        "Tidak ada pungutan, sesuai aturan",
        "Tidak pernah mengalami masalah",
        "Pelayanan sesuai prosedur"
    ]
}
