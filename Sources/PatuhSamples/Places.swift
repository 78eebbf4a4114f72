import PatuhCore

/// A kabupaten or kota the generator fills with service units.
struct PlaceRegion: Sendable, Hashable {
    var code: String
    var level: RegionLevel
    var name: String
    /// Residents (real regions: 2020 census, rounded; synthetic ones: drawn).
    var population: Int
    /// Towns and kelurahan for puskesmas names; the first is the seat of government.
    var towns: [String]
    /// The BPS code of a real region (`1406` for Kampar, whose Kemendagri code is 14.01).
    var bps: String? = nil

    /// The code without dots, the prefix of unit ids: `14.71` → `1471`.
    var idPrefix: String { code.replacingOccurrences(of: ".", with: "") }

    /// What the region's random streams are named by. For a real region, its BPS code in
    /// the dotted form (Kampar: `14.06`): the generator took BPS codes for Kemendagri codes
    /// until the codes were corrected, and naming the streams as before kept every unit,
    /// answer and score of the sample the same under the right codes.
    var seedCode: String {
        guard let bps, bps.count == 4 else { return code }
        return "\(bps.prefix(2)).\(bps.suffix(2))"
    }

    /// The name without "Kabupaten "/"Kota ": `Pekanbaru`.
    var shortName: String {
        for prefix in ["Kabupaten ", "Kota "] where name.hasPrefix(prefix) {
            return String(name.dropFirst(prefix.count))
        }
        return name
    }
}

/// A province with its own name, code and kabupaten/kota.
struct PlaceProvince: Sendable, Hashable {
    var code: String
    var name: String
    var population: Int
    var regions: [PlaceRegion]
    /// The name of the provincial hospital.
    var hospitalName: String
}

/// Real places of Provinsi Riau (Kemendagri codes, Permendagri on region codes) and synthetic provinces for
/// national-scale datasets.
enum Places {
    /// Provinsi Riau's twelve kabupaten/kota: Kemendagri code (`wilayah.csv`) and name, BPS
    /// code, 2020 census population (BPS, rounded), towns.
    static let riauRegions: [PlaceRegion] = [
        kabupaten(
            "14.01", "Kampar", bps: "1406", 841_332,
            ["Bangkinang", "Air Tiris", "Lipat Kain", "Kubang Jaya", "Tambang", "Gunung Sahilan"]),
        kabupaten(
            "14.02", "Indragiri Hulu", bps: "1402", 444_548,
            ["Rengat", "Air Molek", "Pematang Reba", "Belilas", "Peranap", "Lirik"]),
        kabupaten(
            "14.03", "Bengkalis", bps: "1408", 565_569,
            ["Bengkalis", "Duri", "Bantan", "Sungai Pakning", "Pinggir", "Rupat"]),
        kabupaten(
            "14.04", "Indragiri Hilir", bps: "1403", 654_909,
            ["Tembilahan", "Sungai Guntung", "Kuala Enok", "Pulau Kijang", "Kotabaru", "Sungai Salak"]),
        kabupaten(
            "14.05", "Pelalawan", bps: "1404", 390_046,
            ["Pangkalan Kerinci", "Sorek", "Langgam", "Ukui", "Pangkalan Lesung", "Teluk Meranti"]),
        kabupaten(
            "14.06", "Rokan Hulu", bps: "1407", 561_385,
            ["Pasir Pengaraian", "Ujung Batu", "Kepenuhan", "Tandun", "Kabun", "Dalu-Dalu"]),
        kabupaten(
            "14.07", "Rokan Hilir", bps: "1409", 637_161,
            ["Bagansiapiapi", "Bagan Batu", "Ujung Tanjung", "Panipahan", "Sedinginan", "Rantau Kopar"]),
        kabupaten(
            "14.08", "Siak", bps: "1405", 457_940,
            ["Siak Sri Indrapura", "Perawang", "Minas", "Kandis", "Sungai Apit", "Lubuk Dalam"]),
        kabupaten(
            "14.09", "Kuantan Singingi", bps: "1401", 334_943,
            ["Teluk Kuantan", "Benai", "Cerenti", "Baserah", "Lubuk Jambi", "Muara Lembu"]),
        kabupaten(
            "14.10", "Kepulauan Meranti", bps: "1410", 206_116,
            ["Selatpanjang", "Alah Air", "Teluk Belitung", "Tanjung Samak", "Kedabu Rapat", "Bandul"]),
        kota(
            "14.71", "Pekanbaru", bps: "1471", 983_356,
            [
                "Sidomulyo", "Rejosari", "Harapan Raya", "Simpang Tiga", "Payung Sekaki", "Rumbai",
                "Garuda", "Senapelan", "Langsat", "Umban Sari"
            ]),
        kota(
            "14.72", "Dumai", bps: "1473", 316_782,
            ["Dumai Kota", "Purnama", "Bukit Kapur", "Sungai Sembilan", "Medang Kampai", "Bukit Timah"])
    ]

    /// The code of Kota Pekanbaru, home of the MPP named in the press.
    static let pekanbaru = "14.71"

    /// Kemendagri's 38 province codes (Riau's, 14, comes first), then unused two-digit codes.
    static let provinceCodes: [String] = {
        let real = [
            14, 11, 12, 13, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53,
            61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96
        ]
        let rest = (11...99).filter { !real.contains($0) }
        return (real + rest).map { String($0) }
    }()

    /// The most provinces, and kabupaten/kota per province, that codes can name.
    static let maxProvinces = 89
    static let maxRegions = 90

    /// `count` provinces: Riau first, then the other 37 provinces under their Kemendagri codes
    /// and names with their real kabupaten/kota (`RegionReference`; populations and towns
    /// drawn), then "Provinsi Sintetis NN" on unused codes. `regions` fixes the number of
    /// kabupaten/kota per province (the real ones first, synthetic ones after them); `nil`
    /// keeps the real ones, and draws 8–20 for a synthetic province.
    static func provinces(count: Int, regions: Int?, random: RandomSource) -> [PlaceProvince] {
        (0..<count).map { i in
            let code = provinceCodes[i]
            var rng = random.derive("province/\(code)")
            if i == 0 { return riau(regions: regions ?? riauRegions.count, random: rng) }
            if let real = RegionReference.kemendagri.names[code] {
                return province(code: code, name: "Provinsi \(real)", regions: regions, random: rng)
            }
            let n = regions ?? rng.int(in: 8...20)
            let name = "Provinsi Sintetis \(code)"
            let list = syntheticRegions(province: code, count: n, skipping: [], random: rng)
            return PlaceProvince(
                code: code, name: name, population: list.reduce(0) { $0 + $1.population },
                regions: list, hospitalName: "RSUD \(name)")
        }
    }

    /// Riau with `n` regions: the real ones (Pekanbaru always among them), then synthetic
    /// kabupaten 14.11, 14.12, ... when more are asked for.
    static func riau(regions n: Int, random: RandomSource) -> PlaceProvince {
        var chosen: [PlaceRegion]
        if n >= riauRegions.count {
            let extra = syntheticRegions(
                province: "14", count: n - riauRegions.count,
                skipping: Set(riauRegions.map(\.code)), random: random)
            chosen = (riauRegions + extra).sorted { $0.code < $1.code }
        } else {
            // Picked in the order of their stream names (BPS order), as before the codes were corrected.
            let others = riauRegions.filter { $0.code != pekanbaru }.sorted { $0.seedCode < $1.seedCode }
                .prefix(max(n - 1, 0))
            chosen = (riauRegions.filter { $0.code == pekanbaru } + others).sorted { $0.code < $1.code }
        }
        return PlaceProvince(
            code: "14", name: "Provinsi Riau", population: 6_394_087,
            regions: chosen, hospitalName: "RSUD Arifin Achmad")
    }

    /// A real province other than Riau: its kabupaten/kota as Kemendagri lists them, the first
    /// `regions` of them (synthetic ones added when more are asked for).
    static func province(code: String, name: String, regions: Int?, random: RandomSource) -> PlaceProvince {
        let real = RegionReference.kemendagri.kabupatenKota(of: code)
        let n = regions ?? real.count
        var list = real.prefix(n).map { region in
            let last = region.code.split(separator: ".").last.flatMap { Int($0) } ?? 0
            return drawn(code: region.code, level: last >= 71 ? .kota : .kabupaten, name: region.name, random: random)
        }
        list += syntheticRegions(province: code, count: n - list.count, skipping: Set(real.map(\.code)), random: random)
        list.sort { $0.code < $1.code }
        return PlaceProvince(
            code: code, name: name, population: list.reduce(0) { $0 + $1.population },
            regions: list, hospitalName: "RSUD \(name)")
    }

    /// A region with a drawn population and drawn town names.
    static func drawn(code: String, level: RegionLevel, name: String, random: RandomSource) -> PlaceRegion {
        var rng = random.derive("region/\(code)")
        let isKota = level == .kota
        let population = isKota ? rng.int(in: 120_000...2_400_000) : rng.int(in: 140_000...1_300_000)
        var towns: [String] = []
        while towns.count < 6 {
            let town = "\(rng.pick(townFirst)) \(rng.pick(townSecond))"
            if !towns.contains(town) { towns.append(town) }
        }
        return PlaceRegion(code: code, level: level, name: name, population: population, towns: towns)
    }

    /// Synthetic kabupaten (codes .01–.70) and kota (.71–.99), about one kota in five.
    static func syntheticRegions(
        province: String, count n: Int, skipping taken: Set<String>,
        random: RandomSource
    ) -> [PlaceRegion] {
        guard n > 0 else { return [] }
        let kabupatenCodes = (1...70).map { "\(province).\(twoDigits($0))" }.filter { !taken.contains($0) }
        let kotaCodes = (71...99).map { "\(province).\(twoDigits($0))" }.filter { !taken.contains($0) }
        let kotaCount = min(kotaCodes.count, max(1, (n + 2) / 5, n - kabupatenCodes.count))
        let codes = Array(kabupatenCodes.prefix(n - kotaCount)) + Array(kotaCodes.prefix(kotaCount))
        return codes.map { code in
            let isKota = code.split(separator: ".").last.flatMap { Int($0) }.map { $0 >= 71 } ?? false
            let digits = code.replacingOccurrences(of: ".", with: "")
            return drawn(
                code: code, level: isKota ? .kota : .kabupaten,
                name: isKota ? "Kota Sintetis \(digits)" : "Kabupaten Sintetis \(digits)", random: random)
        }
    }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    private static func kabupaten(
        _ code: String, _ name: String, bps: String, _ population: Int,
        _ towns: [String]
    ) -> PlaceRegion {
        PlaceRegion(
            code: code, level: .kabupaten, name: "Kabupaten \(name)", population: population, towns: towns, bps: bps)
    }

    private static func kota(
        _ code: String, _ name: String, bps: String, _ population: Int,
        _ towns: [String]
    ) -> PlaceRegion {
        PlaceRegion(code: code, level: .kota, name: "Kota \(name)", population: population, towns: towns, bps: bps)
    }

    /// Parts of synthetic town names, in the style of Sumatran place names.
    static let townFirst = [
        "Sungai", "Teluk", "Bukit", "Tanjung", "Pulau", "Kuala", "Padang", "Batu",
        "Air", "Lubuk", "Muara", "Pasir", "Koto", "Simpang", "Rantau", "Pangkalan"
    ]
    static let townSecond = [
        "Jaya", "Makmur", "Baru", "Indah", "Raya", "Sari", "Mulya", "Permai",
        "Harapan", "Sejahtera", "Lestari", "Tengah", "Hilir", "Hulu", "Lama", "Panjang"
    ]
}
