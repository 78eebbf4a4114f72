import PatuhCore

/// A kind of service unit: what it is called, what it serves, how many users it has.
struct UnitKind: Sendable, Hashable {
    /// The id suffix: `1471-disdukcapil`.
    var slug: String
    var type: UnitType
    /// The name before the region's name: "Dinas Kesehatan" → "Dinas Kesehatan Kota Dumai".
    var title: String
    /// Service products, most used first (SKM `service`, assessed products).
    var services: [String]
    /// Users per semester as a share of the region's residents, clamped to `bounds`.
    var perCapita: ClosedRange<Double>
    var bounds: ClosedRange<Int>
    /// Chance that the unit runs an SKM survey in the sample (0: never).
    var surveyChance: Double
    /// Whose the unit is when not the pemda's: a Polresta, a Kantor Imigrasi or a BPJS branch
    /// in an MPP is a kementerian's, lembaga's or instansi vertikal's (registry `authority`).
    var authority: UnitAuthority?

    init(
        _ slug: String, _ type: UnitType, _ title: String, services: [String],
        perCapita: ClosedRange<Double>, bounds: ClosedRange<Int>, survey: Double = 0
    ) {
        self.slug = slug
        self.type = type
        self.title = title
        self.services = services
        self.perCapita = perCapita
        self.bounds = bounds
        self.surveyChance = survey
    }

    /// A realistic number of service users per semester for a region of `residents`.
    func population(residents: Int, random: inout RandomSource) -> Int {
        let raw = Double(residents) * random.double(in: perCapita)
        let rounded = Int((raw / 10).rounded(.toNearestOrAwayFromZero)) * 10
        return min(max(rounded, bounds.lowerBound), bounds.upperBound)
    }
}

/// The catalogue of unit kinds the generator uses.
enum UnitKinds {
    static let disdukcapil = UnitKind(
        "disdukcapil", .opd, "Dinas Kependudukan dan Pencatatan Sipil",
        services: ["KTP-el", "Kartu Keluarga", "Akta Kelahiran", "Pindah Datang", "KIA", "Akta Kematian"],
        perCapita: 0.03...0.06, bounds: 2_000...60_000, survey: 0.75)
    static let dpmptsp = UnitKind(
        "dpmptsp", .opd, "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        services: [
            "Persetujuan Bangunan Gedung (PBG)", "Nomor Induk Berusaha (NIB)", "Izin Usaha",
            "Izin Reklame", "Surat Izin Praktik Tenaga Kesehatan"
        ],
        perCapita: 0.004...0.009, bounds: 800...9_000, survey: 0.3)
    static let dinkes = UnitKind(
        "dinkes", .opd, "Dinas Kesehatan",
        services: ["Sertifikat Laik Higiene Sanitasi", "Rekomendasi Izin Praktik", "Sertifikat Produksi PIRT"],
        perCapita: 0.002...0.004, bounds: 500...4_000)
    static let dinsos = UnitKind(
        "dinsos", .opd, "Dinas Sosial",
        services: ["Pendaftaran DTKS", "Surat Keterangan Tidak Mampu", "Rekomendasi Bantuan Sosial"],
        perCapita: 0.004...0.01, bounds: 800...9_000)
    static let dishub = UnitKind(
        "dishub", .opd, "Dinas Perhubungan",
        services: ["Uji Berkala Kendaraan (KIR)", "Izin Trayek", "Izin Parkir"],
        perCapita: 0.003...0.006, bounds: 600...6_000)
    static let disdik = UnitKind(
        "disdik", .opd, "Dinas Pendidikan",
        services: ["Legalisir Ijazah", "Izin Operasional Sekolah", "Rekomendasi Mutasi Siswa"],
        perCapita: 0.003...0.006, bounds: 600...6_000)
    static let disnaker = UnitKind(
        "disnaker", .opd, "Dinas Tenaga Kerja",
        services: [
            "Kartu Pencari Kerja (AK/1)", "Pencatatan Perjanjian Kerja", "Mediasi Perselisihan Hubungan Industrial"
        ],
        perCapita: 0.002...0.005, bounds: 400...5_000)
    static let dlh = UnitKind(
        "dlh", .opd, "Dinas Lingkungan Hidup",
        services: ["Persetujuan Lingkungan (UKL-UPL)", "Pengaduan Pencemaran", "Pengangkutan Sampah"],
        perCapita: 0.001...0.003, bounds: 300...3_000)
    static let puskesmas = UnitKind(
        "puskesmas", .puskesmas, "Puskesmas",
        services: ["Poli Umum", "KIA/KB", "Imunisasi", "Poli Gigi", "Laboratorium", "Pemeriksaan Lansia"],
        perCapita: 0.01...0.03, bounds: 4_000...18_000, survey: 0.3)
    static let rsud = UnitKind(
        "rsud", .rsud, "RSUD",
        services: ["Rawat Jalan", "Instalasi Gawat Darurat", "Rawat Inap", "Laboratorium", "Radiologi", "Farmasi"],
        perCapita: 0.02...0.05, bounds: 8_000...45_000, survey: 0.3)
    static let mpp = UnitKind(
        "mpp", .mpp, "Mal Pelayanan Publik", services: [], perCapita: 0...0, bounds: 0...0)

    /// A kab/kota's kinds after the ones every region has (Disdukcapil, DPMPTSP, a
    /// puskesmas, the RSUD), in the order the registry lists them.
    static let optional: [UnitKind] = [dinkes, dinsos, dishub, disdik, disnaker, dlh]

    /// A province's own OPDs: the first three always, then some of the rest.
    static let province: [UnitKind] = [
        UnitKind(
            "dpmptsp", .opd, dpmptsp.title, services: dpmptsp.services,
            perCapita: 0.0005...0.001, bounds: 1_000...9_000, survey: 1),
        UnitKind(
            "dinkes", .opd, dinkes.title, services: dinkes.services,
            perCapita: 0.0002...0.0005, bounds: 500...4_000),
        UnitKind(
            "rsud", .rsud, "RSUD", services: rsud.services,
            perCapita: 0.005...0.008, bounds: 20_000...45_000, survey: 0.3),
        UnitKind(
            "disdik", .opd, disdik.title, services: disdik.services,
            perCapita: 0.0002...0.0005, bounds: 500...4_000),
        UnitKind(
            "dinsos", .opd, dinsos.title, services: dinsos.services,
            perCapita: 0.0002...0.0005, bounds: 500...4_000),
        UnitKind(
            "dishub", .opd, dishub.title, services: dishub.services,
            perCapita: 0.0002...0.0005, bounds: 500...4_000),
        UnitKind(
            "disnakertrans", .opd, "Dinas Tenaga Kerja dan Transmigrasi", services: disnaker.services,
            perCapita: 0.0002...0.0005, bounds: 500...4_000),
        UnitKind(
            "dlhk", .opd, "Dinas Lingkungan Hidup dan Kehutanan", services: dlh.services,
            perCapita: 0.0001...0.0003, bounds: 300...3_000)
    ]

    /// The MPP's tenants: slug, name (`{kota}` is the kota's short name, `{region}` its full
    /// name), services, and whether the sample has SKM files for it (Polri, Imigrasi, BPJS and
    /// Samsat run their own surveys; two pemda tenants are left out to keep the sample small).
    static let tenants: [UnitKind] = [
        tenant(
            "disdukcapil", "Gerai Disdukcapil {region}", ["KTP-el", "Kartu Keluarga", "Akta Kelahiran", "KIA"],
            skm: true),
        tenant(
            "dpmptsp", "Gerai DPMPTSP {region}",
            ["Nomor Induk Berusaha (NIB)", "Persetujuan Bangunan Gedung (PBG)", "Izin Usaha"], skm: true),
        tenant(
            "satpolpp", "Satuan Polisi Pamong Praja {region}",
            ["Pengaduan Pelanggaran Perda", "Rekomendasi Izin Keramaian"], skm: true),
        tenant(
            "dinkes", "Gerai Dinas Kesehatan {region}",
            ["Rekomendasi Izin Praktik", "Sertifikat Laik Higiene Sanitasi"], skm: true),
        tenant(
            "pupr", "Gerai Dinas PUPR {region}",
            ["Advis Planning", "Persetujuan Bangunan Gedung (PBG)", "Rekomendasi Teknis"], skm: true),
        tenant(
            "disperindag", "Gerai Disperindag {region}",
            ["Tera Ulang", "Izin Usaha Perdagangan", "Fasilitasi Sertifikat Halal"], skm: false),
        tenant("dlhk", "Gerai DLHK {region}", ["Persetujuan Lingkungan (SPPL)", "Pengaduan Lingkungan"], skm: false),
        // Polri (Polresta), Kemenkumham (Imigrasi) and Samsat (led by Polri) are instansi
        // vertikal; BPJS Kesehatan is a lembaga (a public legal body), not the pemda's.
        tenant(
            "sim", "Polresta {kota} (SIM)", ["Perpanjangan SIM A", "Perpanjangan SIM C", "SIM Baru"], skm: false,
            authority: .vertikal),
        tenant("skck", "Polresta {kota} (SKCK)", ["SKCK Baru", "Perpanjangan SKCK"], skm: false, authority: .vertikal),
        tenant(
            "spkt", "Polresta {kota} (SPKT)", ["Laporan Kehilangan", "Laporan Polisi"], skm: false, authority: .vertikal
        ),
        tenant(
            "imigrasi", "Kantor Imigrasi {kota}", ["Paspor Baru", "Penggantian Paspor"], skm: false,
            authority: .vertikal),
        tenant(
            "bpjs-kesehatan", "BPJS Kesehatan Cabang {kota}", ["Pendaftaran Peserta", "Perubahan Data Peserta"],
            skm: false, authority: .lembaga),
        tenant(
            "samsat", "UPT Samsat {kota}", ["Pajak Kendaraan Tahunan", "Pengesahan STNK"], skm: false,
            authority: .vertikal)
    ]

    private static func tenant(
        _ slug: String, _ name: String, _ services: [String], skm: Bool,
        authority: UnitAuthority? = nil
    ) -> UnitKind {
        var kind = UnitKind(
            slug, .mppTenant, name, services: services,
            perCapita: 0.002...0.01, bounds: 1_000...12_000, survey: skm ? 1 : 0)
        kind.authority = authority
        return kind
    }
}
