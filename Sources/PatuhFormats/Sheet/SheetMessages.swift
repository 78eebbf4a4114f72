import PatuhCore

/// The language of the messages a sheet import prints.
public enum SheetLanguage: String, Sendable, CaseIterable {
    case id, en
}

/// Every message of the sheet import and the template, in Bahasa Indonesia and English side
/// by side: one small table, kept apart so it can join the project's message catalogue.
public enum SheetMessage: Error, Sendable, Hashable {
    case notALabel(value: String, indicator: String, labels: [String])
    case outOfRange(value: String, indicator: String, min: String, max: String)
    case fivePointScale(value: String, indicator: String, min: String, max: String)
    case notApplicableRefused(indicator: String)
    case badDate(value: String, formats: [String])
    case unknownUnit(value: String)
    case blankUnit
    case blankPeriod
    case badPeriod(value: String)
    case duplicateRow
    case noAnswers
    case unknownDemographic(value: String, field: String, choices: [String])
    case badAge(value: String)
    case headerNotFound(header: String, field: String)
    case noHeaderRow(row: Int)
    case unmappedColumn(header: String)
    case sheetNotFound(name: String, sheets: [String])
    case noSheet
    case notAnXLSX(reason: String)
    case unsafeEntryName(name: String)
    case entryTooLarge(name: String, limit: Int)
    case tooMuchInflated(name: String, ratio: Int)
    case tooManyStrings(limit: Int)
    case missingSharedString(index: String)
    case longField(limit: Int)
    case rowsImported(rows: Int, imported: Int, excluded: Int, duplicates: Int)

    /// The message in `language`.
    public func text(_ language: SheetLanguage) -> String {
        let (id, en) = pair
        return language == .id ? id : en
    }

    private var pair: (String, String) {
        switch self {
        case .notALabel(let v, let ind, let labels):
            let list = labels.joined(separator: ", ")
            return ("'\(v)' bukan label \(ind) (\(list))", "'\(v)' is not a label of \(ind) (\(list))")
        case .outOfRange(let v, let ind, let lo, let hi):
            return (
                "'\(v)' di luar rentang \(ind) (\(lo)–\(hi))", "'\(v)' is outside the range of \(ind) (\(lo)–\(hi))"
            )
        case .fivePointScale(let v, let ind, let lo, let hi):
            let rule = "<scale indicator=\"\(ind)\" from-min=\"1\" from-max=\"5\"/>"
            return (
                "'\(v)' di luar rentang \(ind) (\(lo)–\(hi)): skala 1–5? peta kolom harus menyebut cara mengubahnya, misalnya \(rule)",
                "'\(v)' is outside the range of \(ind) (\(lo)–\(hi)): a 1–5 scale? the map must say how to convert it, e.g. \(rule)"
            )
        case .notApplicableRefused(let ind):
            return (
                "\(ind) tidak boleh dijawab 'tidak berlaku' (na)", "\(ind) may not be answered 'not applicable' (na)"
            )
        case .badDate(let v, let formats):
            let list = formats.joined(separator: ", ")
            return (
                "'\(v)' bukan tanggal (format yang diterima: \(list))",
                "'\(v)' is not a date (formats accepted: \(list))"
            )
        case .unknownUnit(let v):
            return (
                "'\(v)' bukan unit dalam registri atau tabel unit peta kolom",
                "'\(v)' is not a unit of the registry or of the map's unit table"
            )
        case .blankUnit:
            return ("unit layanan kosong", "the service unit is blank")
        case .blankPeriod:
            return ("periode kosong", "the period is blank")
        case .badPeriod(let v):
            return (
                "'\(v)' bukan periode (2023, 2023-S1, 2023-Q2, 2023-07)",
                "'\(v)' is not a period (2023, 2023-S1, 2023-Q2, 2023-07)"
            )
        case .duplicateRow:
            return (
                "baris yang sama (cap waktu dan jawaban) dengan baris yang sudah dibaca: dihitung sekali",
                "the same row (timestamp and answers) as one already read: counted once"
            )
        case .noAnswers:
            return ("baris tanpa jawaban: dilewati", "a row without answers: skipped")
        case .unknownDemographic(let v, let field, let choices):
            let list = choices.joined(separator: ", ")
            return (
                "'\(v)' bukan nilai \(field) (\(list)): dikosongkan",
                "'\(v)' is not a value of \(field) (\(list)): left out"
            )
        case .badAge(let v):
            return (
                "'\(v)' bukan usia (angka 0–130 atau rentang seperti 26-35)",
                "'\(v)' is not an age (a number 0–130 or a band such as 26-35)"
            )
        case .headerNotFound(let header, let field):
            return (
                "tidak ada kolom berjudul '\(header)' (untuk \(field))",
                "no column has the header '\(header)' (for \(field))"
            )
        case .noHeaderRow(let row):
            return (
                "baris judul kolom (baris \(row)) kosong atau tidak ada: berkas tidak dibaca",
                "the header row (row \(row)) is empty or missing: file not read"
            )
        case .unmappedColumn(let header):
            return (
                "kolom '\(header)' tidak ada di peta kolom: diabaikan", "column '\(header)' is not in the map: ignored"
            )
        case .sheetNotFound(let name, let sheets):
            return (
                "tidak ada lembar '\(name)' (ada: \(sheets.joined(separator: ", ")))",
                "no sheet named '\(name)' (there are: \(sheets.joined(separator: ", ")))"
            )
        case .noSheet:
            return ("buku kerja tanpa lembar", "the workbook has no sheet")
        case .notAnXLSX(let reason):
            return ("bukan berkas .xlsx yang dapat dibaca: \(reason)", "not a readable .xlsx file: \(reason)")
        case .unsafeEntryName(let name):
            return (
                "berkas di dalam arsip bernama '\(name)' menunjuk ke luar arsip (zip-slip): ditolak",
                "an entry of the archive is named '\(name)', a path out of the archive (zip-slip): refused"
            )
        case .entryTooLarge(let name, let limit):
            return (
                "'\(name)' di dalam arsip lebih besar dari \(limit >> 20) MB setelah dibuka: ditolak (bom zip?)",
                "'\(name)' inside the archive is larger than \(limit >> 20) MB unpacked: refused (a zip bomb?)"
            )
        case .tooMuchInflated(let name, let ratio):
            return (
                "'\(name)' di dalam arsip mengembang lebih dari \(ratio) kali ukurannya: ditolak (bom zip?)",
                "'\(name)' inside the archive inflates to more than \(ratio) times its size: refused (a zip bomb?)"
            )
        case .tooManyStrings(let limit):
            return (
                "teks bersama (sharedStrings) melebihi \(limit >> 20) MB: ditolak",
                "the shared strings are larger than \(limit >> 20) MB: refused"
            )
        case .missingSharedString(let index):
            return (
                "sel menunjuk teks bersama nomor \(index) yang tidak ada",
                "a cell points at shared string \(index), which does not exist"
            )
        case .longField(let limit):
            return (
                "satu sel lebih panjang dari \(limit >> 20) MB: berkas ditolak",
                "a cell is longer than \(limit >> 20) MB: file refused"
            )
        case .rowsImported(let rows, let imported, let excluded, let duplicates):
            return (
                "\(rows) baris dibaca, \(imported) diimpor, \(excluded) tidak diimpor, \(duplicates) duplikat",
                "\(rows) rows read, \(imported) imported, \(excluded) not imported, \(duplicates) duplicates"
            )
        }
    }
}

extension Diagnostic {
    /// A sheet import's error in both languages (the console prints the reader's).
    public static func error(_ location: SourceLocation, _ message: SheetMessage) -> Diagnostic {
        .error(location, id: message.text(.id), en: message.text(.en))
    }

    /// A sheet import's warning in both languages.
    public static func warning(_ location: SourceLocation, _ message: SheetMessage) -> Diagnostic {
        .warning(location, id: message.text(.id), en: message.text(.en))
    }
}
