import Foundation
import PatuhCore
import PatuhXML

/// Turns a schema-valid registry document into a `Registry`.
public enum RegistryReader {
    public static func read(_ document: XMLDocument) throws(Rejection) -> Registry {
        guard let root = document.root, root.name == "registry" else {
            throw Rejection(.error(SourceLocation(file: document.file, line: 1, column: 1), "not a registry"))
        }
        var regions: [Region] = []
        var units: [PatuhCore.Unit] = []
        func visitRegion(_ e: XMLElement, parent: String?) {
            let code = e.attribute("code") ?? ""
            regions.append(Region(code: code, level: RegionLevel(rawValue: e.attribute("level") ?? "") ?? .kabupaten,
                                  name: e.attribute("name") ?? code, parentCode: parent, location: e.location))
            for child in e.children {
                if child.name == "region" { visitRegion(child, parent: code) }
                if child.name == "unit" { visitUnit(child, region: code, parent: nil) }
            }
        }
        func visitUnit(_ e: XMLElement, region: String, parent: String?) {
            let id = e.attribute("id") ?? ""
            units.append(PatuhCore.Unit(id: id, type: UnitType(rawValue: e.attribute("type") ?? "") ?? .other,
                              name: e.attribute("name") ?? id, regionCode: region, parentID: parent,
                              population: e.attribute("population").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) },
                              location: e.location))
            for child in e.children(named: "unit") { visitUnit(child, region: region, parent: id) }
        }
        for child in root.children(named: "region") { visitRegion(child, parent: nil) }
        var registry = Registry(regions: regions, units: units)
        let flag = root.attribute("synthetic").map(RubricReader.trimmed)
        registry.info = RegistryInfo(synthetic: flag == "true" || flag == "1",
                                     assessingBody: root.attribute("assessing-body"), dataSource: root.attribute("data-source"))
        let problems = RegistryChecks.check(registry)
        guard !problems.hasErrors else { throw Rejection(problems) }
        return registry
    }
}
