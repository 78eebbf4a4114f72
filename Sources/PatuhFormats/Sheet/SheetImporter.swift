import Foundation
import PatuhCore

/// What a sheet import read.
public struct SheetImport: Sendable {
    public var files: [String] = []
    /// Data rows read (blank rows not counted).
    public var rows = 0
    public var imported = 0
    /// Rows not imported because of an error in them.
    public var excluded = 0
    /// Rows read twice (same timestamp and cells), counted once.
    public var duplicates = 0
    /// Files not read at all (unreadable, hostile, or their headers do not match the map).
    public var rejectedFiles = 0
    public var diagnostics: [Diagnostic] = []
}

/// Reads spreadsheets row by row through a `SheetMap` and hands each accepted row on as it
/// is read: nothing is kept but the rows' fingerprints (8 bytes each, for duplicates).
public struct SheetImporter: Sendable {
    public var converter: SheetRowConverter

    public init(map: SheetMap, rubric: Rubric, registry: Registry?, language: SheetLanguage) {
        converter = SheetRowConverter(map: map, rubric: rubric, registry: registry, language: language)
    }

    /// Imports `files` in the order given, sending every accepted record to `sink`.
    public func run(_ files: [String], sink: (SheetRecord) throws -> Void) throws -> SheetImport {
        var result = SheetImport()
        var seen = DuplicateRows()
        var converter = self.converter
        let map = converter.map
        let language = converter.language
        for path in files {
            result.files.append(path)
            let source = SheetFiles.source(path, sheet: map.sheet, language: language)
            // Response ids are this tag and the row number: distinct for every file named.
            let tag = "s" + FormIdentity.shortHash(path, digits: 8)
            var layout: SheetLayout?
            let prefix = (source as? XLSXSheet)?.resolvedCellPrefix() ?? source.cellPrefix
            var failure: Error?
            var fileRejected = false
            let problems = source.read { row in
                if row.number < map.headerRow { return true }
                guard let current = layout else {
                    if row.number > map.headerRow { return true }  // no header row: handled below
                    let (made, problems) = SheetLayout.make(map: map, header: row, prefix: prefix, language: language)
                    result.diagnostics += problems
                    if problems.hasErrors {
                        fileRejected = true
                        return false
                    }
                    layout = made
                    return true
                }
                if row.isBlank { return true }
                result.rows += 1
                let (record, problems) = converter.convert(row, layout: current, prefix: prefix, fileTag: tag)
                result.diagnostics += problems
                guard let record else {
                    if problems.hasErrors { result.excluded += 1 }
                    return true
                }
                if let t = current.timestampColumn, !row[t].allSatisfy(\.isWhitespace),
                    !seen.insert(DuplicateRows.fingerprint(row.cells))
                {
                    result.duplicates += 1
                    result.diagnostics.append(
                        .warning(.cell(prefix, row: row.number, column: t + 1), SheetMessage.duplicateRow))
                    return true
                }
                do {
                    try sink(record)
                    result.imported += 1
                } catch {
                    failure = error
                    return false
                }
                return true
            }
            if let failure { throw failure }
            if layout == nil, !fileRejected, !problems.hasErrors {
                fileRejected = true
                result.diagnostics.append(
                    .error(
                        .cell(prefix, row: map.headerRow, column: 1),
                        SheetMessage.noHeaderRow(row: map.headerRow)))
            }
            result.diagnostics += problems
            if problems.hasErrors || fileRejected { result.rejectedFiles += 1 }
        }
        return result
    }
}
