import Foundation
import Testing

/// `datapackage.json` beside the CSV files of `patuh score`, and what `frictionless`
/// (PyPI; `.ci/run` installs it) says of it.
@Suite struct DataPackageTests {
    /// Scores the Riau sample under `rubric` into a fresh folder, dated 2023-11-14T22:13:20Z.
    func score(_ rubric: String, _ extra: [String] = []) throws -> (URL, Run) {
        let out = try scratchDirectory()
        let run = try runWithEpoch(["score", "--rubric", rubric, "Samples/riau", "--out", out.path, "-q"] + extra)
        return (out, run)
    }

    /// `patuh` with SOURCE_DATE_EPOCH=1700000000 (2023-11-14 22:13:20 UTC).
    func runWithEpoch(_ arguments: [String]) throws -> Run {
        try run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["SOURCE_DATE_EPOCH=1700000000", try patuhExecutable().path] + arguments)
    }

    func json(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    func resource(_ package: [String: Any], _ name: String) -> [String: Any]? {
        (package["resources"] as? [[String: Any]])?.first { $0["name"] as? String == name }
    }

    func field(_ resource: [String: Any]?, _ name: String) -> [String: Any]? {
        ((resource?["schema"] as? [String: Any])?["fields"] as? [[String: Any]])?.first {
            $0["name"] as? String == name
        }
    }

    @Test func packageDescribesEveryFileWithKeysAndAllowedValues() throws {
        let (out, run) = try score("ombudsman-opini-2022")
        #expect(run.status == 0, "\(run.stderr)")
        let package = try json(out.appendingPathComponent("datapackage.json"))
        #expect(package["created"] as? String == "2023-11-14T22:13:20Z")
        #expect((package["licenses"] as? [[String: Any]])?.first?["name"] as? String == "CC-BY-4.0")
        // The rubric has survey indicators (OUT-*) but is not an SKM rubric: comments, no
        // breakdown; the sample's registry has K/L tenants in MPP Pekanbaru (Kantor Imigrasi,
        // BPJS Kesehatan): kl-units.
        let names = (package["resources"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == ["units", "regions", "indicators", "comments", "kl-units", "indicator-metadata"])
        let units = resource(package, "units")
        // ombudsman-opini-2022: bands A–E, zones hijau/kuning/merah, scores 0–100.
        #expect(
            (field(units, "zone")?["constraints"] as? [String: Any])?["enum"] as? [String] == [
                "hijau", "kuning", "merah"
            ])
        #expect(
            (field(units, "band")?["constraints"] as? [String: Any])?["enum"] as? [String] == ["A", "B", "C", "D", "E"])
        #expect((field(units, "score")?["constraints"] as? [String: Any])?["maximum"] as? Int == 100)
        // OUT-01 is answered 1–4.
        #expect((field(units, "ind_OUT-01")?["constraints"] as? [String: Any])?["minimum"] as? Int == 1)
        #expect((units?["schema"] as? [String: Any])?["primaryKey"] as? [String] == ["period", "unit_id"])
        let indicators = resource(package, "indicators")?["schema"] as? [String: Any]
        let references = (indicators?["foreignKeys"] as? [[String: Any]])?.compactMap {
            ($0["reference"] as? [String: Any])?["resource"] as? String
        }
        #expect(references == ["units", "indicator-metadata"])
        // The metadata: the 2022 method's 32 assessor items (5 + 8 input, 11 proses, 8 pengaduan)
        // + 8 OUT items = 40 indicators and a header, each with its legal basis.
        let metadata = try String(contentsOf: out.appendingPathComponent("indicator_metadata.csv"), encoding: .utf8)
            .split(separator: "\r\n")
        #expect(metadata.count == 41)
        #expect(metadata.dropFirst().first?.hasPrefix("IN-01,input,Input,") == true)
        #expect(metadata.dropFirst().first?.contains("UU 25/2009 Pasal 21 huruf h") == true)
    }

    @Test func licenseIsAnOption() throws {
        let (out, run) = try score("skm-2017", ["--license", "CC0-1.0"])
        #expect(run.status == 0, "\(run.stderr)")
        let package = try json(out.appendingPathComponent("datapackage.json"))
        #expect((package["licenses"] as? [[String: Any]])?.first?["name"] as? String == "CC0-1.0")
        // An SKM rubric gets breakdown.csv, with its primary key.
        #expect(resource(package, "breakdown") != nil)
        let bad = try patuh([
            "score", "--rubric", "skm-2017", "Samples/riau", "--out", out.path, "--license", "CC BY 4.0"
        ])
        #expect(bad.status == 2)
    }

    /// The package lists exactly the CSV files beside it, whatever the rubric writes (the SKM
    /// report's tables, follow-up outcomes, K/L units), and none that is not there.
    @Test(arguments: Self.shippedRubrics)
    func packageListsExactlyTheFilesBesideIt(rubric: String) throws {
        let (out, scored) = try score(rubric)
        #expect(scored.status == 0, "\(scored.stderr)")
        try expectPackageMatchesFiles(out)
    }

    @Test func aReportWithoutCommentsDoesNotListThem() throws {
        let out = try scratchDirectory().appendingPathComponent("site")
        let report = try runWithEpoch([
            "report", "--rubric", "skm-2017", "Samples/riau", "--out", out.path, "-q", "--no-comments"
        ])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("comments.csv").path))
        try expectPackageMatchesFiles(out)
    }

    func expectPackageMatchesFiles(_ out: URL) throws {
        let package = try json(out.appendingPathComponent("datapackage.json"))
        let paths = Set((package["resources"] as? [[String: Any]])?.compactMap { $0["path"] as? String } ?? [])
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".csv") })
        #expect(!files.isEmpty)
        #expect(paths == files)
    }

    static let shippedRubrics = [
        "ombudsman-kepatuhan-2019", "ombudsman-opini-2022", "ombudsman-opini-2023",
        "ombudsman-opini-2024", "ombudsman-opini-2025", "panrb-pekppp-2022", "skm-2004",
        "skm-2017", "skm-2017-bobot-0111"
    ]

    /// `frictionless` finds nothing wrong with the sample's packages (every rubric: each
    /// answers data of its own in the sample), and finds one zone that is not one.
    @Test(arguments: Self.shippedRubrics)
    func frictionlessAcceptsThePackageAndCatchesABadZone(rubric: String) throws {
        guard let frictionless = Self.frictionless else {
            Issue.record("frictionless is not installed: run .ci/run, or python3 -m pip install frictionless")
            return
        }
        let (out, scored) = try score(rubric)
        #expect(scored.status == 0, "\(scored.stderr)")
        let package = out.appendingPathComponent("datapackage.json").path
        let good = try run(frictionless, ["validate", package])
        #expect(good.status == 0, "\(good.stdout)")

        // The first row of units.csv without quoted commas gets the zone "biru" (SKM rubrics
        // have no zones: their zone column is always empty, and "biru" is as wrong there).
        let unitsURL = out.appendingPathComponent("units.csv")
        var lines = try String(contentsOf: unitsURL, encoding: .utf8).components(separatedBy: "\r\n")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
        let zone = try #require(header.firstIndex(of: "zone"))
        let row = try #require(
            lines.indices.dropFirst().first {
                !lines[$0].contains("\"")
                    && lines[$0].split(separator: ",", omittingEmptySubsequences: false).count == header.count
            })
        var cells = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[zone] = "biru"
        lines[row] = cells.joined(separator: ",")
        try Data(lines.joined(separator: "\r\n").utf8).write(to: unitsURL)
        let bad = try run(frictionless, ["validate", package, "--json"])
        #expect(bad.status != 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(bad.stdout.utf8)) as? [String: Any])
        let errors = (report["tasks"] as? [[String: Any]])?.flatMap { ($0["errors"] as? [[String: Any]]) ?? [] } ?? []
        #expect(errors.count == 1)
        #expect(errors.first?["type"] as? String == "constraint-error")
        #expect(errors.first?["fieldName"] as? String == "zone")
        #expect(errors.first?["rowNumber"] as? Int == row + 1)  // frictionless counts the header as row 1
        #expect(errors.first?["cell"] as? String == "biru")
    }

    /// The `frictionless` on PATH (or in ~/.local/bin, where pip puts it for a user).
    static let frictionless: URL? = {
        let path =
            (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + [NSHomeDirectory() + "/.local/bin"]
        return path.map { URL(fileURLWithPath: $0).appendingPathComponent("frictionless") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()
}
