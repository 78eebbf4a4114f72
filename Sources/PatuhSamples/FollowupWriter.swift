import PatuhCore

/// Writes the sample's follow-up plans (`followup/<period>.xml`, rubric `skm-2017`): for a few
/// surveyed units, an item for each of their two lowest unsur of the first survey period,
/// with actions carried out (or not) during the next period: some done with evidence, some
/// in progress, some only planned, so that the next period's pages show before → after and
/// the region pages count overdue items.
struct FollowupWriter {
    /// Every third surveyed unit, at most this many.
    static let maxUnits = 8

    var random: RandomSource
    var header: String

    /// One unit's SKM tally in the plan's period.
    struct Tally {
        var unit: PlannedUnit
        var sums: [Int]
        var respondents: Int
    }

    static let actions = [
        "Program Peningkatan Kualitas Pelayanan Publik; kegiatan: penyederhanaan persyaratan dan publikasinya di loket dan laman",
        "Program Peningkatan Kualitas Pelayanan Publik; kegiatan: penyusunan ulang SOP dan pemasangan bagan alur pelayanan",
        "Program Peningkatan Kualitas Pelayanan Publik; kegiatan: penambahan loket dan antrean daring pada jam sibuk",
        "Program Peningkatan Kualitas Pelayanan Publik; kegiatan: pengumuman tarif resmi dan penegasan layanan tanpa biaya",
        "Program Peningkatan Kualitas Pelayanan Publik; kegiatan: pemeriksaan mutu produk layanan sebelum diserahkan",
        "Program Pengembangan SDM Aparatur; kegiatan: bimbingan teknis petugas pelayanan",
        "Program Pengembangan SDM Aparatur; kegiatan: pelatihan budaya pelayanan prima dan penerapan kode etik",
        "Program Peningkatan Kualitas Pelayanan Publik; kegiatan: pembentukan tim pengelola pengaduan dan kanal SP4N-LAPOR!",
        "Program Sarana dan Prasarana Pelayanan; kegiatan: perbaikan ruang tunggu, toilet dan sarana bagi kelompok rentan"
    ]
    static let responsible = [
        "Sekretaris", "Kepala Bidang Pelayanan", "Kepala Subbagian Umum dan Kepegawaian",
        "Kepala Seksi Pengaduan dan Informasi"
    ]

    /// Writes the plans for `period` (whose results they answer); actions fall in `next`.
    func write(period: String, next: PeriodSpan, tallies: [Tally], to path: String) throws -> Int {
        var rng = random.derive("followup/\(period)")
        let chosen = tallies.enumerated().filter { $0.offset % 3 == 0 }.prefix(Self.maxUnits).map(\.element)
        return try XMLFileWriter.write(path) { w in
            w.raw(header)
            w.raw("<followup xmlns=\"urn:patuh:1\"")
            w.attribute("rubric", SurveyWriter.skmRubric)
            w.attribute("period", period)
            w.raw(">\n")
            for t in chosen where t.respondents > 0 {
                w.raw("  <plan")
                w.attribute("unit", t.unit.id)
                w.attribute("date", CalendarDay(number: next.first.number + rng.int(in: 0...9)).iso)
                w.raw(">\n")
                let lowest = t.sums.indices.sorted { (t.sums[$0], $0) < (t.sums[$1], $1) }.prefix(2)
                for i in lowest {
                    let nrr = Double(t.sums[i]) / Double(t.respondents)
                    let start = CalendarDay(number: next.first.number + rng.int(in: 5...20))
                    let end = CalendarDay(number: start.number + rng.int(in: 45...120))
                    let roll = rng.int(in: 0...9)
                    let status = roll < 5 ? "selesai" : (roll < 8 ? "proses" : "rencana")
                    w.raw("    <item")
                    w.attribute("indicator", SurveyWriter.skmIndicators[i])
                    w.attribute("status", status)
                    if status == "selesai" {
                        w.attribute("date", CalendarDay(number: end.number - rng.int(in: 0...20)).iso)
                    }
                    w.raw(">\n")
                    w.element(
                        "problem",
                        text:
                            "NRR \(SurveyWriter.skmIndicators[i]) \(Rounding.format2(nrr, decimalSeparator: ",")) pada \(period), termasuk dua unsur terendah unit ini",
                        indent: "      ")
                    w.element("action", text: Self.actions[i], indent: "      ")
                    w.raw("      <timeframe")
                    w.attribute("start", start.iso)
                    w.attribute("end", end.iso)
                    w.raw("/>\n")
                    w.element("responsible", text: rng.pick(Self.responsible), indent: "      ")
                    if status == "selesai" {
                        w.raw("      <evidence")
                        w.attribute("href", "bukti/\(t.unit.id)-\(SurveyWriter.skmIndicators[i]).pdf")
                        w.raw(">Laporan pelaksanaan kegiatan</evidence>\n")
                    }
                    w.raw("    </item>\n")
                }
                w.raw("  </plan>\n")
                try w.checkpoint()
            }
            w.raw("</followup>\n")
        }
    }
}
