import Foundation
import PatuhCore
import Testing

@testable import PatuhSamples

/// A fresh directory under the system's temporary directory, removed by `cleanUp()`.
struct ScratchDirectory {
    let path: String

    init() {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("patuh-samples-\(UUID().uuidString)").path
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: path) }

    /// Relative path → contents of every file below `root`.
    static func files(under root: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let base = URL(fileURLWithPath: root)
        guard let walker = FileManager.default.enumerator(atPath: root) else { return result }
        for case let relative as String in walker {
            var isDirectory: ObjCBool = false
            let full = base.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[relative] = try Data(contentsOf: URL(fileURLWithPath: full))
            }
        }
        return result
    }
}

/// Occurrences of `needle` in `data`.
func count(_ needle: String, in data: Data) -> Int {
    String(decoding: data, as: UTF8.self).components(separatedBy: needle).count - 1
}

@Suite("SampleGenerator")
struct GeneratorTests {
    static let small = SampleOptions(
        seed: 11, regions: 3, units: 6, respondents: 40,
        periods: ["2022", "2023"], surveyPeriods: ["2023-S1"], opiniRespondents: 5,
        pekpppPeriods: [], skm2004Periods: [])

    @Test func sameSeedGivesIdenticalBytesAndAnotherSeedDoesNot() throws {
        let a = ScratchDirectory()
        let b = ScratchDirectory()
        let c = ScratchDirectory()
        defer {
            a.cleanUp()
            b.cleanUp()
            c.cleanUp()
        }
        let first = try SampleGenerator(options: Self.small).generate(into: a.path)
        let second = try SampleGenerator(options: Self.small).generate(into: b.path)
        var other = Self.small
        other.seed = 12
        _ = try SampleGenerator(options: other).generate(into: c.path)
        let filesA = try ScratchDirectory.files(under: a.path)
        #expect(first == second)
        #expect(filesA == (try ScratchDirectory.files(under: b.path)))
        #expect(filesA != (try ScratchDirectory.files(under: c.path)))
        #expect(!filesA.keys.contains { $0.hasSuffix(".partial") })
    }

    @Test func countsMatchTheOptions() throws {
        let dir = ScratchDirectory()
        defer { dir.cleanUp() }
        let options = Self.small
        let summary = try SampleGenerator(options: options).generate(into: dir.path)
        let plan = SamplePlan(options: options, random: RandomSource(seed: options.seed))
        let files = try ScratchDirectory.files(under: dir.path)

        #expect(plan.regions.count == 4)
        // Pekanbaru, then the first two in BPS order: Kuantan Singingi (BPS 1401, 14.09) and
        // Indragiri Hulu (1402, 14.02), sorted by Kemendagri code.
        #expect(plan.provinces[0].subregions.map(\.code) == ["14.02", "14.09", "14.71"])
        for region in plan.provinces[0].subregions {
            #expect(region.units.filter { $0.type != .mpp }.count == 6)
        }
        let assessed = plan.units.filter(\.assessed)
        let surveyed = plan.units.filter(\.surveyed)
        #expect(summary.units == plan.units.count)
        #expect(summary.files == files.count)
        // Registry, assessments and output questionnaires per period, SKM per surveyed unit, one
        // follow-up file for the first survey period, and placeholder photos beside each
        // period's assessments, one per item some evidence names.
        let photos = files.keys.filter { $0.hasSuffix(".png") }
        #expect(!photos.isEmpty && photos.allSatisfy { $0.contains("/foto/") })
        #expect(summary.files == 1 + 2 * plan.regions.count + 2 * assessed.count + surveyed.count + 1 + photos.count)
        // Plans for every third surveyed unit (at most 8), two items each.
        let followup = try #require(files["followup/2023-S1.xml"])
        #expect(count("<plan ", in: followup) == min(8, (surveyed.count + 2) / 3))
        #expect(count("<item ", in: followup) == 2 * count("<plan ", in: followup))
        #expect(summary.bytes == files.values.reduce(0) { $0 + $1.count })

        var responses = 0
        var assessments = 0
        for (name, data) in files {
            responses += count("<response ", in: data)
            assessments += count("<assessment ", in: data)
            if name.contains("/opini-") { #expect(count("<response ", in: data) == 5) }
        }
        #expect(responses == summary.responses)
        #expect(assessments == summary.assessments)
        #expect(assessments >= 2 * assessed.count)
        for period in options.periods {
            for unit in assessed {
                let file = try #require(
                    files["assessments/\(period)/\(unit.regionCode.replacingOccurrences(of: ".", with: "")).xml"])
                #expect(count("unit=\"\(unit.id)\"", in: file) >= 1)
                #expect(files["surveys/\(period)/opini-\(unit.id).xml"] != nil)
            }
        }
        for unit in surveyed {
            let file = try #require(files["surveys/2023-S1/\(unit.id).xml"])
            let n = count("<response ", in: file)
            let required = SampleSize.krejcieMorgan(population: try #require(unit.population))
            if unit.id == SamplePlan.shortSampleUnit {
                #expect(n < required)
            } else {
                #expect(n >= required && n >= 32)
            }
        }
    }

    @Test func riauRegistryHasRealCodesUniqueIdsAndTheMPP() throws {
        let plan = SamplePlan(options: SampleOptions(), random: RandomSource(seed: 7))
        #expect(plan.provinces.count == 1)
        let riau = plan.provinces[0]
        #expect(riau.code == "14" && riau.name == "Provinsi Riau" && riau.level == .provinsi)
        #expect((5...7).contains(riau.units.count))
        #expect(
            riau.subregions.map(\.code) == [
                "14.01", "14.02", "14.03", "14.04", "14.05", "14.06", "14.07",
                "14.08", "14.09", "14.10", "14.71", "14.72"
            ])
        #expect(riau.subregions.first?.name == "Kabupaten Kampar")
        // Every code and name as in wilayah.csv (RegionReference), the BPS code beside it:
        // Kampar is 14.01 there and 1406 in BPS's list (Kemendagri codes are not BPS codes).
        for region in [riau] + riau.subregions {
            #expect(RegionReference.kemendagri.officialName(region.code) == region.name, "\(region.code)")
        }
        #expect(riau.subregions.first?.bps == "1406")
        #expect(riau.subregions.map(\.bps).compactMap { $0 }.count == 12)
        #expect(riau.subregions.filter { $0.level == .kota }.map(\.name) == ["Kota Pekanbaru", "Kota Dumai"])
        for region in riau.subregions {
            #expect((6...10).contains(region.units.filter { $0.type != .mpp }.count))
        }
        let ids = plan.units.map(\.id)
        #expect(Set(ids).count == ids.count)
        let mall = try #require(plan.units.first { $0.id == "1471-mpp" })
        #expect(mall.type == .mpp && mall.name == "Mal Pelayanan Publik Kota Pekanbaru")
        #expect(mall.tenants.count >= 10)
        #expect(mall.tenants.contains { $0.id == "1471-mpp-imigrasi" })
        #expect(mall.tenants.allSatisfy { $0.type == .mppTenant && $0.parentID == "1471-mpp" })
        for unit in plan.units where unit.surveyed {
            #expect((800...60_000).contains(unit.population ?? 0))
        }
        for special in [
            SamplePlan.improvingUnit, SamplePlan.decliningUnit, SamplePlan.shortSampleUnit,
            SamplePlan.twoProductUnit
        ] {
            #expect(ids.contains(special))
        }
    }

    @Test func nationalScaleKeepsRiauFirstWithUniqueCodes() {
        let plan = SamplePlan(options: SampleOptions(provinces: 38), random: RandomSource(seed: 7))
        #expect(plan.provinces.count == 38)
        #expect(plan.provinces[0].name == "Provinsi Riau")
        // The second province code is 11, Aceh, with its 23 kabupaten/kota (wilayah.csv:
        // 11.01–11.18 and 11.71–11.75).
        #expect(plan.provinces[1].name == "Provinsi Aceh")
        #expect(plan.provinces[1].subregions.count == 23)
        #expect(plan.provinces[1].subregions.first?.name == "Kabupaten Aceh Selatan")
        let codes = plan.regions.map(\.code)
        #expect(Set(codes).count == codes.count)
        // Every one of the 514 kabupaten/kota, each under its own code and name.
        let kabKota = plan.regions.filter { $0.level != .provinsi }
        #expect(kabKota.count == 514)
        #expect(kabKota.allSatisfy { RegionReference.kemendagri.officialName($0.code) == $0.name })
        let ids = plan.units.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test func storyUnitsImproveAndDecline() {
        let quality = QualityModel(random: RandomSource(seed: 7).derive("quality"), periods: ["2022", "2023"])
        let plan = SamplePlan(options: SampleOptions(), random: RandomSource(seed: 7))
        let improving = plan.units.first { $0.id == SamplePlan.improvingUnit }
        let declining = plan.units.first { $0.id == SamplePlan.decliningUnit }
        #expect(improving?.regionCode == "14.01" && declining?.regionCode == "14.72")  // Kampar, Dumai
        guard let improving, let declining else { return }
        #expect(quality.compliance(unit: improving, period: 0) < 0.5)
        #expect(quality.compliance(unit: improving, period: 1) > 0.88)
        #expect(quality.compliance(unit: declining, period: 0) > 0.88)
        #expect(quality.compliance(unit: declining, period: 1) < 0.5)
    }

    @Test func badOptionsAreRejected() {
        #expect(throws: SampleError.self) { try SampleOptions(provinces: 0).validate() }
        #expect(throws: SampleError.self) { try SampleOptions(periods: []).validate() }
        #expect(throws: SampleError.self) { try SampleOptions(periods: ["23"]).validate() }
        #expect(throws: SampleError.self) { try SampleOptions(surveyPeriods: ["2023-S1", "2023-S1"]).validate() }
        #expect(throws: Never.self) { try SampleOptions(periods: ["2023-Q2"], surveyPeriods: ["2023-07"]).validate() }
    }

    /// The messages a user reads, in both languages (the words written here by hand).
    @Test func badOptionsAreSaidInBothLanguages() {
        #expect(throws: SampleError.invalidOption(id: "--units harus 1 sampai 200", en: "--units must be 1...200")) {
            try SampleOptions(units: 0).validate()
        }
        #expect(
            throws: SampleError.invalidOption(
                id: "'2023-X!' bukan periode seperti 2023, 2023-S1, 2023-Q2 atau 2023-07",
                en: "'2023-X!' is not a period like 2023, 2023-S1, 2023-Q2 or 2023-07")
        ) { try SampleOptions(periods: ["2023-X!"]).validate() }
        let denied = SampleError.cannotWrite(path: "/x/y.xml", reason: SystemError.wording(EACCES))
        #expect(denied.indonesian == "tidak dapat menulis /x/y.xml: izin ditolak")
        #expect(denied.description == "cannot write /x/y.xml: Permission denied")
    }
}
