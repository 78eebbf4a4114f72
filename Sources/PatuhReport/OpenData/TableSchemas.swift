import PatuhCore

/// The table schema of each CSV file of a round (docs/FORMATS.md, "CSV outputs").
extension DataPackage {
    /// A field of a table schema.
    struct Field {
        var name: String
        var type: String
        var description: String
        var constraints: [(String, JSONText)] = []
        var extra: [(String, JSONText)] = []

        var json: JSONText {
            var members: [(String, JSONText)] = [
                ("name", .string(name)), ("type", .string(type)), ("description", .string(description))
            ]
            members += extra
            if !constraints.isEmpty { members.append(("constraints", .object(constraints))) }
            return .object(members)
        }
    }

    /// The lowest and highest total the rubric can give, rounded outwards to 2 decimals.
    var scoreRange: (Double, Double) {
        let (low, high) = (rubric.bottom, rubric.top)
        return ((min(low, high) * 100).rounded(.down) / 100, (max(low, high) * 100).rounded(.up) / 100)
    }

    var scoreUnit: String {
        switch rubric.model {
        case .normalized(let scale):
            return "poin, skala 0–\(DecimalFormat.weight(scale)) / points on a 0–\(DecimalFormat.weight(scale)) scale"
        case .linear: return "indeks (IKM) / index"
        case .weightedSum: return "indeks / index"
        }
    }

    func text(_ name: String, _ description: String, required: Bool = false) -> Field {
        Field(
            name: name, type: "string", description: description,
            constraints: required ? [("required", .bool(true))] : [])
    }

    func integer(_ name: String, _ description: String, minimum: Int = 0) -> Field {
        Field(name: name, type: "integer", description: description, constraints: [("minimum", .integer(minimum))])
    }

    /// A number field; `pointDecimal` for a column written with `.` in every dialect (weights).
    func number(_ name: String, _ description: String, _ low: Double?, _ high: Double?, pointDecimal: Bool = false)
        -> Field
    {
        var constraints: [(String, JSONText)] = []
        if let low { constraints.append(("minimum", .number(low))) }
        if let high { constraints.append(("maximum", .number(high))) }
        let extra: [(String, JSONText)] = dialect == .excelID && !pointDecimal ? [("decimalChar", .string(","))] : []
        return Field(name: name, type: "number", description: description, constraints: constraints, extra: extra)
    }

    func oneOf(_ name: String, _ description: String, _ values: [String], required: Bool = false) -> Field {
        var constraints: [(String, JSONText)] = required ? [("required", .bool(true))] : []
        if !values.isEmpty { constraints.append(("enum", .array(values.map { .string($0) }))) }
        return Field(name: name, type: "string", description: description, constraints: constraints)
    }

    func yesNo(_ name: String, _ description: String) -> Field {
        Field(
            name: name, type: "boolean", description: description,
            extra: [("trueValues", .array([.string("yes")])), ("falseValues", .array([.string("no")]))])
    }

    var period: Field {
        Field(
            name: "period", type: "string",
            description: "Periode: tahun, semester, triwulan atau bulan (2023, 2023-S1) / period",
            constraints: [("required", .bool(true)), ("pattern", .string(ContractText.periodPattern))])
    }

    var bandField: Field {
        oneOf(
            "band",
            "Kategori menurut rubrik / category of the rubric: "
                + bandsHighestFirst.map { "\($0.id) \($0.label.text("id"))" }.joined(separator: ", "),
            bandsHighestFirst.map(\.id))
    }

    var bandsHighestFirst: [Band] { rubric.bands.sorted { $0.min > $1.min } }

    var zoneField: Field {
        let zones = Zone.allCases.filter { zone in rubric.bands.contains { $0.zone == zone } }.map(\.rawValue)
        guard zones.isEmpty else { return oneOf("zone", "Zona kepatuhan / compliance zone", zones) }
        // The rubric's bands have no zone: the column is always empty.
        return Field(
            name: "zone", type: "string",
            description: "Zona: rubrik ini tidak memakai zona, selalu kosong / this rubric has no zones, always empty",
            constraints: [("maxLength", .integer(0))])
    }

    var dimensionFields: [Field] {
        let (_, high) = scoreRange
        return rubric.dimensions.map { d in
            number(
                "dim_\(d.id)", "Poin dimensi \(d.title.text("id").isEmpty ? d.id : d.title.text("id")) (\(scoreUnit))",
                0, high)
        }
    }

    var surveyIndicatorFields: [Field] {
        rubric.indicators.filter { $0.source == .survey }.map { i in
            number(
                "ind_\(i.id)",
                "Rata-rata jawaban responden (NRR) untuk \(i.id) \(i.title.text("id")), skala \(DecimalFormat.weight(i.min))–\(DecimalFormat.weight(i.max)) / mean answer",
                i.min, i.max)
        }
    }

    func resource(
        _ file: String, title: String, description: String, fields: [Field], primaryKey: [String]?,
        foreignKeys: [([String], String, [String])], missingValues: [String] = [""]
    ) -> JSONText {
        var schema: [(String, JSONText)] = [
            ("fields", .array(fields.map(\.json))),
            ("missingValues", .array(missingValues.map { .string($0) }))
        ]
        if let primaryKey { schema.append(("primaryKey", .array(primaryKey.map { .string($0) }))) }
        if !foreignKeys.isEmpty {
            schema.append(
                (
                    "foreignKeys",
                    .array(
                        foreignKeys.map { fields, resource, target in
                            .object([
                                ("fields", .array(fields.map { .string($0) })),
                                (
                                    "reference",
                                    .object([
                                        ("resource", .string(resource)), ("fields", .array(target.map { .string($0) }))
                                    ])
                                )
                            ])
                        })
                ))
        }
        var members: [(String, JSONText)] = [
            ("name", .string(String(file.dropLast(4)).replacingOccurrences(of: "_", with: "-"))),
            ("path", .string(file)), ("profile", .string("tabular-data-resource")),
            ("title", .string(title)), ("description", .string(description)),
            ("format", .string("csv")), ("mediatype", .string("text/csv")),
            ("encoding", .string(dialect == .excelID ? "utf-8-sig" : "utf-8"))
        ]
        if dialect == .excelID { members.append(("dialect", .object([("delimiter", .string(";"))]))) }
        members.append(("schema", .object(schema)))
        return .object(members)
    }

    var resources: [JSONText] {
        let (low, high) = scoreRange
        let survey = rubric.hasSurveyIndicators
        var list: [JSONText] = []
        for file in files {
            switch file {
            case "units.csv":
                var fields = [
                    period, text("unit_id", "Kode unit layanan / service unit id", required: true),
                    text("unit_name", "Nama unit / name"),
                    oneOf("unit_type", "Jenis unit / unit type", UnitType.allCases.map(\.rawValue)),
                    text("region_code", "Kode wilayah Kemendagri / Kemendagri region code", required: true),
                    text("parent_unit_id", "Unit induk (MPP dari tenant) / parent unit"),
                    number("score", "Nilai (\(scoreUnit))", low, high), bandField, zoneField,
                    number(
                        "change", "Perubahan nilai dari periode sebelumnya (poin) / change from the previous period",
                        -(high - low), high - low),
                    oneOf("basis", "Dasar nilai / how the score was reached", ["assessments", "survey", "children"]),
                    integer("assessments", "Jumlah penilaian / number of assessments")
                ]
                fields += dimensionFields
                if let q = rubric.qualifier {
                    // The predicate a unit earns on top of its category (PerOmbudsman 61/2025).
                    fields.append(
                        oneOf(
                            "qualifier", "Predikat tambahan yang diraih / qualifier earned: \(q.label.text("id"))",
                            [q.id]))
                }
                if survey {
                    fields += [
                        integer("respondents", "Jumlah responden / respondents"),
                        integer("population", "Jumlah penerima layanan / service users"),
                        integer("sample_required", "Sampel minimum Krejcie–Morgan / required sample"),
                        yesNo("sample_ok", "Sampel cukup / sample large enough")
                    ]
                    fields += surveyIndicatorFields
                }
                var foreign: [([String], String, [String])] = []
                if files.contains("regions.csv") {
                    foreign.append((["period", "region_code"], "regions", ["period", "region_code"]))
                }
                // One field: the key of a unit without a parent is empty, and frictionless checks
                // a composite key with one empty part (period, "") as if it were a value.
                foreign.append((["parent_unit_id"], "units", ["unit_id"]))
                list.append(
                    resource(
                        file, title: "Nilai per unit layanan / scores per service unit",
                        description: "Satu baris per unit dan periode / one row per unit and period",
                        fields: fields, primaryKey: ["period", "unit_id"], foreignKeys: foreign))
            case "regions.csv":
                var fields = [
                    period, text("region_code", "Kode wilayah Kemendagri / Kemendagri region code", required: true),
                    text("region_name", "Nama wilayah / name"),
                    oneOf("level", "Tingkat / level", RegionLevel.allCases.map(\.rawValue)),
                    text("parent_code", "Kode wilayah induk / parent region"),
                    number("score", "Nilai pemda: rata-rata unit yang terdaftar langsung (\(scoreUnit))", low, high),
                    bandField, zoneField,
                    integer("units", "Unit yang dinilai / scored units"),
                    integer(
                        "rank_level", "Peringkat di antara wilayah setingkat / rank among regions of the level",
                        minimum: 1),
                    integer("rank_in_parent", "Peringkat di dalam wilayah induk / rank within the parent", minimum: 1),
                    number("change", "Perubahan dari periode sebelumnya (poin) / change", -(high - low), high - low)
                ]
                fields += dimensionFields
                list.append(
                    resource(
                        file, title: "Nilai per pemda / scores per local government",
                        description: "Satu baris per wilayah dan periode / one row per region and period",
                        fields: fields, primaryKey: ["period", "region_code"],
                        foreignKeys: [(["parent_code"], "regions", ["region_code"])]))
            case "indicators.csv":
                let fields = [
                    period, text("unit_id", "Kode unit layanan / service unit id", required: true),
                    Field(
                        name: "indicator_id", type: "string",
                        description: "Indikator (lihat indicator_metadata.csv) / indicator",
                        constraints: [
                            ("required", .bool(true)), ("enum", .array(rubric.indicators.map { .string($0.id) }))
                        ]),
                    oneOf("dimension_id", "Dimensi / dimension", rubric.dimensions.map(\.id)),
                    number(
                        "value",
                        "Jawaban (skala indikator; kosong = tidak berlaku, 'na') / answer on the indicator's scale, empty where not applicable",
                        rubric.indicators.map(\.min).min(), rubric.indicators.map(\.max).max()),
                    number("fraction", "Bagian dari nilai maksimum / fraction of the maximum", 0, 1),
                    number("weight", "Bobot / weight", 0, nil, pointDecimal: true),
                    oneOf("source", "Sumber: penilai atau survei / source", ["assessor", "survey"]),
                    integer(
                        "missing", "Jawaban yang tidak ada, dihitung minimum / answers missing, counted as the minimum"),
                    integer(
                        "answered", "Responden atau penilaian yang menjawab / respondents or assessments that answered"),
                    integer("asked", "Responden atau penilaian seluruhnya / respondents or assessments in all")
                ]
                list.append(
                    resource(
                        file, title: "Nilai per indikator / values per indicator",
                        description:
                            "Jawaban tiap indikator per unit dan periode / each indicator's value per unit and period",
                        fields: fields, primaryKey: ["period", "unit_id", "indicator_id"],
                        foreignKeys: [
                            (["period", "unit_id"], "units", ["period", "unit_id"]),
                            (["indicator_id"], "indicator-metadata", ["indicator_id"])
                        ],
                        missingValues: ["", "na"]))
            case "breakdown.csv":
                var fields = [
                    period, text("unit_id", "Kode unit layanan / service unit id", required: true),
                    oneOf(
                        "group_by", "Dasar pengelompokan / grouped by", BreakdownDimension.allCases.map(\.rawValue),
                        required: true),
                    Field(
                        name: "group", type: "string", description: "Kelompok / group",
                        constraints: [("required", .bool(true))]),
                    // A group smaller than --min-group is withheld: "<5", with no score.
                    Field(
                        name: "respondents", type: "string",
                        description:
                            "Jumlah responden, atau '<5' bila kelompok terlalu kecil untuk diterbitkan / respondents, or '<5' for a group too small to publish",
                        constraints: [("required", .bool(true)), ("pattern", .string("[0-9]+|<[0-9]+"))]),
                    number("score", "Nilai kelompok (\(scoreUnit))", low, high), bandField
                ]
                fields += surveyIndicatorFields
                list.append(
                    resource(
                        file, title: "Rincian survei / survey breakdown",
                        description:
                            "Responden, nilai dan NRR per layanan dan kelompok responden / by service and respondent group",
                        fields: fields, primaryKey: ["period", "unit_id", "group_by", "group"],
                        foreignKeys: [(["period", "unit_id"], "units", ["period", "unit_id"])]))
            case "comments.csv":
                let fields = [
                    period, text("unit_id", "Kode unit layanan / service unit id", required: true),
                    text("response_id", "Kode respons / response id", required: true),
                    text("service", "Layanan / service"), text("text", "Saran atau keluhan / comment")
                ]
                list.append(
                    resource(
                        file, title: "Saran dan keluhan responden / respondents' comments",
                        description: "Setiap komentar tertulis / every written comment",
                        fields: fields, primaryKey: nil,
                        foreignKeys: [(["period", "unit_id"], "units", ["period", "unit_id"])]))
            case Self.indicatorMetadataFile:
                let fields = [
                    text("indicator_id", "Indikator / indicator", required: true),
                    oneOf("dimension_id", "Dimensi / dimension", rubric.dimensions.map(\.id)),
                    text("dimension_title", "Nama dimensi / dimension"),
                    text("title_id", "Judul (Bahasa Indonesia)"), text("title_en", "Title (English)"),
                    text("definition", "Definisi / definition"),
                    oneOf("source", "Sumber: penilai atau survei / source", ["assessor", "survey"]),
                    number("scale_min", "Jawaban terendah / lowest answer", nil, nil),
                    number("scale_max", "Jawaban tertinggi / highest answer", nil, nil),
                    number("weight", "Bobot / weight", 0, nil),
                    yesNo("allows_na", "Boleh 'tidak berlaku' / may be not applicable"),
                    text("levels", "Arti tiap nilai / what each answer means"),
                    text("legal_basis", "Dasar hukum / legal basis"),
                    text("rubric_id", "Rubrik / rubric"), text("rubric_version", "Versi rubrik / rubric version")
                ]
                list.append(
                    resource(
                        file, title: "Metadata indikator / indicator metadata",
                        description:
                            "Definisi, skala dan dasar hukum tiap indikator / each indicator's definition, scale and legal basis",
                        fields: fields, primaryKey: ["indicator_id"], foreignKeys: []))
            default:
                if let more = moreResource(file) { list.append(more) }
            }
        }
        return list
    }
}
