import PatuhCore
import PatuhXML

/// Turns a schema-valid rubric document into a `Rubric`.
public enum RubricReader {
    /// Reads the rubric, then runs the checks its schema cannot express.
    public static func read(_ document: XMLDocument) throws(Rejection) -> Rubric {
        guard let root = document.root, root.name == "rubric" else {
            throw Rejection(.error(SourceLocation(file: document.file, line: 1, column: 1), "not a rubric"))
        }
        var dimensions: [Dimension] = []
        var implicitIndicators: [Indicator] = []
        var implicitPosition: Int?
        var bands: [Band] = []
        for child in root.children {
            switch child.name {
            case "dimension":
                dimensions.append(Dimension(
                    id: child.attribute("id") ?? "", title: localized(child, "title"),
                    weight: number(child.attribute("weight")) ?? 1,
                    indicators: child.children(named: "indicator").map(indicator), location: child.location))
            case "indicator":
                if implicitPosition == nil { implicitPosition = dimensions.count }
                implicitIndicators.append(indicator(child))
            case "bands":
                bands = child.children(named: "band").map(band)
            default:
                break
            }
        }
        if let position = implicitPosition {
            dimensions.insert(Dimension(id: Dimension.implicitID, weight: 1, indicators: implicitIndicators,
                                        location: root.location), at: position)
        }
        if root.attribute("weights") == "equal" {
            let n = Double(dimensions.reduce(0) { $0 + $1.indicators.count })
            for d in dimensions.indices {
                for i in dimensions[d].indicators.indices { dimensions[d].indicators[i].weight = 1 / n }
            }
        }
        let model: ScoringModel = root.attribute("model") == "linear"
            ? .linear(factor: number(root.attribute("factor")) ?? 1)
            : .normalized(scale: number(root.attribute("scale")) ?? 100)
        let appliesTo = root.attribute("applies-to").map {
            Set($0.split(whereSeparator: \.isWhitespace).compactMap { UnitType(rawValue: String($0)) })
        }
        var rubric = Rubric(
            id: root.attribute("id") ?? "", version: root.attribute("version"), model: model,
            title: localized(root, "title"), basis: root.children(named: "basis").first?.text,
            description: localized(root, "description"), dimensions: dimensions, bands: bands,
            appliesTo: appliesTo, location: root.location)
        if root.attribute("status").map(trimmed) == "reconstructed" { rubric.status = .reconstructed }
        rubric.statusNote = localized(root, "status-note")
        for term in root.children(named: "term") {
            guard let name = term.attribute("name").map(trimmed) else { continue }
            rubric.terms[name, default: LocalizedText()][term.attribute("lang") ?? "id"] = term.text
        }
        let problems = RubricChecks.check(rubric)
        guard !problems.hasErrors else { throw Rejection(problems) }
        return rubric
    }

    private static func indicator(_ e: XMLElement) -> Indicator {
        Indicator(
            id: e.attribute("id") ?? "", title: localized(e, "title"), description: localized(e, "description"),
            weight: number(e.attribute("weight")) ?? 1, min: number(e.attribute("min")) ?? 0,
            max: number(e.attribute("max")) ?? 0, ref: e.attribute("ref"),
            source: e.attribute("source") == "survey" ? .survey : .assessor,
            allowsNA: !["false", "0"].contains(e.attribute("na") ?? "true"),
            levels: levels(e), location: e.location)
    }

    /// Levels grouped by value, each with its texts in every language given.
    private static func levels(_ e: XMLElement) -> [Level] {
        var levels: [Level] = []
        for l in e.children(named: "level") {
            guard let value = number(l.attribute("value")) else { continue }
            let lang = l.attribute("lang") ?? "id"
            if let i = levels.firstIndex(where: { $0.value == value }) {
                levels[i].label[lang] = l.text
            } else {
                levels.append(Level(value: value, label: LocalizedText([lang: l.text])))
            }
        }
        return levels.sorted { $0.value < $1.value }
    }

    private static func band(_ e: XMLElement) -> Band {
        Band(id: e.attribute("id") ?? "", min: number(e.attribute("min")) ?? 0,
             zone: e.attribute("zone").flatMap(Zone.init(rawValue:)), color: e.attribute("color"),
             label: localized(e, "label"), location: e.location)
    }

    static func localized(_ e: XMLElement, _ name: String) -> LocalizedText {
        var text = LocalizedText()
        for child in e.children(named: name) { text[child.attribute("lang") ?? "id"] = child.text }
        return text
    }

    /// An `xs:token` value as the schema reads it: blanks around it dropped.
    static func trimmed(_ s: String) -> String {
        String(s.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }.reversed())
    }

    static func number(_ text: String?) -> Double? { text.flatMap(DecimalText.parse) }
}
