/// The words of the SKM sections (unit result, pemda recap, follow-up plans, printable
/// report), kept apart from `Strings` so that each can grow on its own.
struct SKMStrings: Sendable {
    let lang: String

    init(lang: String) { self.lang = lang == "en" ? "en" : "id" }

    /// Every word, for templates (`{{s.key}}`).
    var all: WordTable { lang == "en" ? Self.englishWords : Self.indonesianWords }

    subscript(key: String) -> String { all.words[key] ?? key }

    private static let indonesianWords = WordTable(indonesian)
    private static let englishWords = WordTable(english)

    static let indonesian: [String: String] = [
        "title": "Hasil Survei Kepuasan Masyarakat (SKM)", "respondents": "Jumlah responden", "ikm": "IKM",
        "mutu": "Mutu pelayanan", "kinerja": "Kinerja unit pelayanan", "unsur": "Unsur pelayanan", "nrr": "NRR",
        "weight": "Bobot", "weighted": "NRR tertimbang", "ikmUnsur": "IKM unsur (NRR × 25)",
        "sumWeighted": "Jumlah NRR tertimbang", "ikmFormula": "IKM = jumlah NRR tertimbang × 25",
        "lowest": "Tiga unsur terendah", "highest": "Unsur tertinggi", "profile": "Profil responden",
        "characteristic": "Karakteristik", "group": "Kelompok", "count": "Jumlah", "percent": "Persentase",
        "notStated": "tidak diisi", "trend": "Perkembangan IKM", "period": "Periode",
        "sample": "Kecukupan sampel (Krejcie–Morgan)", "population": "Populasi pengguna layanan",
        "required": "sampel minimum", "met": "terpenuhi", "notMet": "tidak terpenuhi",
        "gender": "Jenis kelamin", "age": "Usia", "education": "Pendidikan", "occupation": "Pekerjaan",
        "recap": "Rekapitulasi SKM unit layanan", "unit": "Unit layanan", "lowestUnsur": "Unsur terendah",
        "pemdaIKM": "IKM pemda (rata-rata IKM unit)",
        "weightedIKM": "Rata-rata tertimbang jumlah responden (pembanding)",
        "aggregationWhy":
            "IKM pemda adalah rata-rata IKM unit layanannya, setiap unit dihitung sekali. PermenPANRB 14/2017 menetapkan survei, NRR dan IKM per unit penyelenggara pelayanan dan tidak memberi rumus untuk pemda; penilai (KemenPANRB, Ombudsman) menilai per unit lalu merata-ratakan, seperti nilai wilayah di regions.csv. Pembobotan dengan jumlah responden akan membuat satu unit besar menenggelamkan unit lain, padahal jumlah responden mengikuti tabel sampel Krejcie–Morgan, bukan jangkauan layanan. Rata-rata tertimbang ditampilkan sebagai pembanding saja.",
        "units": "unit",
        "plan": "Rencana tindak lanjut", "previousPlan": "Hasil tindak lanjut periode sebelumnya",
        "indicator": "Indikator/unsur", "problem": "Masalah", "action": "tindakan", "timeframe": "Waktu",
        "responsible": "Penanggung jawab", "status": "Status", "evidence": "Bukti", "overdue": "terlambat",
        "status-rencana": "rencana", "status-proses": "proses", "status-selesai": "selesai",
        "plans": "Tindak lanjut hasil penilaian", "plansMade": "Rencana dibuat", "items": "butir",
        "done": "Selesai", "inProgress": "Dalam proses", "overdueCount": "Terlambat",
        "overdueRule": "belum selesai padahal batas waktunya sebelum akhir periode data,", "until": "batas",
        "unplanned": "Unit yang unsur/indikator terendahnya belum punya rencana tindak lanjut",
        "reportTitle": "Laporan Hasil Survei Kepuasan Masyarakat",
        "chMethod": "Pelaksanaan survei", "chRespondents": "Responden", "chResults": "Hasil per unsur pelayanan",
        "chAnalysis": "Analisis unsur terendah", "chFollowup": "Rencana tindak lanjut",
        "noPlan": "Belum ada rencana tindak lanjut untuk periode ini (draf: patuh followup-template).",
        "meanNRR": "Rata-rata NRR unit", "lowestIn": "Terendah di (unit)", "printable": "Laporan cetak (A4)"
    ]

    static let english: [String: String] = [
        "title": "Community Satisfaction Survey (SKM) result", "respondents": "Respondents", "ikm": "IKM",
        "mutu": "Service quality (mutu)", "kinerja": "Unit performance (kinerja)", "unsur": "Service item (unsur)",
        "nrr": "NRR", "weight": "Weight (bobot)", "weighted": "Weighted NRR", "ikmUnsur": "Item IKM (NRR × 25)",
        "sumWeighted": "Sum of weighted NRR", "ikmFormula": "IKM = sum of weighted NRR × 25",
        "lowest": "Three lowest items", "highest": "Highest item", "profile": "Respondent profile",
        "characteristic": "Characteristic", "group": "Group", "count": "Count", "percent": "Share",
        "notStated": "not stated", "trend": "IKM over time", "period": "Period",
        "sample": "Sample size (Krejcie–Morgan)", "population": "Service users",
        "required": "minimum sample", "met": "met", "notMet": "not met",
        "gender": "Gender", "age": "Age", "education": "Education", "occupation": "Occupation",
        "recap": "SKM recap of service units", "unit": "Service unit", "lowestUnsur": "Lowest item",
        "pemdaIKM": "Government's IKM (mean of unit IKMs)", "weightedIKM": "Respondent-weighted mean (for comparison)",
        "aggregationWhy":
            "The government's IKM is the mean of its service units' IKMs, each unit counted once. PermenPANRB 14/2017 defines the survey, the NRR and the IKM per service unit and gives no formula for a local government; evaluators (KemenPANRB, the Ombudsman) assess units and average them, as regions.csv does for region scores. Weighting by respondents would let one large unit drown the others, while respondent counts follow the Krejcie–Morgan sample table, not the service's reach. The respondent-weighted mean is shown for comparison only.",
        "units": "units",
        "plan": "Follow-up plan", "previousPlan": "Follow-up of the previous period",
        "indicator": "Indicator/item", "problem": "Problem", "action": "action", "timeframe": "Time frame",
        "responsible": "Responsible", "status": "Status", "evidence": "Evidence", "overdue": "overdue",
        "status-rencana": "planned", "status-proses": "in progress", "status-selesai": "done",
        "plans": "Follow-up of results", "plansMade": "Plans made", "items": "items",
        "done": "Done", "inProgress": "In progress", "overdueCount": "Overdue",
        "overdueRule": "not done although due before the end of the data's period,", "until": "due",
        "unplanned": "Units whose lowest item or indicator has no follow-up plan",
        "reportTitle": "Community Satisfaction Survey Report",
        "chMethod": "How the survey was done", "chRespondents": "Respondents", "chResults": "Results per service item",
        "chAnalysis": "Analysis of the lowest items", "chFollowup": "Follow-up plan",
        "noPlan": "No follow-up plan for this period yet (draft: patuh followup-template).",
        "meanNRR": "Mean NRR of units", "lowestIn": "Lowest in (units)", "printable": "Printable report (A4)"
    ]
}
