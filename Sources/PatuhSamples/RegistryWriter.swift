/// Writes `registry.xml` (docs/FORMATS.md, "Registry"): provinces, their kabupaten/kota, their units.
enum RegistryWriter {
    /// Writes the plan's registry to `path`; returns the file's size.
    static func write(_ plan: SamplePlan, to path: String, header: String) throws -> Int {
        try XMLFileWriter.write(path) { w in
            w.raw(header)
            // Marked synthetic: every page of a report on it says "DATA SINTETIS / SYNTHETIC DATA".
            w.raw(
                "<registry xmlns=\"urn:patuh:1\" synthetic=\"true\" data-source=\"patuh generate (data sintetis / synthetic data)\">\n"
            )
            for province in plan.provinces {
                region(province, indent: "  ", into: &w)
                try w.checkpoint()
            }
            w.raw("</registry>\n")
        }
    }

    private static func region(_ region: PlannedRegion, indent: String, into w: inout XMLFileWriter) {
        w.openTag(
            "region", indent: indent,
            ["code": region.code, "level": region.level.rawValue, "name": region.name, "bps": region.bps])
        w.raw(">\n")
        for unit in region.units { self.unit(unit, indent: indent + "  ", into: &w) }
        for subregion in region.subregions { self.region(subregion, indent: indent + "  ", into: &w) }
        w.raw("\(indent)</region>\n")
    }

    private static func unit(_ unit: PlannedUnit, indent: String, into w: inout XMLFileWriter) {
        w.openTag(
            "unit", indent: indent,
            [
                "id": unit.id, "type": unit.type.rawValue, "name": unit.name,
                "population": unit.population.map(String.init),
                "authority": unit.kind.authority?.rawValue
            ])
        if unit.tenants.isEmpty {
            w.raw("/>\n")
            return
        }
        w.raw(">\n")
        for tenant in unit.tenants { self.unit(tenant, indent: indent + "  ", into: &w) }
        w.raw("\(indent)</unit>\n")
    }
}
