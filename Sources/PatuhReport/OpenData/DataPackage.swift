import Foundation
import PatuhCore

/// `datapackage.json` (Frictionless Data Package, v1 profile `tabular-data-package`) for the
/// CSV files of a scored round, so that a portal (CKAN, Satu Data Indonesia) and its readers
/// get each figure with its type, range, allowed categories and meaning.
///
/// Each CSV file is a resource with a table schema: field types, units (in each field's
/// description), ranges, the rubric's bands and zones as `enum` constraints, primary keys,
/// and foreign keys from units to regions, from regions to their parents, from indicator
/// values to units and to `indicator_metadata.csv` (each indicator's definition, scale and
/// legal basis).
public struct DataPackage: Sendable {
    /// A licence of the data.
    public struct License: Sendable, Hashable {
        public var name: String
        public var title: String?
        public var path: String?

        /// A licence known by its SPDX-style id (`CC-BY-4.0`, `CC0-1.0`, `ODbL-1.0`, …); the
        /// well-known ones get their title and address.
        public init(id: String) {
            name = id
            let known: [String: (String, String)] = [
                "CC-BY-4.0": ("Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/"),
                "CC-BY-SA-4.0": (
                    "Creative Commons Attribution Share-Alike 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"
                ),
                "CC0-1.0": ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
                "ODbL-1.0": (
                    "Open Data Commons Open Database License 1.0", "https://opendatacommons.org/licenses/odbl/1-0/"
                ),
                "ODC-By-1.0": (
                    "Open Data Commons Attribution License 1.0", "https://opendatacommons.org/licenses/by/1-0/"
                ),
                "PDDL-1.0": (
                    "Open Data Commons Public Domain Dedication and License 1.0",
                    "https://opendatacommons.org/licenses/pddl/1-0/"
                )
            ]
            if let (title, path) = known[id] {
                self.title = title
                self.path = path
            }
        }

        /// Whether `id` can name a licence in a data package (letters, digits, `-._`).
        public static func isValidID(_ id: String) -> Bool {
            !id.isEmpty
                && id.unicodeScalars.allSatisfy {
                    $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-._".unicodeScalars.contains($0))
                }
        }
    }

    public var result: RoundResult
    public var license: License
    /// When the data were made (`SOURCE_DATE_EPOCH` for reproducible builds).
    public var created: Date
    public var dialect: CSVDialect
    /// Who assessed (Ombudsman RI perwakilan, an inspektorat, …), when given.
    public var assessingBody: String?
    /// The CSV files written beside the package, by name (`units.csv`, …).
    public var files: [String]

    /// The indicator metadata table's file name.
    public static let indicatorMetadataFile = "indicator_metadata.csv"

    public init(
        result: RoundResult, files: [String], license: License = License(id: "CC-BY-4.0"), created: Date,
        dialect: CSVDialect = .standard, assessingBody: String? = nil
    ) {
        self.result = result
        self.files = files
        self.license = license
        self.created = created
        self.dialect = dialect
        self.assessingBody = assessingBody
    }

    var rubric: Rubric { result.rubric }

    /// `indicator_metadata.csv`: one row per indicator of the rubric.
    public var indicatorMetadata: CSVTable {
        let rubric = self.rubric
        let mark = dialect == .excelID ? "," : "."
        return CSVTable(header: [
            "indicator_id", "dimension_id", "dimension_title", "title_id", "title_en", "definition",
            "source", "scale_min", "scale_max", "weight", "allows_na", "levels", "legal_basis",
            "rubric_id", "rubric_version"
        ]) { emit in
            for (i, indicator) in rubric.indicators.enumerated() {
                let dimension = rubric.dimensions[rubric.dimensionOfIndicator[i]]
                let levels = indicator.levels.map { "\(DecimalFormat.weight($0.value)) = \($0.label.text("id"))" }
                    .joined(separator: "; ")
                emit([
                    .text(indicator.id), .text(dimension.id), .text(dimension.title.text("id")),
                    .text(indicator.title.text("id")), .text(indicator.title["en"]),
                    .text(indicator.description.text("id")),
                    .text(indicator.source.rawValue),
                    .text(DecimalFormat.weight(indicator.min, decimalSeparator: mark)),
                    .text(DecimalFormat.weight(indicator.max, decimalSeparator: mark)),
                    .text(DecimalFormat.weight(indicator.weight, decimalSeparator: mark)),
                    .text(indicator.allowsNA ? "yes" : "no"), .text(levels),
                    .text(indicator.ref), .text(rubric.id), .text(rubric.version)
                ])
            }
        }
    }

    /// The package as JSON text.
    public func json() -> String {
        var members: [(String, JSONText)] = [
            ("profile", .string("tabular-data-package")),
            ("name", .string(Self.packageName(rubric.id))),
            ("title", .string("\(rubric.title.text("id")) (\(periodsText))")),
            ("description", .string(description)),
            ("version", .string(rubric.version ?? "1")),
            ("created", .string(Self.iso8601(created))),
            ("licenses", .array([license.json])),
            ("sources", .array(sources)),
            ("keywords", .array(["pelayanan publik", "UU 25/2009", "kepatuhan", rubric.id].map { .string($0) })),
            ("periods", .array(result.periods.map { .string($0) }))
        ]
        members.append(("resources", .array(resources)))
        return JSONText.object(members).rendered() + "\n"
    }

    var periodsText: String { result.periods.joined(separator: ", ") }

    var description: String {
        var text = "Hasil penilaian per unit layanan, per pemda dan per indikator menurut rubrik \(rubric.id)"
        if let version = rubric.version { text += " versi \(version)" }
        text +=
            ", periode \(periodsText). Results per service unit, local government and indicator under rubric \(rubric.id), period \(periodsText). Dibuat dengan Patuh."
        return text
    }

    var sources: [JSONText] {
        var list: [JSONText] = []
        if let assessingBody {
            list.append(.object([("title", .string("Penilai / assessing body: \(assessingBody)"))]))
        }
        var rubricTitle = "Rubrik \(rubric.id)"
        if let version = rubric.version { rubricTitle += " versi \(version)" }
        rubricTitle += ": \(rubric.title.text("id"))"
        var source: [(String, JSONText)] = [("title", .string(rubricTitle))]
        if let basis = rubric.basis {
            let words = basis.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
            source.append(("description", .string(words.joined(separator: " "))))
        }
        list.append(.object(source))
        list.append(.object([("title", .string("Periode penilaian / assessment period: \(periodsText)"))]))
        return list
    }

    /// A lower-case name as the spec wants it: `patuh-ombudsman-opini-2022`.
    static func packageName(_ id: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-._")
        return "patuh-" + String(id.lowercased().map { allowed.contains($0) ? $0 : "-" })
    }

    static func iso8601(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
        return f.string(from: date)
    }
}

extension DataPackage.License {
    var json: JSONText {
        var members: [(String, JSONText)] = [("name", .string(name))]
        if let path { members.append(("path", .string(path))) }
        if let title { members.append(("title", .string(title))) }
        return .object(members)
    }
}
