import Foundation
import PatuhCore
import PatuhFormats
import Testing

/// Every shipped rubric says where each part comes from (docs/RUBRICS.md).
@Suite struct ShippedOriginsTests {
    static let ids = [
        "ombudsman-kepatuhan-2019", "ombudsman-opini-2022", "ombudsman-opini-2023", "ombudsman-opini-2024",
        "ombudsman-opini-2025", "panrb-pekppp-2022", "skm-2017", "skm-2017-bobot-0111", "skm-2004"
    ]

    @Test func everyRubricFileIsListed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: rubricsDirectory).filter {
            $0.hasSuffix(".xml")
        }
        #expect(Set(files.map { String($0.dropLast(4)) }) == Set(Self.ids))
    }

    @Test(arguments: ids)
    func everyPartHasASourceAndStatus(id: String) throws {
        let inputs = try makeLoader().load([rubricsDirectory + "/\(id).xml"])
        let r = try #require(inputs.rubrics[id], "\(inputs.diagnostics)")
        #expect(r.origins.of(.item) != nil && r.origins.of(.formula) != nil)
        for d in r.dimensions where d.id != Dimension.implicitID {
            #expect(d.origins.of(.item) != nil, "dimension \(d.id)")
            #expect(d.origins.of(.weight) != nil, "dimension \(d.id) weight")
        }
        for i in r.indicators {
            #expect(i.origins.of(.item) != nil, "indicator \(i.id)")
            #expect(i.origins.of(.weight) != nil, "indicator \(i.id) weight")
        }
        for b in r.bands {
            #expect(b.origins.of(.item) != nil, "band \(b.id)")
            #expect(b.origins.of(.range) != nil, "band \(b.id) range")
        }
        for o in r.origins + r.indicators.flatMap(\.origins) { #expect(!o.source.isEmpty) }
    }
}
