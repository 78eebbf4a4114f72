/// Levels of government, as Kemendagri codes them.
public enum RegionLevel: String, Sendable, Hashable, CaseIterable {
    case nasional, provinsi, kabupaten, kota, kecamatan
}

/// Kinds of service unit.
public enum UnitType: String, Sendable, Hashable, CaseIterable {
    case opd, mpp
    case mppTenant = "mpp-tenant"
    case puskesmas, rsud, kecamatan, other
}

/// A province, kabupaten, kota or kecamatan.
public struct Region: Hashable, Sendable {
    public var code: String
    public var level: RegionLevel
    public var name: String
    public var parentCode: String?
    public var location: SourceLocation

    public init(
        code: String, level: RegionLevel, name: String, parentCode: String? = nil,
        location: SourceLocation = SourceLocation(file: "")
    ) {
        self.code = code
        self.level = level
        self.name = name
        self.parentCode = parentCode
        self.location = location
    }
}

/// Whose a unit is when it is not the pemda's own: a ministry's office, an agency's, or a
/// central government office in the region (instansi vertikal), even inside an MPP.
public enum UnitAuthority: String, Sendable, Hashable, CaseIterable {
    case kementerian, lembaga, vertikal
}

/// A public-service unit: an OPD, an MPP, one of its tenants, a puskesmas, ...
public struct ServiceUnit: Hashable, Sendable {
    public var id: String
    public var type: UnitType
    public var name: String
    /// The region the unit is registered in (for a tenant, its MPP's region).
    public var regionCode: String
    /// The unit this one sits inside (an MPP tenant's MPP).
    public var parentID: String?
    /// Service users in the period, for the SKM sample-size check.
    public var population: Int?
    /// `nil` for the pemda's own units; else the kementerian, lembaga or instansi vertikal
    /// the unit belongs to, which keeps it out of the pemda's score (see `Rubric.klInPemda`).
    public var authority: UnitAuthority?
    public var location: SourceLocation

    public init(
        id: String, type: UnitType, name: String, regionCode: String, parentID: String? = nil,
        population: Int? = nil, location: SourceLocation = SourceLocation(file: ""),
        authority: UnitAuthority? = nil
    ) {
        self.id = id
        self.authority = authority
        self.type = type
        self.name = name
        self.regionCode = regionCode
        self.parentID = parentID
        self.population = population
        self.location = location
    }
}

/// What a registry says about the round's data as a whole, for the report's provenance.
public struct RegistryInfo: Hashable, Sendable {
    /// The data are invented (a sample, a test): every page says so.
    public var synthetic = false
    /// Who assessed (e.g. "Ombudsman RI Perwakilan Riau").
    public var assessingBody: String?
    /// Where the data come from (e.g. "Pengumpulan lapangan 2023, ODK Central").
    public var dataSource: String?

    public init(synthetic: Bool = false, assessingBody: String? = nil, dataSource: String? = nil) {
        self.synthetic = synthetic
        self.assessingBody = assessingBody
        self.dataSource = dataSource
    }
}

/// Regions and units, in document order, with lookups.
public struct Registry: Hashable, Sendable {
    /// The registry's metadata (synthetic, assessing body, data source).
    public var info = RegistryInfo()
    public private(set) var regions: [Region]
    /// Values a survey group may take, by group (`answer-values`): each name and synonym,
    /// lower-cased and trimmed, to the name it counts as. Empty: any value is taken.
    public var answerValues: [BreakdownDimension: [String: String]] = [:]
    public private(set) var units: [ServiceUnit]
    public private(set) var regionIndex: [String: Int] = [:]
    public private(set) var unitIndex: [String: Int] = [:]
    private var childUnits: [String: [Int]] = [:]
    private var directUnits: [String: [Int]] = [:]
    private var childRegions: [String: [Int]] = [:]

    public init(regions: [Region], units: [ServiceUnit]) {
        self.regions = regions
        self.units = units
        for (i, r) in regions.enumerated() {
            if regionIndex[r.code] == nil { regionIndex[r.code] = i }
            if let parent = r.parentCode { childRegions[parent, default: []].append(i) }
        }
        for (i, u) in units.enumerated() {
            if unitIndex[u.id] == nil { unitIndex[u.id] = i }
            if let parent = u.parentID {
                childUnits[parent, default: []].append(i)
            } else {
                directUnits[u.regionCode, default: []].append(i)
            }
        }
    }

    public func region(_ code: String) -> Region? { regionIndex[code].map { regions[$0] } }
    public func unit(_ id: String) -> ServiceUnit? { unitIndex[id].map { units[$0] } }

    /// Units whose parent unit is `id` (an MPP's tenants).
    public func children(ofUnit id: String) -> [ServiceUnit] { (childUnits[id] ?? []).map { units[$0] } }

    /// Units registered directly in a region (not inside another unit, not in a sub-region).
    public func unitsDirectly(in code: String) -> [ServiceUnit] {
        (directUnits[code] ?? []).map { units[$0] }
    }

    /// Regions whose parent is `code`.
    public func subregions(of code: String) -> [Region] { (childRegions[code] ?? []).map { regions[$0] } }
}
