import Foundation
import PatuhCore
import PatuhXML

/// Reads a mapping file: parsed safely, checked against `sheetmap.xsd`, then read.
public enum SheetMapReader {
    /// The schema's file name in `Rubrics/schema`.
    public static let schemaFile = "sheetmap.xsd"

    public static func read(file path: String, schemaDirectory: String) throws(Rejection) -> SheetMap {
        let document = try XMLDocument.parse(file: path)
        let schema = try XMLSchema.load(file: (schemaDirectory as NSString).appendingPathComponent(schemaFile))
        let problems = schema.validate(document)
        if problems.hasErrors { throw Rejection(problems) }
        return try read(document)
    }

    public static func read(_ document: XMLDocument) throws(Rejection) -> SheetMap {
        guard let root = document.root, root.name == "sheetmap", root.namespace == "urn:patuh:1" else {
            throw Rejection(
                .error(
                    SourceLocation(file: document.file, line: 1, column: 1),
                    .wrongKind(
                        expected: Wording(
                            id: "peta lembar kerja (akar sheetmap dalam urn:patuh:1)",
                            en: "sheet map (root sheetmap in urn:patuh:1)"))))
        }
        var map = SheetMap(
            id: root.attribute("id") ?? "", rubric: root.attribute("rubric") ?? "",
            kind: root.attribute("kind").flatMap(SheetMap.Kind.init(rawValue:)), sheet: root.attribute("sheet"),
            headerRow: root.attribute("header-row").flatMap { Int($0) } ?? 1, location: root.location)
        var problems: [Diagnostic] = []
        for e in root.children {
            switch e.name {
            case "column":
                let field = e.attribute("field").flatMap(SheetMap.Field.init(rawValue:))
                map.columns.append(
                    SheetMap.Column(
                        field: field, indicator: e.attribute("indicator"),
                        headers: e.children(named: "header").map(\.text), letter: e.attribute("letter")?.uppercased(),
                        values: e.attribute("values"), optional: e.attribute("optional") == "true", location: e.location
                    ))
            case "constant":
                if let f = e.attribute("field").flatMap(SheetMap.Field.init(rawValue:)), let v = e.attribute("value") {
                    map.constants[f] = v
                }
            case "period-from-date":
                map.periodFromDate = e.attribute("by")
            case "date-format":
                map.dateFormats.append(e.text.trimmingCharacters(in: .whitespaces))
            case "values":
                let id = e.attribute("id") ?? ""
                map.addTable(
                    id, e.children(named: "value").map { ($0.attribute("label") ?? "", $0.attribute("to") ?? "") })
            case "scale":
                if let from = e.attribute("from-min").flatMap(Double.init),
                    let to = e.attribute("from-max").flatMap(Double.init)
                {
                    map.scales.append(
                        SheetMap.Scale(indicator: e.attribute("indicator") ?? "*", fromMin: from, fromMax: to))
                }
            default:
                break
            }
        }
        for c in map.columns {
            if let t = c.values, map.tables[t] == nil {
                problems.append(
                    .error(
                        c.location, id: "kolom \(c.role) menyebut tabel nilai '\(t)', yang tidak ada dalam peta",
                        en: "column \(c.role) names the value table '\(t)', which the map does not have"))
            }
        }
        if problems.hasErrors { throw Rejection(problems) }
        return map
    }
}
