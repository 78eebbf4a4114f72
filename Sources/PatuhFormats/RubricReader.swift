import PatuhCore
import PatuhXML

/// Turns a schema-valid rubric document into a `Rubric`.
public enum RubricReader {
    /// Reads the rubric, then runs the checks its schema cannot express.
    public static func read(_ document: XMLDocument) throws(Rejection) -> Rubric {
        let root = try document.rootElement(named: "rubric", kind: Wording(id: "rubrik", en: "rubric"))
        var dimensions: [Dimension] = []
        var implicitIndicators: [Indicator] = []
        var implicitPosition: Int?
        var bands: [Band] = []
        var qualifier: Qualifier?
        var conversion: ConversionTable?
        for child in root.children {
            switch child.name {
            case "dimension":
                dimensions.append(
                    Dimension(
                        id: child.attribute("id") ?? "", title: localized(child, "title"),
                        weight: number(child.attribute("weight")) ?? 1,
                        indicators: child.children(named: "indicator").map(indicator), origins: origins(child),
                        location: child.location))
            case "indicator":
                if implicitPosition == nil { implicitPosition = dimensions.count }
                implicitIndicators.append(indicator(child))
            case "qualifier":
                qualifier = Qualifier(
                    id: child.attribute("id") ?? "", label: localized(child, "label"),
                    dimensionID: child.attribute("dimension") ?? "", origins: origins(child),
                    location: child.location)
            case "conversion":
                conversion = ConversionTable(
                    rows: child.children(named: "row").map { r in
                        ConversionRow(
                            perception: number(r.attribute("perception")) ?? 0,
                            nrrMin: number(r.attribute("nrr-min")) ?? 0, nrrMax: number(r.attribute("nrr-max")) ?? 0,
                            min: number(r.attribute("min")) ?? 0, max: number(r.attribute("max")) ?? 0,
                            bandID: r.attribute("band") ?? "", location: r.location)
                    }, origins: origins(child), location: child.location)
            case "bands":
                bands = child.children(named: "band").map(band)
            default:
                break
            }
        }
        if let position = implicitPosition {
            dimensions.insert(
                Dimension(
                    id: Dimension.implicitID, weight: 1, indicators: implicitIndicators,
                    location: root.location), at: position)
        }
        if root.attribute("weights") == "equal" {
            let n = Double(dimensions.reduce(0) { $0 + $1.indicators.count })
            for d in dimensions.indices {
                for i in dimensions[d].indicators.indices { dimensions[d].indicators[i].weight = 1 / n }
            }
        }
        let model: ScoringModel
        switch root.attribute("model") {
        case "linear": model = .linear(factor: number(root.attribute("factor")) ?? 1)
        case "weighted-sum": model = .weightedSum(factor: number(root.attribute("factor")) ?? 1)
        default: model = .normalized(scale: number(root.attribute("scale")) ?? 100)
        }
        let appliesTo = root.attribute("applies-to").map {
            Set($0.split(whereSeparator: \.isWhitespace).compactMap { UnitType(rawValue: String($0)) })
        }
        var rubric = Rubric(
            id: root.attribute("id") ?? "", version: root.attribute("version"), model: model,
            title: localized(root, "title"), basis: root.children(named: "basis").first?.text,
            description: localized(root, "description"), origins: origins(root), dimensions: dimensions, bands: bands,
            appliesTo: appliesTo, qualifier: qualifier, conversion: conversion, location: root.location,
            instrument: root.attribute("instrument"))
        rubric.klInPemda = ["true", "1"].contains(root.attribute("kl-in-pemda") ?? "false")
        if root.attribute("status") == "reconstructed" { rubric.status = .reconstructed }
        rubric.statusNote = localized(root, "status-note")
        for term in root.children(named: "term") {
            guard let name = term.attribute("name") else { continue }
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
            max: number(e.attribute("max")) ?? 0, ref: e.stringAttribute("ref"),
            source: e.attribute("source") == "survey" ? .survey : .assessor,
            allowsNA: ["true", "1"].contains(e.attribute("na") ?? "false"),  // na only where allowed
            levels: levels(e), origins: origins(e), location: e.location,
            required: ["true", "1"].contains(e.attribute("required") ?? "false"))
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
        Band(
            id: e.attribute("id") ?? "", min: number(e.attribute("min")) ?? 0,
            zone: e.attribute("zone").flatMap(Zone.init(rawValue:)), color: e.attribute("color"),
            label: localized(e, "label"), origins: origins(e), location: e.location)
    }

    /// The `<origin>` children of `e`.
    static func origins(_ e: XMLElement) -> [Origin] {
        e.children(named: "origin").compactMap { o in
            guard let status = o.attribute("status").flatMap(OriginStatus.init(rawValue:)) else { return nil }
            let part = o.attribute("of").flatMap(OriginPart.init(rawValue:)) ?? .item
            let source = o.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return Origin(part: part, status: status, source: source, location: o.location)
        }
    }

    static func localized(_ e: XMLElement, _ name: String) -> LocalizedText {
        var text = LocalizedText()
        for child in e.children(named: name) { text[child.attribute("lang") ?? "id"] = child.text }
        return text
    }

    /// An `xs:token` value as the schema reads it: blanks around it dropped.
    static func trimmed(_ s: String) -> String {
        String(
            s.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }.reversed().drop {
                $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r"
            }.reversed())
    }

    static func number(_ text: String?) -> Double? { text.flatMap(DecimalText.parse) }
}
