import Foundation
import PatuhCore
import PatuhXML
import ZIPFoundation

/// A sheet of an `.xlsx` workbook (Office Open XML), read as a stream: the zip's parts are
/// inflated chunk by chunk straight into libxml2's push parser (`XMLPushStream`, the same
/// safe parse as every Patuh file: a DOCTYPE stops it), so neither the archive nor a sheet
/// is ever held whole. Only the shared-strings table is kept, bounded.
///
/// Refused with a message: entries named as paths out of the archive (zip-slip), a part that
/// inflates past `SheetLimits.maxEntryBytes` or more than `maxInflationRatio` times its
/// packed size (a zip bomb), shared strings past `maxSharedStringBytes`, any text of more
/// than 1 MB in one element.
public struct XLSXSheet: SheetSource {
    public var path: String
    /// The sheet by name; the first sheet when `nil`.
    public var sheet: String?
    public var language: SheetLanguage

    public init(path: String, sheet: String? = nil, language: SheetLanguage = .en) {
        self.path = path
        self.sheet = sheet
        self.language = language
    }

    private var fileName: String { (path as NSString).lastPathComponent }

    /// The prefix of cell locations; before the workbook is read it names the sheet asked for.
    public var cellPrefix: String { "\(fileName):\(sheet ?? "Sheet1")!" }

    public func read(_ body: (SheetRow) -> Bool) -> [Diagnostic] {
        do throws(Rejection) {
            let archive = try open()
            let (name, part) = try locateSheet(archive)
            let strings = try sharedStrings(archive)
            let prefix = "\(fileName):\(name)!"
            let outcome: Result<[Diagnostic], Rejection> = withoutActuallyEscaping(body) { body in
                let handler = SheetHandler(strings: strings, prefix: prefix, language: language, body: body)
                do throws(Rejection) {
                    try stream(archive, part, handler: handler)
                } catch {
                    return .failure(error)
                }
                return .success(handler.problems)
            }
            return try outcome.get()
        } catch {
            return error.diagnostics
        }
    }

    /// The prefix with the name of the sheet that will be read, as the workbook spells it.
    public func resolvedCellPrefix() -> String {
        guard let archive = try? open(), let (name, _) = try? locateSheet(archive) else { return cellPrefix }
        return "\(fileName):\(name)!"
    }

    /// The sheet names of the workbook, in order.
    public func sheetNames() throws(Rejection) -> [String] {
        try workbookSheets(try open()).map(\.name)
    }

    private func whole(_ message: SheetMessage) -> Rejection {
        Rejection(.error(SourceLocation(file: path), message))
    }

    private func open() throws(Rejection) -> Archive {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw whole(.notAnXLSX(reason: "it is not a zip archive that can be read"))
        }
        var count = 0
        for entry in archive {
            count += 1
            if count > 10_000 { throw whole(.notAnXLSX(reason: "more than 10,000 parts")) }
            let name = entry.path
            let parts = name.split(separator: "/", omittingEmptySubsequences: false)
            if name.hasPrefix("/") || name.contains("\\") || name.contains("\0") || parts.contains("..") {
                throw whole(.unsafeEntryName(name: name))
            }
            // What the archive declares is checked first; what really comes out is checked
            // again while it inflates (`stream`), for archives that lie.
            if entry.uncompressedSize > UInt64(SheetLimits.maxEntryBytes) {
                throw whole(.entryTooLarge(name: name, limit: SheetLimits.maxEntryBytes))
            }
            if entry.uncompressedSize > 8 << 20,
                entry.uncompressedSize / max(entry.compressedSize, 1) > UInt64(SheetLimits.maxInflationRatio)
            {
                throw whole(.tooMuchInflated(name: name, ratio: SheetLimits.maxInflationRatio))
            }
        }
        return archive
    }

    /// Inflates `part` into a push parse, chunk by chunk, under the size and ratio limits.
    private func stream(_ archive: Archive, _ part: String, handler: XMLStreamHandler) throws(Rejection) {
        guard let entry = archive[part] else { throw whole(.notAnXLSX(reason: "it has no part \(part)")) }
        let parse = XMLPushStream(name: "\(path)/\(part)", handler: handler)
        let packed = max(entry.compressedSize, 1)
        var inflated: UInt64 = 0
        var limit: SheetMessage?
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { data in
                inflated += UInt64(data.count)
                if inflated > UInt64(SheetLimits.maxEntryBytes) {
                    limit = .entryTooLarge(name: part, limit: SheetLimits.maxEntryBytes)
                } else if inflated > 8 << 20, inflated / packed > UInt64(SheetLimits.maxInflationRatio) {
                    limit = .tooMuchInflated(name: part, ratio: SheetLimits.maxInflationRatio)
                }
                if limit != nil { throw CancellationError() }
                let more = data.withUnsafeBytes { parse.feed($0) }
                if !more { throw CancellationError() }
            }
        } catch {
            if let limit { throw whole(limit) }
            if !parse.stopped {
                throw whole(
                    .notAnXLSX(
                        reason: "cannot unpack \(part): the archive is damaged or uses a compression Patuh cannot read")
                )
            }
        }
        let result = parse.finish()
        if !result.complete || result.diagnostics.hasErrors { throw Rejection(result.diagnostics) }
    }

    private struct SheetEntry {
        var name: String
        var part: String
    }

    private func workbookSheets(_ archive: Archive) throws(Rejection) -> [SheetEntry] {
        let book = AttributeCollector(elements: ["sheet"])
        try stream(archive, "xl/workbook.xml", handler: book)
        let rels = AttributeCollector(elements: ["Relationship"])
        try stream(archive, "xl/_rels/workbook.xml.rels", handler: rels)
        var targets: [String: String] = [:]
        for r in rels.found {
            guard let id = r["Id"], let target = r["Target"] else { continue }
            targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        return book.found.compactMap { s in
            guard let name = s["name"], let id = s["id"], let part = targets[id] else { return nil }
            return SheetEntry(name: name, part: part)
        }
    }

    private func locateSheet(_ archive: Archive) throws(Rejection) -> (String, String) {
        let sheets = try workbookSheets(archive)
        guard let first = sheets.first else { throw whole(.noSheet) }
        guard let wanted = sheet else { return (first.name, first.part) }
        guard
            let found = sheets.first(where: { $0.name == wanted })
                ?? sheets.first(where: { SheetText.key($0.name) == SheetText.key(wanted) })
        else {
            throw whole(.sheetNotFound(name: wanted, sheets: sheets.map(\.name)))
        }
        return (found.name, found.part)
    }

    private func sharedStrings(_ archive: Archive) throws(Rejection) -> [String] {
        guard archive["xl/sharedStrings.xml"] != nil else { return [] }
        let handler = SharedStringsHandler()
        try stream(archive, "xl/sharedStrings.xml", handler: handler)
        if handler.overLimit { throw whole(.tooManyStrings(limit: SheetLimits.maxSharedStringBytes)) }
        return handler.strings
    }
}

/// Collects the attributes (by local name, namespaced ones too) of the named elements.
private final class AttributeCollector: XMLStreamHandler {
    let elements: Set<String>
    var found: [[String: String]] = []
    init(elements: Set<String>) { self.elements = elements }

    func start(_ tag: XMLStartTag, in stream: XMLStream) {
        guard elements.contains(tag.localName.string), found.count < 10_000 else { return }
        var attributes: [String: String] = [:]
        for (name, value) in tag.allAttributes { attributes[name] = value }
        found.append(attributes)
    }
    func end(_ localName: XMLBytes, in stream: XMLStream) {}
}

/// `<sst><si><t>text</t></si>…` (rich text: several `<r><t>` runs; `<rPh>` phonetic runs left out).
private final class SharedStringsHandler: XMLStreamHandler {
    var strings: [String] = []
    var overLimit = false
    private var total = 0
    private var current: [UInt8] = []
    private var inText = false
    private var inPhonetic = false

    func start(_ tag: XMLStartTag, in stream: XMLStream) {
        if tag.localName.equals("si") {
            current.removeAll(keepingCapacity: true)
        } else if tag.localName.equals("rPh") {
            inPhonetic = true
        } else if tag.localName.equals("t") {
            inText = !inPhonetic
        }
    }

    func end(_ localName: XMLBytes, in stream: XMLStream) {
        if localName.equals("t") {
            inText = false
        } else if localName.equals("rPh") {
            inPhonetic = false
        } else if localName.equals("si") {
            total += current.count + 16
            if total > SheetLimits.maxSharedStringBytes {
                overLimit = true
                stream.finish()
                return
            }
            strings.append(String(decoding: current, as: UTF8.self))
        }
    }

    func text(_ bytes: XMLBytes, in stream: XMLStream) {
        guard inText else { return }
        current.append(contentsOf: bytes.buffer)
        if current.count > SheetLimits.maxCellBytes {
            overLimit = true
            stream.finish()
        }
    }
}

/// `<sheetData><row r="17"><c r="F17" t="s"><v>3</v></c>…`: rows sent on as they close.
private final class SheetHandler: XMLStreamHandler {
    let strings: [String]
    let prefix: String
    let language: SheetLanguage
    let body: (SheetRow) -> Bool
    var problems: [Diagnostic] = []

    private var rowNumber = 0
    private var cells: [String] = []
    private var column = -1
    private var type = ""
    private var value: [UInt8] = []
    private var inValue = false
    private var inInline = false

    init(strings: [String], prefix: String, language: SheetLanguage, body: @escaping (SheetRow) -> Bool) {
        self.strings = strings
        self.prefix = prefix
        self.language = language
        self.body = body
    }

    func start(_ tag: XMLStartTag, in stream: XMLStream) {
        let name = tag.localName
        if name.equals("row") {
            rowNumber = tag.attribute("r").flatMap { Int($0.string) } ?? rowNumber + 1
            cells.removeAll(keepingCapacity: true)
            column = -1
        } else if name.equals("c") {
            column = tag.attribute("r").flatMap { Self.column(of: $0) } ?? column + 1
            type = tag.attribute("t")?.string ?? "n"
            value.removeAll(keepingCapacity: true)
        } else if name.equals("v") {
            inValue = true
        } else if name.equals("is") {
            inInline = true
        } else if name.equals("t"), inInline {
            inValue = true
        }
    }

    func end(_ localName: XMLBytes, in stream: XMLStream) {
        if localName.equals("v") || localName.equals("t") {
            inValue = false
        } else if localName.equals("is") {
            inInline = false
        } else if localName.equals("c") {
            guard column >= 0, column < SheetLimits.maxColumns else { return }
            var text = String(decoding: value, as: UTF8.self)
            switch type {
            case "s":
                guard let i = Int(text), i >= 0, i < strings.count else {
                    problems.append(
                        .error(
                            .cell(prefix, row: rowNumber, column: column + 1),
                            SheetMessage.missingSharedString(index: text)))
                    text = ""
                    break
                }
                text = strings[i]
            case "b":
                text = text == "1" ? "TRUE" : "FALSE"
            default:
                break
            }
            if cells.count <= column { cells.append(contentsOf: repeatElement("", count: column + 1 - cells.count)) }
            cells[column] = text
        } else if localName.equals("row") {
            if !body(SheetRow(number: rowNumber, cells: cells)) { stream.finish() }
        }
    }

    func text(_ bytes: XMLBytes, in stream: XMLStream) {
        guard inValue else { return }
        value.append(contentsOf: bytes.buffer)
    }

    /// The 0-based column of a cell reference (`F17` → 5).
    static func column(of ref: XMLBytes) -> Int? {
        var n = 0
        var letters = 0
        for i in 0..<ref.count {
            let b = ref.base[i]
            guard b >= 65 && b <= 90 else { break }
            n = n * 26 + Int(b - 64)
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : n - 1
    }
}
