import PatuhCore

/// How the columns of a spreadsheet become survey responses or assessments: the mapping
/// file (`sheetmap.xsd`), read by `SheetMapReader` and written by the template.
public struct SheetMap: Sendable, Hashable {
    /// What a row becomes.
    public enum Kind: String, Sendable, Hashable {
        case survey, assessment
    }

    /// A field a column can hold besides indicator answers.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case timestamp, date, id, unit, service, period, gender, age, education, occupation, comment, assessor, ignore
    }

    /// How a column is found: by its header (any of several, matched by `SheetText.header`)
    /// or by its letter.
    public struct Column: Sendable, Hashable {
        public var field: Field?
        public var indicator: String?
        public var headers: [String]
        public var letter: String?
        /// A value table's id.
        public var values: String?
        /// A column that may be absent from a file (U4 on forms for BPJS users).
        public var optional: Bool
        public var location: SourceLocation

        public init(
            field: Field? = nil, indicator: String? = nil, headers: [String] = [], letter: String? = nil,
            values: String? = nil, optional: Bool = false, location: SourceLocation = SourceLocation(file: "")
        ) {
            self.field = field
            self.indicator = indicator
            self.headers = headers
            self.letter = letter
            self.values = values
            self.optional = optional
            self.location = location
        }

        /// What the column holds, for messages.
        public var role: String { indicator ?? field?.rawValue ?? "?" }
    }

    /// A linear conversion of another scale to an indicator's (`1–5` → `1–4`).
    public struct Scale: Sendable, Hashable {
        public var indicator: String
        public var fromMin: Double
        public var fromMax: Double
    }

    public var id: String
    /// The rubric (instrument) the rows answer.
    public var rubric: String
    public var kind: Kind?
    /// The sheet of an .xlsx (the first when absent).
    public var sheet: String?
    /// The row with the headers; data starts below it.
    public var headerRow: Int
    public var columns: [Column]
    /// Fields given once for every row: `unit`, `service`, `period`, `assessor`.
    public var constants: [Field: String]
    /// The period made from each row's date: `year`, `semester`, `quarter` or `month`.
    public var periodFromDate: String?
    public var dateFormats: [String]
    /// Value tables by id: label key (`SheetText.key`) → value, with the labels as written.
    public var tables: [String: [String: String]]
    public var tableLabels: [String: [String]]
    public var scales: [Scale]
    public var location: SourceLocation

    public init(
        id: String, rubric: String, kind: Kind? = nil, sheet: String? = nil, headerRow: Int = 1,
        columns: [Column] = [], constants: [Field: String] = [:], periodFromDate: String? = nil,
        dateFormats: [String] = [], tables: [String: [(label: String, value: String)]] = [:],
        scales: [Scale] = [], location: SourceLocation = SourceLocation(file: "")
    ) {
        self.id = id
        self.rubric = rubric
        self.kind = kind
        self.sheet = sheet
        self.headerRow = headerRow
        self.columns = columns
        self.constants = constants
        self.periodFromDate = periodFromDate
        self.dateFormats = dateFormats
        self.tables = [:]
        self.tableLabels = [:]
        self.scales = scales
        self.location = location
        for (id, rows) in tables { addTable(id, rows) }
    }

    /// Adds (or replaces) a value table.
    public mutating func addTable(_ id: String, _ rows: [(label: String, value: String)]) {
        var table: [String: String] = [:]
        for row in rows { table[SheetText.key(row.label)] = row.value }
        tables[id] = table
        tableLabels[id] = rows.map(\.label)
    }

    public static func == (a: SheetMap, b: SheetMap) -> Bool {
        a.id == b.id && a.rubric == b.rubric && a.columns == b.columns && a.tables == b.tables
            && a.constants == b.constants
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
