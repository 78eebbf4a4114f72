import Foundation
import PatuhCore

/// One row of a sheet: its 1-based number and its cells' text by column (index 0 is A).
public struct SheetRow: Sendable {
    public var number: Int
    public var cells: [String]

    public init(number: Int, cells: [String]) {
        self.number = number
        self.cells = cells
    }

    /// The cell of column `index` (0 = A), or "" past the end.
    public subscript(_ index: Int) -> String { index < cells.count ? cells[index] : "" }

    /// Whether every cell is blank.
    public var isBlank: Bool { cells.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
}

/// A sheet read row by row, never whole.
public protocol SheetSource {
    /// What goes before a cell in messages: `skm.xlsx:Respon!` or `gform.csv:`.
    var cellPrefix: String { get }
    /// Sends each row to `body` (which returns `false` to stop), in order; returns the
    /// problems that stopped or spoiled the reading of the file.
    func read(_ body: (SheetRow) -> Bool) -> [Diagnostic]
}

/// Limits that hold whatever a sheet claims.
public enum SheetLimits {
    /// The longest cell accepted (a sheet cell holds at most 32,767 characters).
    public static let maxCellBytes = 1 << 20
    /// The most columns read (Excel's own limit, XFD).
    public static let maxColumns = 16_384
    /// The largest part of an .xlsx unpacked (a sheet of a million rows is some 200 MB).
    public static let maxEntryBytes = 2 << 30
    /// How many times its packed size a part may inflate to; real sheets stay under 20.
    public static let maxInflationRatio = 200
    /// The most text the shared-strings table may hold, all strings together.
    public static let maxSharedStringBytes = 64 << 20
}

/// Opens the sheet reader for a file by its extension: `.xlsx` or `.csv` (anything else is
/// read as CSV).
public enum SheetFiles {
    public static func source(_ path: String, sheet: String?, language: SheetLanguage) -> SheetSource {
        if path.lowercased().hasSuffix(".xlsx") || path.lowercased().hasSuffix(".xlsm") {
            return XLSXSheet(path: path, sheet: sheet, language: language)
        }
        return CSVSheet(path: path, language: language)
    }
}
