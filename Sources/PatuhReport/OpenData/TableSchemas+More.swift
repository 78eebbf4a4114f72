import PatuhCore

/// The table schemas of the CSV files a round writes only for some rubrics or inputs: the
/// SKM report's two tables, the follow-up plans' outcomes and the K/L units' ranking.
extension DataPackage {
    /// `nil` for a file this package has no schema for (every file `RoundTables` writes has one:
    /// a test checks it).
    func moreResource(_ file: String) -> JSONText? {
        let (low, high) = scoreRange
        let unitID = text("unit_id", "Kode unit layanan / service unit id", required: true)
        let kinerja = text("kinerja", "Mutu pelayanan (nama kategori) / service quality, the category's name")
        switch file {
        case "skm.csv":
            let sections = ["unsur", "total", "profile", "lowest", "highest", "trend", "sample"]
            let unsur = rubric.indicators.filter { $0.source == .survey }
            let fields = [
                period, unitID,
                oneOf("section", "Bagian laporan SKM / part of the SKM report", sections, required: true),
                text(
                    "item",
                    "Unsur, IKM, dimensi profil, periode atau 'krejcie-morgan' menurut bagian / what the row is about",
                    required: true),
                text("group", "Kelompok profil atau urutan unsur terendah / profile group or rank of the lowest unsur"),
                integer("respondents", "Jumlah responden / respondents"),
                number(
                    "nrr", "Nilai rata-rata unsur (NRR) / mean answer of the unsur",
                    unsur.map(\.min).min(), unsur.map(\.max).max()),
                number("weight", "Bobot unsur / the unsur's weight", 0, nil, pointDecimal: true),
                number("nrr_weighted", "NRR tertimbang / weighted mean", 0, nil),
                number("ikm", "Indeks kepuasan masyarakat (IKM, 25–100) / satisfaction index", low, high),
                bandField, kinerja,
                number("percent", "Persentase responden dalam kelompok / share of respondents in the group", 0, 100),
                integer("population", "Jumlah penerima layanan / service users"),
                integer("sample_required", "Sampel minimum Krejcie–Morgan / required sample"),
                yesNo("sample_ok", "Sampel cukup / sample large enough")
            ]
            return resource(
                file, title: "Laporan SKM per unit / SKM report per unit",
                description:
                    "Satu baris per angka laporan SKM (PermenPANRB 14/2017), kolom section menyebut bagiannya / one row per figure of the SKM report",
                fields: fields, primaryKey: nil,
                foreignKeys: [(["period", "unit_id"], "units", ["period", "unit_id"])])
        case "skm-regions.csv":
            let fields = [
                period, text("region_code", "Kode wilayah Kemendagri / Kemendagri region code", required: true),
                text("region_name", "Nama wilayah / name"),
                oneOf("level", "Tingkat / level", RegionLevel.allCases.map(\.rawValue)),
                oneOf(
                    "row", "Baris unit atau rekap pemda / a unit's row or the pemda's", ["unit", "pemda"],
                    required: true),
                text("unit_id", "Kode unit layanan (baris unit) / service unit id"),
                text("unit_name", "Nama unit / name"),
                integer("units", "Unit yang disurvei / surveyed units"),
                integer("respondents", "Jumlah responden / respondents"),
                number(
                    "ikm", "IKM unit, atau rata-rata IKM unit untuk pemda / the unit's IKM, or the mean of its units'",
                    low, high),
                bandField, kinerja,
                text("lowest_unsur", "Unsur dengan NRR terendah / the unsur with the lowest mean"),
                number("lowest_nrr", "NRR unsur terendah / its mean answer", nil, nil),
                number(
                    "ikm_respondent_weighted",
                    "IKM pemda ditimbang jumlah responden, sebagai pembanding / respondent-weighted IKM, for comparison",
                    low, high)
            ]
            return resource(
                file, title: "Rekap SKM per pemda / SKM recap per local government",
                description:
                    "Baris per unit yang disurvei dan satu baris rekap per pemda dan periode / a row per surveyed unit and one recap row per pemda and period",
                fields: fields, primaryKey: nil,
                foreignKeys: [(["period", "region_code"], "regions", ["period", "region_code"])])
        case "followup.csv":
            let values = rubric.indicators
            let fields = [
                period, unitID,
                Field(
                    name: "indicator_id", type: "string",
                    description: "Indikator yang ditindaklanjuti / indicator followed up",
                    constraints: [("required", .bool(true)), ("enum", .array(rubric.indicators.map { .string($0.id) }))]
                ),
                oneOf(
                    "status", "Status tindak lanjut / status", FollowupStatus.allCases.map(\.rawValue), required: true),
                Field(name: "status_date", type: "date", description: "Tanggal status / date of the status"),
                Field(name: "start", type: "date", description: "Mulai / start"),
                Field(name: "end", type: "date", description: "Batas waktu / due"),
                yesNo("overdue", "Lewat batas waktu dan belum selesai / past due and not done"),
                number(
                    "value_before", "Nilai indikator pada periode rencana / the indicator's value in the plan's period",
                    values.map(\.min).min(), values.map(\.max).max()),
                text("next_period", "Periode berikutnya yang dinilai / the next period scored"),
                number(
                    "value_after", "Nilai indikator pada periode berikutnya / its value in the next period",
                    values.map(\.min).min(), values.map(\.max).max()),
                text("problem", "Masalah / problem"), text("action", "Tindakan / action"),
                text("responsible", "Penanggung jawab / responsible"), text("evidence", "Bukti / evidence")
            ]
            return resource(
                file, title: "Tindak lanjut / follow-up of the lowest results",
                description:
                    "Rencana tindak lanjut tiap unit dan hasilnya pada periode berikutnya / each unit's follow-up plan and what came of it",
                fields: fields, primaryKey: nil,
                foreignKeys: [(["indicator_id"], "indicator-metadata", ["indicator_id"])])
        case "kl-units.csv":
            let fields = [
                period, unitID, text("unit_name", "Nama unit / name"),
                oneOf(
                    "authority", "Kementerian, lembaga atau instansi vertikal / whose unit",
                    UnitAuthority.allCases.map(\.rawValue), required: true),
                oneOf("unit_type", "Jenis unit / unit type", UnitType.allCases.map(\.rawValue)),
                text("region_code", "Kode wilayah Kemendagri / Kemendagri region code", required: true),
                text("parent_unit_id", "Unit induk (MPP dari tenant) / parent unit"),
                number("score", "Nilai (\(scoreUnit))", low, high), bandField, zoneField,
                integer("rank", "Peringkat di antara unit K/L pada periode itu / rank among the K/L units", minimum: 1)
            ]
            return resource(
                file, title: "Unit kementerian, lembaga dan instansi vertikal / ministries' and agencies' units",
                description:
                    "Diperingkat tersendiri; nilainya tidak masuk nilai pemda / ranked apart, not part of the pemda's score",
                fields: fields, primaryKey: ["period", "unit_id"],
                foreignKeys: [(["period", "unit_id"], "units", ["period", "unit_id"])])
        default:
            return nil
        }
    }
}
