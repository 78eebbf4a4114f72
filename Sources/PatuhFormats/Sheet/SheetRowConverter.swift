import Foundation
import PatuhCore

/// What one accepted row became.
public enum SheetRecord: Sendable {
    case response(SurveyResponse)
    case assessment(Assessment)
}

/// Where each mapped field and indicator is in one file, found from its header row.
public struct SheetLayout: Sendable {
    /// Column index (0 = A) and the rule for it, in column order.
    public var columns: [(index: Int, rule: SheetMap.Column)] = []
    /// The column of the timestamp, when there is one (duplicates are told by it).
    public var timestampColumn: Int?

    /// Matches the map's columns against a header row. Errors: a mapped column not found
    /// (unless optional); warnings: a column the map neither maps nor ignores.
    public static func make(map: SheetMap, header: SheetRow, prefix: String, language: SheetLanguage) -> (
        SheetLayout, [Diagnostic]
    ) {
        var layout = SheetLayout()
        var problems: [Diagnostic] = []
        let keys = header.cells.map(SheetText.header)
        var used = Set<Int>()
        for rule in map.columns {
            var index: Int?
            if let letter = rule.letter {
                index = Self.index(ofLetters: letter)
            } else {
                let wanted = rule.headers.map(SheetText.header)
                index = keys.indices.first { !used.contains($0) && wanted.contains(keys[$0]) }
            }
            guard let index else {
                if !rule.optional {
                    problems.append(
                        .error(
                            .cell(prefix, row: header.number, column: 1),
                            SheetMessage.headerNotFound(
                                header: rule.headers.first ?? rule.letter ?? "", field: rule.role)))
                }
                continue
            }
            used.insert(index)
            if rule.field == .ignore { continue }
            layout.columns.append((index, rule))
            if rule.field == .timestamp { layout.timestampColumn = index }
        }
        for (i, text) in header.cells.enumerated() where !used.contains(i) && !text.allSatisfy(\.isWhitespace) {
            problems.append(
                .warning(.cell(prefix, row: header.number, column: i + 1), SheetMessage.unmappedColumn(header: text)))
        }
        layout.columns.sort { $0.index < $1.index }
        return (layout, problems)
    }

    /// `F` → 5.
    static func index(ofLetters letters: String) -> Int? {
        var n = 0
        for b in letters.uppercased().utf8 {
            guard b >= 65 && b <= 90 else { return nil }
            n = n * 26 + Int(b - 64)
        }
        return n == 0 ? nil : n - 1
    }
}

/// Turns rows into survey responses or assessments, checking every cell.
public struct SheetRowConverter: Sendable {
    public var map: SheetMap
    public var rubric: Rubric
    public var registry: Registry?
    public var language: SheetLanguage
    public var kind: SheetMap.Kind
    private let dates: SheetDates
    private var unitKeys: [String: String] = [:]
    private var levelTables: [String: [String: String]] = [:]
    private var levelLabels: [String: [String]] = [:]
    /// Answers already resolved, by indicator and cell text: a sheet repeats a handful of
    /// labels and numbers a million times. Bounded, so free text cannot grow it.
    private var answerCache: [String: [String: Result<AnswerValue?, SheetMessage>]] = [:]
    private var cachedAnswers = 0

    public init(map: SheetMap, rubric: Rubric, registry: Registry?, language: SheetLanguage) {
        self.map = map
        self.rubric = rubric
        self.registry = registry
        self.language = language
        kind = map.kind ?? (rubric.isSurveyRubric ? .survey : .assessment)
        dates = SheetDates(formats: map.dateFormats)
        if let registry {
            for u in registry.units {
                unitKeys[SheetText.key(u.id)] = u.id
                unitKeys[SheetText.key(u.name)] = u.id
            }
        }
        for ind in rubric.indicators {
            var table: [String: String] = [:]
            for level in ind.levels {
                for text in level.label.byLanguage.values {
                    table[SheetText.key(text)] = DecimalFormat.plain(level.value)
                }
            }
            levelTables[ind.id] = table
            var seen = Set<Double>()
            levelLabels[ind.id] = ind.levels.filter { seen.insert($0.value).inserted }
                .map { $0.label.text("id") }
        }
    }

    /// One row made into a record, or the errors that exclude it; warnings either way.
    public mutating func convert(_ row: SheetRow, layout: SheetLayout, prefix: String, fileTag: String) -> (
        SheetRecord?, [Diagnostic]
    ) {
        var errors: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        var fields: [SheetMap.Field: String] = map.constants
        var fieldColumn: [SheetMap.Field: Int] = [:]
        var answers: [Answer] = []
        var comments: [String] = []
        func here(_ column: Int) -> SourceLocation { .cell(prefix, row: row.number, column: column + 1) }

        for (index, rule) in layout.columns {
            let cell = SheetText.trimmed(row[index])
            if let id = rule.indicator {
                guard let ind = rubric.indicatorIndex[id].map({ rubric.indicators[$0] }) else {
                    errors.append(
                        .error(
                            here(index), id: "peta menyebut indikator \(id), yang tidak ada dalam rubrik \(rubric.id)",
                            en: "the map names indicator \(id), which rubric \(rubric.id) does not have"))
                    continue
                }
                let resolved: Result<AnswerValue?, SheetMessage>
                if let known = answerCache[id]?[cell] {
                    resolved = known
                } else {
                    resolved = answer(cell, ind, table: rule.values)
                    if cachedAnswers < 20_000 {
                        answerCache[id, default: [:]][cell] = resolved
                        cachedAnswers += 1
                    }
                }
                switch resolved {
                case .success(let value?):
                    answers.append(Answer(indicatorID: id, value: value, location: here(index)))
                case .success(nil):
                    break  // blank: a missing answer, never 0
                case .failure(let message):
                    errors.append(.error(here(index), message))
                }
            } else if let field = rule.field, !cell.isEmpty {
                var value = cell
                if let t = rule.values, let mapped = map.tables[t]?[SheetText.key(cell)] { value = mapped }
                if field == .comment {
                    comments.append(cell)
                    continue
                }
                fields[field] = value
                fieldColumn[field] = index
            }
        }
        func located(_ f: SheetMap.Field) -> SourceLocation {
            here(fieldColumn[f] ?? layout.columns.first { $0.rule.field == f }?.index ?? 0)
        }

        // Date: the date column, else the timestamp.
        var date: String?
        for f in [SheetMap.Field.date, .timestamp] {
            guard let text = fields[f] else { continue }
            if let d = dates.parse(text) {
                date = date ?? d
            } else {
                errors.append(.error(located(f), SheetMessage.badDate(value: text, formats: dates.formats)))
            }
        }
        // Unit, through the map's table (already applied) or the registry's ids and names.
        var unit: String?
        if let text = fields[.unit] {
            if let registry {
                unit = registry.unit(text) != nil ? text : unitKeys[SheetText.key(text)]
            } else if ContractText.isID(text) {
                unit = text
            }
            if unit == nil { errors.append(.error(located(.unit), SheetMessage.unknownUnit(value: text))) }
        } else {
            errors.append(.error(located(.unit), SheetMessage.blankUnit))
        }
        // Period: given, or made from the date.
        var period = fields[.period]
        if period == nil, let by = map.periodFromDate, let date { period = Self.period(of: date, by: by) }
        if let p = period, !ContractText.isPeriod(p) {
            errors.append(.error(located(.period), SheetMessage.badPeriod(value: p)))
        } else if period == nil, errors.isEmpty {
            errors.append(.error(located(.period), SheetMessage.blankPeriod))
        }
        if !errors.isEmpty { return (nil, errors + warnings) }
        guard !answers.isEmpty, let unit, let period else { return (nil, [.warning(here(0), SheetMessage.noAnswers)]) }
        answers.sort { (rubric.indicatorIndex[$0.indicatorID] ?? 0) < (rubric.indicatorIndex[$1.indicatorID] ?? 0) }

        let id = fields[.id].flatMap { ContractText.isID($0) ? $0 : nil } ?? "\(fileTag)-\(row.number)"
        switch kind {
        case .survey:
            var r = SurveyResponse(
                id: id, rubricID: rubric.id, unitID: unit, period: period, date: date,
                service: fields[.service], answers: answers, comments: comments, location: here(0))
            r.gender = demographic(fields[.gender], "gender", Self.genders, at: located(.gender), &warnings)
            r.education = demographic(
                fields[.education], "education", Self.educations, at: located(.education), &warnings)
            if let text = fields[.occupation] {
                // "Lainnya" and the free text a form's "other" option leaves: both are Lainnya.
                r.occupation = Self.occupations[SheetText.key(text)] ?? "Lainnya"
            }
            if let text = fields[.age] {
                r.age = Self.age(text)
                if r.age == nil { warnings.append(.warning(located(.age), SheetMessage.badAge(value: text))) }
            }
            return (.response(r), warnings)
        case .assessment:
            let a = Assessment(
                id: id, rubricID: rubric.id, unitID: unit, period: period, assessor: fields[.assessor],
                date: date, answers: answers, location: here(0))
            return (.assessment(a), warnings)
        }
    }

    /// A cell's answer: `nil` when blank.
    func answer(_ cell: String, _ ind: Indicator, table: String?) -> Result<AnswerValue?, SheetMessage> {
        guard !cell.isEmpty else { return .success(nil) }
        let key = SheetText.key(cell)
        var text: String? = table.flatMap { map.tables[$0]?[key] }
        if text == nil { text = levelTables[ind.id]?[key] }
        if text == nil, ["na", "n/a", "tidak berlaku", "not applicable", "-"].contains(key) { text = "na" }
        let resolved = text ?? cell
        if SheetText.key(resolved) == "na" {
            return ind.allowsNA ? .success(.notApplicable) : .failure(.notApplicableRefused(indicator: ind.id))
        }
        guard var v = SheetText.number(resolved) else {
            let labels = table.flatMap { map.tableLabels[$0] } ?? levelLabels[ind.id] ?? []
            return .failure(.notALabel(value: cell, indicator: ind.id, labels: labels))
        }
        let lo = DecimalFormat.plain(ind.min)
        let hi = DecimalFormat.plain(ind.max)
        if text == nil, let scale = map.scales.first(where: { $0.indicator == ind.id || $0.indicator == "*" }) {
            guard v >= scale.fromMin, v <= scale.fromMax, scale.fromMax > scale.fromMin else {
                return .failure(
                    .outOfRange(
                        value: cell, indicator: ind.id, min: DecimalFormat.plain(scale.fromMin),
                        max: DecimalFormat.plain(scale.fromMax)))
            }
            v = ind.min + (v - scale.fromMin) * (ind.max - ind.min) / (scale.fromMax - scale.fromMin)
        }
        if v >= ind.min && v <= ind.max { return .success(.number(v)) }
        if v == ind.max + 1, ind.min == 1 {
            return .failure(.fivePointScale(value: cell, indicator: ind.id, min: lo, max: hi))
        }
        return .failure(.outOfRange(value: cell, indicator: ind.id, min: lo, max: hi))
    }

    private func demographic(
        _ text: String?, _ field: String, _ table: [String: String], at location: SourceLocation,
        _ warnings: inout [Diagnostic]
    ) -> String? {
        guard let text else { return nil }
        if let v = table[SheetText.key(text)] { return v }
        let choices = Array(Set(table.values)).sorted()
        warnings.append(
            .warning(location, SheetMessage.unknownDemographic(value: text, field: field, choices: choices)))
        return nil
    }

    /// `2023-08-14` by `semester` → `2023-S2`.
    static func period(of date: String, by: String) -> String? {
        let parts = date.split(separator: "-")
        guard parts.count == 3, let m = Int(parts[1]) else { return nil }
        let y = String(parts[0])
        switch by {
        case "year": return y
        case "semester": return "\(y)-S\(m <= 6 ? 1 : 2)"
        case "quarter": return "\(y)-Q\((m - 1) / 3 + 1)"
        case "month": return "\(y)-\(parts[1])"
        default: return nil
        }
    }

    /// An age as a number, or the middle of a band (`26-35`, `26 – 35 tahun`, `> 55`, `56+`).
    static func age(_ text: String) -> Int? {
        let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        let age: Int?
        switch numbers.count {
        case 1: age = numbers[0] + (text.contains(">") ? 1 : 0) - (text.contains("<") ? 1 : 0)
        case 2: age = (numbers[0] + numbers[1]) / 2
        default: age = nil
        }
        guard let age, RespondentChoices.ages.contains(age) else { return nil }
        return age
    }

    static let genders: [String: String] = {
        var t: [String: String] = [:]
        for k in ["l", "laki-laki", "laki laki", "lakilaki", "pria", "male", "m"] { t[k] = "L" }
        for k in ["p", "perempuan", "wanita", "female", "f"] { t[k] = "P" }
        return t
    }()

    static let educations: [String: String] = table(
        RespondentChoices.education,
        extra: [
            "sltp": "SMP", "slta": "SMA", "smk": "SMA", "sma/smk": "SMA", "d1": "D3", "d2": "D3", "diploma": "D3",
            "d4": "S1", "sarjana": "S1", "s1/d4": "S1", "d4/s1": "S1", "d1/d2/d3": "D3", "d1-d3": "D3",
            "tidak sekolah": "SD", "sd ke bawah": "SD", "<sd": "SD", "pascasarjana": "S2"
        ])

    static let occupations: [String: String] = table(
        RespondentChoices.occupation,
        extra: [
            "pns/tni/polri": "PNS", "asn": "PNS", "tni": "TNI/Polri", "polri": "TNI/Polri", "pegawai swasta": "Swasta",
            "karyawan swasta": "Swasta", "wirausaha": "Wiraswasta", "pelajar": "Pelajar/Mahasiswa",
            "mahasiswa": "Pelajar/Mahasiswa",
            "other": "Lainnya"
        ])

    private static func table(_ choices: [RespondentChoices.Choice], extra: [String: String]) -> [String: String] {
        var t = extra
        for c in choices {
            for k in [c.value, c.recorded] + Array(c.label.byLanguage.values) { t[SheetText.key(k)] = c.recorded }
        }
        return t
    }
}
