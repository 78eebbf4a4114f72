import Foundation
import PatuhCore
import PatuhXML

/// Turns a schema-valid registry document into a `Registry`.
public enum RegistryReader {
    public static func read(_ document: XMLDocument) throws(Rejection) -> Registry {
        let root = try document.rootElement(named: "registry", kind: Wording(id: "registri", en: "registry"))
        var regions: [Region] = []
        var units: [ServiceUnit] = []
        var problems: [Diagnostic] = []
        var answerValues: [BreakdownDimension: [String: String]] = [:]
        for list in root.children(named: "answer-values") {
            guard
                let group = list.attribute("group").flatMap({
                    BreakdownDimension(rawValue: $0.trimmingCharacters(in: .whitespaces))
                })
            else { continue }
            for value in list.children(named: "value") {
                guard let name = value.attribute("name") else { continue }
                let canonical = DemographicValues.canonical(group, name)
                answerValues[group, default: [:]][canonical.lowercased()] = canonical
                for synonym in (value.attribute("synonyms") ?? "").split(whereSeparator: { $0 == "," || $0 == ";" }) {
                    answerValues[group, default: [:]][
                        DemographicValues.canonical(group, String(synonym)).lowercased()] = canonical
                }
            }
        }
        func visitRegion(_ e: XMLElement, parent: String?) {
            let code = e.attribute("code") ?? ""
            regions.append(
                Region(
                    code: code, level: RegionLevel(rawValue: e.attribute("level") ?? "") ?? .kabupaten,
                    name: e.stringAttribute("name") ?? code, parentCode: parent, location: e.location))
            for child in e.children {
                if child.name == "region" { visitRegion(child, parent: code) }
                if child.name == "unit" { visitUnit(child, region: code, parent: nil) }
            }
        }
        func visitUnit(_ e: XMLElement, region: String, parent: String?) {
            let id = e.attribute("id") ?? ""
            units.append(
                ServiceUnit(
                    id: id, type: UnitType(rawValue: e.attribute("type") ?? "") ?? .other,
                    name: e.stringAttribute("name") ?? id, regionCode: region, parentID: parent,
                    population: population(e, &problems),
                    location: e.location,
                    authority: e.attribute("authority").flatMap { UnitAuthority(rawValue: $0) }))
            for child in e.children(named: "unit") { visitUnit(child, region: region, parent: id) }
        }
        for child in root.children(named: "region") { visitRegion(child, parent: nil) }
        var registry = Registry(regions: regions, units: units)
        registry.answerValues = answerValues
        let flag = root.attribute("synthetic")
        registry.info = RegistryInfo(
            synthetic: flag == "true" || flag == "1",
            assessingBody: root.stringAttribute("assessing-body"), dataSource: root.stringAttribute("data-source"))
        problems += RegistryChecks.check(registry)
        guard !problems.hasErrors else { throw Rejection(problems) }
        return registry
    }

    /// The most service users a unit can have in a period: more than Indonesia's people.
    public static let populationLimit = 1_000_000_000

    /// A unit's `population`, or `nil` with a problem when it is beyond any real count (the
    /// schema's `nonNegativeInteger` has no bound; the sample-size formula needs one).
    private static func population(_ e: XMLElement, _ problems: inout [Diagnostic]) -> Int? {
        guard let text = e.attribute("population") else { return nil }
        let digits = text.drop { $0 == "+" }.drop { $0 == "0" }
        if digits.count <= 10, let value = Int(digits.isEmpty ? "0" : String(digits)), value <= populationLimit {
            return value
        }
        problems.append(
            .error(
                e.location,
                id:
                    "population '\(text.prefix(40))' unit '\(e.attribute("id") ?? "")' lebih besar dari \(populationLimit); tulis jumlah penerima layanan dalam periode itu",
                en:
                    "population '\(text.prefix(40))' of unit '\(e.attribute("id") ?? "")' is larger than \(populationLimit); write the number of service users in the period"
            ))
        return nil
    }
}
