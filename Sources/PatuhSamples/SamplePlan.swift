import PatuhCore

/// A service unit the generator writes.
struct PlannedUnit: Sendable, Hashable {
    var id: String
    var kind: UnitKind
    var name: String
    var regionCode: String
    var parentID: String?
    /// Service users per semester (none for an MPP, which scores through its tenants).
    var population: Int?
    /// Whether the unit has SKM survey files.
    var surveyed: Bool
    var tenants: [PlannedUnit] = []
    /// What the unit's random streams are named by: its id, but with a real region's BPS
    /// prefix (`1406-disdukcapil` for `1401-disdukcapil`; see `PlaceRegion.seedCode`).
    var seedID: String

    var type: UnitType { kind.type }
    /// An MPP is not assessed itself: it scores as the mean of its tenants.
    var assessed: Bool { kind.type != .mpp }
}

/// A province, kabupaten or kota with its units, in registry order.
struct PlannedRegion: Sendable, Hashable {
    var code: String
    var level: RegionLevel
    var name: String
    var units: [PlannedUnit]
    var subregions: [PlannedRegion] = []
    /// The BPS code, written beside the Kemendagri code in the registry.
    var bps: String? = nil
    /// What the region's random streams are named by (see `PlaceRegion.seedCode`).
    var seedCode: String

    /// The code without dots, as used in file names: `1471`.
    var fileStem: String { code.replacingOccurrences(of: ".", with: "") }

    /// Units registered here with the MPPs' tenants after their MPP, in document order.
    var unitsWithTenants: [PlannedUnit] { units.flatMap { [$0] + $0.tenants } }
}

/// Everything the writers need: the regions and units, and which units tell a story.
struct SamplePlan: Sendable {
    var provinces: [PlannedRegion]
    /// A Riau unit whose compliance rises clearly from the first period to the last.
    static let improvingUnit = "1401-disdukcapil"
    /// A Riau unit whose compliance falls clearly.
    static let decliningUnit = "1472-dpmptsp"
    /// A Riau unit with a large population and too few SKM respondents.
    static let shortSampleUnit = "1471-disdukcapil"
    /// A Riau unit assessed on two service products in every period.
    static let twoProductUnit = "1471-dpmptsp"

    /// Provinces and their kabupaten/kota, in document order.
    var regions: [PlannedRegion] { provinces.flatMap { [$0] + $0.subregions } }

    /// Every unit, tenants after their MPP, in document order.
    var units: [PlannedUnit] { regions.flatMap(\.unitsWithTenants) }

    /// Lays out `options.provinces` provinces from `random`.
    init(options: SampleOptions, random: RandomSource) {
        let places = Places.provinces(
            count: options.provinces, regions: options.regions,
            random: random.derive("places"))
        provinces = places.map { province in
            let subregions = province.regions.enumerated().map { i, region in
                let hasMPP =
                    region.code == Places.pekanbaru
                    || (province.code != "14" && region.level == .kota
                        && province.regions.firstIndex { $0.level == .kota } == i)
                return Self.region(region, units: options.units, mpp: hasMPP, random: random)
            }
            return PlannedRegion(
                code: province.code, level: .provinsi, name: province.name,
                units: Self.provinceUnits(province, random: random), subregions: subregions,
                seedCode: province.code)
        }
    }

    private static func provinceUnits(_ province: PlaceProvince, random: RandomSource) -> [PlannedUnit] {
        var rng = random.derive("units/\(province.code)")
        let kinds = UnitKinds.province
        let extra = rng.int(in: 2...4)
        let chosen = Set(
            kinds.prefix(3).map(\.slug) + rng.shuffled(Array(kinds.dropFirst(3))).prefix(extra).map(\.slug))
        return kinds.filter { chosen.contains($0.slug) }.map { kind in
            let name = kind.type == .rsud ? province.hospitalName : "\(kind.title) \(province.name)"
            return unit(
                id: "\(province.code)-\(kind.slug)", seedPrefix: province.code, kind: kind, name: name,
                regionCode: province.code, residents: province.population, random: random)
        }
    }

    private static func region(
        _ place: PlaceRegion, units count: Int?, mpp: Bool,
        random: RandomSource
    ) -> PlannedRegion {
        var rng = random.derive("units/\(place.seedCode)")
        let seedPrefix = place.seedCode.replacingOccurrences(of: ".", with: "")
        let n = count ?? rng.int(in: 6...10)
        // Every region has these four (in this order of priority), then a shuffled mix.
        var kinds = [UnitKinds.disdukcapil, UnitKinds.dpmptsp, UnitKinds.puskesmas, UnitKinds.rsud]
        kinds += rng.shuffled(UnitKinds.optional + [UnitKinds.puskesmas, UnitKinds.puskesmas])
        while kinds.count < n { kinds.append(UnitKinds.puskesmas) }
        kinds = Array(kinds.prefix(n))

        var units: [PlannedUnit] = []
        var ids = Set<String>()
        var puskesmasCount = 0
        for kind in kinds {
            var name = "\(kind.title) \(place.name)"
            var id = "\(place.idPrefix)-\(kind.slug)"
            if kind.type == .puskesmas {
                var town = puskesmasCount < place.towns.count ? place.towns[puskesmasCount] : ""
                while town.isEmpty || ids.contains("\(place.idPrefix)-puskesmas-\(slug(town))") {
                    town = "\(rng.pick(Places.townFirst)) \(rng.pick(Places.townSecond))"
                }
                puskesmasCount += 1
                name = "Puskesmas \(town)"
                id = "\(place.idPrefix)-puskesmas-\(slug(town))"
            } else if kind.type == .rsud {
                name = place.level == .kota ? "RSUD \(place.name)" : "RSUD \(place.towns.first ?? place.shortName)"
            }
            ids.insert(id)
            var planned = unit(
                id: id, seedPrefix: seedPrefix, kind: kind, name: name, regionCode: place.code,
                residents: place.population, random: random)
            // Only the first puskesmas of a region is in the SKM sample.
            if kind.type == .puskesmas && puskesmasCount > 1 { planned.surveyed = false }
            units.append(planned)
        }
        // Sorted by (rank, position): stable whatever the sort algorithm.
        units = units.enumerated().sorted { (rank($0.element.kind), $0.offset) < (rank($1.element.kind), $1.offset) }
            .map(\.element)
        if mpp { units.append(mall(place, random: random)) }
        return PlannedRegion(
            code: place.code, level: place.level, name: place.name, units: units,
            bps: place.bps, seedCode: place.seedCode)
    }

    /// The MPP of a kota with its tenants.
    private static func mall(_ place: PlaceRegion, random: RandomSource) -> PlannedUnit {
        let id = "\(place.idPrefix)-mpp"
        let seedPrefix = place.seedCode.replacingOccurrences(of: ".", with: "")
        var mall = PlannedUnit(
            id: id, kind: UnitKinds.mpp, name: "Mal Pelayanan Publik \(place.name)",
            regionCode: place.code, parentID: nil, population: nil, surveyed: false,
            seedID: "\(seedPrefix)-mpp")
        mall.tenants = UnitKinds.tenants.map { kind in
            let name = kind.title.replacingOccurrences(of: "{region}", with: place.name)
                .replacingOccurrences(of: "{kota}", with: place.shortName)
            var tenant = unit(
                id: "\(id)-\(kind.slug)", seedPrefix: seedPrefix, kind: kind, name: name,
                regionCode: place.code, residents: place.population, random: random)
            tenant.parentID = id
            return tenant
        }
        return mall
    }

    /// A unit whose id starts with its region's id prefix; `seedPrefix` replaces that prefix
    /// in the names of its random streams.
    private static func unit(
        id: String, seedPrefix: String, kind: UnitKind, name: String, regionCode: String,
        residents: Int, random: RandomSource
    ) -> PlannedUnit {
        let prefix = regionCode.replacingOccurrences(of: ".", with: "")
        let seedID = id.hasPrefix(prefix) ? seedPrefix + id.dropFirst(prefix.count) : id
        var rng = random.derive("unit/\(seedID)")
        let population = kind.population(residents: residents, random: &rng)
        let surveyed = id == shortSampleUnit || (kind.surveyChance > 0 && rng.chance(kind.surveyChance))
        return PlannedUnit(
            id: id, kind: kind, name: name, regionCode: regionCode, parentID: nil,
            population: population, surveyed: surveyed, seedID: seedID)
    }

    /// Registry order: OPDs in catalogue order, then puskesmas, then the RSUD.
    private static func rank(_ kind: UnitKind) -> Int {
        switch kind.type {
        case .puskesmas: return 100
        case .rsud: return 200
        case .mpp: return 300
        default:
            let order = ["disdukcapil", "dpmptsp"] + UnitKinds.optional.map(\.slug)
            return order.firstIndex(of: kind.slug) ?? 99
        }
    }

    /// A lower-case id fragment: letters and digits, words joined by `-`.
    static func slug(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash && !result.isEmpty { result.append("-") }
                result.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return result
    }
}
