import Foundation
import PatuhTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Whether `java` runs here: ODK Validate needs it.
let javaIsPresent: Bool = {
    (try? ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["java", "-version"]))?.status == 0
}()

/// The field loop end to end: `patuh xform` → a phone fills the form in → `patuh import odk`
/// → `patuh validate` and `patuh score`.
@Suite struct FieldLoopTests {
    let odk = fixtures.appendingPathComponent("odk")
    var registry: String { odk.appendingPathComponent("registry.xml").path }

    /// Every shipped rubric's form, the questionnaire of the mixed rubric, and two forms with
    /// a registry's unit list, through ODK Validate (`scripts/odk-validate.sh`, which runs the
    /// ODK_Validate.jar that pyxform ships). `.ci/run` installs Java and pyxform first; the
    /// test itself never reaches the network (PATUH_ODK_OFFLINE), and fails without them.
    @Test func odkValidateAcceptsEveryForm() throws {
        #expect(
            javaIsPresent,
            "ODK Validate runs on Java, which is not installed: run .ci/run, or apt-get install default-jre-headless")
        let dir = try scratchDirectory()
        let rubrics = try FileManager.default.contentsOfDirectory(
            atPath: repositoryRoot.appendingPathComponent("Rubrics").path
        )
        .filter { $0.hasSuffix(".xml") }.sorted()
        #expect(rubrics.count == 9)
        var jobs: [[String]] = rubrics.map { ["--rubric", "Rubrics/\($0)"] }
        jobs.append(["--rubric", "ombudsman-opini-2022", "--survey", "--lang", "en"])
        jobs.append(["--rubric", "ombudsman-opini-2022", "--registry", "Samples/riau/registry.xml", "--period", "2023"])
        jobs.append(["--rubric", "skm-2017", "--registry", "Samples/riau/registry.xml", "--lang", "en"])
        var forms: [String] = []
        for (i, job) in jobs.enumerated() {
            let form = dir.appendingPathComponent("form-\(i).xml").path
            let run = try patuh(["xform"] + job + ["--out", form])
            #expect(run.status == 0, "\(job): \(run.stderr)")
            forms.append(form)
        }
        let validate = try runProcess(
            "/usr/bin/env",
            [
                "PATUH_ODK_OFFLINE=1", "/bin/bash",
                repositoryRoot.appendingPathComponent("scripts/odk-validate.sh").path
            ] + forms)
        #expect(validate.status == 0, "\(validate.stdout)\n\(validate.stderr)")
        for form in forms { #expect(validate.stdout.contains("\(form): valid\n"), "\(validate.stdout)") }
    }

    /// The fixtures are what a phone would send for the form made today: every element they
    /// hold is one the form's primary instance declares (besides what ODK and Kobo add on
    /// their own), and their versions are the form's.
    @Test func theFixturesFollowTheGeneratedForms() throws {
        let dir = try scratchDirectory()
        var forms: [String: (leaves: Set<String>, version: String)] = [:]
        for (rubric, period) in [("ombudsman-kepatuhan-2019", "2023"), ("skm-2017", "2023-S1")] {
            let out = dir.appendingPathComponent("\(rubric).xml")
            let run = try patuh([
                "xform", "--rubric", rubric, "--registry", registry, "--period", period, "--out", out.path
            ])
            #expect(run.status == 0, "\(run.stderr)")
            let tree = try ElementTree(file: out)
            let instance = try #require(tree.instances(under: "html/head/model/instance").first)
            forms[instance.id] = (instance.leaves, instance.version)
        }
        let added: Set<String> = ["formhub/uuid", "__version__", "meta/deprecatedID"]
        let files =
            FileManager.default.enumerator(at: odk, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "xml" && $0.lastPathComponent != "registry.xml" }
            ?? []
        #expect(files.count == 6)
        var checked = 0
        for file in files {
            let tree = try ElementTree(file: file)
            for instance in tree.instances(under: "") + tree.instances(under: "root/results") {
                let form = try #require(forms[instance.id], "\(file.lastPathComponent): form \(instance.id)")
                #expect(
                    instance.leaves.subtracting(added).isSubset(of: form.leaves),
                    "\(file.lastPathComponent): \(instance.leaves.subtracting(added).subtracting(form.leaves))")
                let base = form.version.components(separatedBy: "-u").first ?? form.version
                // One Kobo submission is deliberately of an older version, to be refused.
                if instance.version != "2019.0-0badf00d" {
                    #expect(instance.version == form.version || instance.version == base, "\(file.lastPathComponent)")
                }
                checked += 1
            }
        }
        #expect(checked == 10)
    }

    /// Import the fixtures, then score what was imported; every number worked out by hand.
    @Test func fromPhoneToScoreWorkedByHand() throws {
        let out = try scratchDirectory()
        let imported = out.appendingPathComponent("imported")
        let run = try patuh(["import", "odk", odk.path, "--out", imported.path])
        // Two Kobo submissions are refused, each named where it starts, the rest imported: exit 1.
        #expect(run.status == 1, "\(run.stderr)")
        let kobo = "Tests/patuhTests/Fixtures/odk/kobo/kepatuhan-2019.xml"
        // Line 116, column 5: the third <data> of the export, made from an older form version.
        #expect(
            run.stderr.contains(
                "\(kobo):116:5: error: submission of form 'patuh-ombudsman-kepatuhan-2019' has version '2019.0-0badf00d', but the form made from rubric 'ombudsman-kepatuhan-2019' now is version '2019.1-b67088f5'"
            ))
        // Line 179: "        <SP-02><answer>7</answer>…": <answer> opens at column 16 (8 spaces + "<SP-02>").
        #expect(run.stderr.contains("\(kobo):179:16: error: value 7 for 'SP-02' is outside its range 0..2"))
        #expect(
            run.stderr.contains(
                "\(kobo):170:5: error: submission uuid:7f1e2d3c-4b5a-4968-8776-655443322102 not imported: 1 error in it, listed next"
            ))
        // Kepatuhan: a1, b1, b2 (Collect), a3, b3 (Kobo) read; b1 and b2 replaced by b3 → 3 assessments.
        #expect(
            run.stderr.contains(
                "patuh-ombudsman-kepatuhan-2019 (rubric ombudsman-kepatuhan-2019): 5 submissions read, 2 replaced by a later version → 3 assessments in 1 file"
            ))
        // SKM: r1, r3 (Kobo) and r2 (Collect) read; r2 replaced by r3 → 2 responses.
        #expect(
            run.stderr.contains(
                "patuh-skm-2017 (rubric skm-2017): 3 submissions read, 1 replaced by a later version → 2 survey responses in 1 file"
            ))
        #expect(
            run.stderr.contains(
                "patuh import odk: 7 files (1 file skipped: forms or Patuh files, not submissions); 5 submissions imported, 2 not imported; 3 errors, 0 warnings"
            ))

        // What was written is valid Patuh input.
        let validate = try patuh(["validate", imported.path, registry])
        #expect(validate.status == 0, "\(validate.stderr)")

        let assessments = try read(imported.appendingPathComponent("patuh-ombudsman-kepatuhan-2019/2023.xml"))
        // instanceID becomes the id; the note, its escaped "&", and the photo link survive.
        #expect(
            assessments.contains(
                "<assessment id=\"0b8e2f6a-1c2d-4e5f-8a9b-0c1d2e3f4a51\" rubric=\"ombudsman-kepatuhan-2019\" unit=\"9971-disdukcapil\" period=\"2023\" assessor=\"Tim Penilai 1\" date=\"2023-07-14\">"
            ))
        #expect(assessments.contains("<note>Persyaratan hanya ditempel di loket &amp; tidak ada di situs web</note>"))
        #expect(
            assessments.contains("<evidence href=\"media/0b8e2f6a-1c2d-4e5f-8a9b-0c1d2e3f4a51/1689301812345.jpg\"/>"))
        #expect(assessments.contains("<answer indicator=\"PT-01\" value=\"na\"/>"))
        #expect(
            !assessments.contains("5d0c7e3b-2a4f-4b6d-9e8f-1a2b3c4d5e01")
                && !assessments.contains("5d0c7e3b-2a4f-4b6d-9e8f-1a2b3c4d5e02"))
        let photo = imported.appendingPathComponent(
            "patuh-ombudsman-kepatuhan-2019/media/0b8e2f6a-1c2d-4e5f-8a9b-0c1d2e3f4a51/1689301812345.jpg")
        #expect(
            FileManager.default.contentsEqual(
                atPath: photo.path,
                andPath: odk.appendingPathComponent(
                    "collect/instances/patuh-ombudsman-kepatuhan-2019_2023-07-14_09-30-12/1689301812345.jpg"
                ).path))

        // ombudsman-kepatuhan-2019: every item 0..2 weighs 1, f = v/2; dimension weights standar 6,
        // maklumat 1, sipp 2, sarpras 4, khusus 3, pengaduan 3, visimisi 2, atribut 2, terpadu 1 (Σ 24).
        // a1 (Disdukcapil): all 2 but SP-01 = 0 and PT-01 = na (the one item that allows it).
        //   standar D = (0+1+1+1+1+1)/6 = 5/6; terpadu has no applicable item and drops out
        //   (Σ W = 23); the rest 1.
        //   total = 100·(6·5/6 + 1 + 2 + 4 + 3 + 3 + 2 + 2)/23 = 100·22/23 = 95.6522…
        // a3 (Disdukcapil, a second visit): all 1 (f = 1/2) but PT-01 = 2 (f = 1).
        //   total = 100·(23·1/2 + 1·1)/24 = 100·12.5/24 = 52.0833…
        // Disdukcapil = mean of its two assessments = (95.6522 + 52.0833)/2 = 73.8678 → 73.87, kuning (51 ≤ s < 81).
        //   standar points = mean of 100·6·(5/6)/23 = 21.7391 and 100·6·(1/2)/24 = 12.5 → 17.1196 → 17.12.
        // b3 (DPMPTSP, the last of three versions): all 2 but SR-01..SR-04 = 0, so sarpras D = 0.
        //   total = 100·(24 − 4)/24 = 83.3333 → 83.33, hijau (≥ 81). Had b1 and b2
        //   counted too (b1 all 0 → 0, b2 all 1 → 50), the mean would be (0 + 50 + 83.33)/3 = 44.44.
        // Kota Uji = mean of its units = (73.8678 + 83.3333)/2 = 78.6005 → 78.60, kuning.
        let scored = out.appendingPathComponent("score")
        let score = try patuh([
            "score", "--rubric", "ombudsman-kepatuhan-2019", imported.path, registry, "--out", scored.path
        ])
        #expect(score.status == 0, "\(score.stderr)")
        let units = try read(scored.appendingPathComponent("units.csv"))
        #expect(column(units, "score", "2023,9971-disdukcapil") == "73.87")
        #expect(column(units, "band", "2023,9971-disdukcapil") == "kuning")
        #expect(column(units, "assessments", "2023,9971-disdukcapil") == "2")
        #expect(column(units, "dim_standar", "2023,9971-disdukcapil") == "17.12")
        #expect(column(units, "score", "2023,9971-dpmptsp") == "83.33")
        #expect(column(units, "zone", "2023,9971-dpmptsp") == "hijau")
        #expect(column(units, "assessments", "2023,9971-dpmptsp") == "1")
        #expect(column(units, "dim_sarpras", "2023,9971-dpmptsp") == "0.00")
        let regions = try read(scored.appendingPathComponent("regions.csv"))
        #expect(column(regions, "score", "2023,99.71") == "78.60")

        // skm-2017, Disdukcapil 2023-S1: r1 answers 4 to every unsur; r3 (which replaces r2, all 1)
        // answers 3 to U1..U8 and 2 to U9.
        //   NRR U1..U8 = (4 + 3)/2 = 3.50; NRR U9 = (4 + 2)/2 = 3.00.
        //   IKM = 25·(8·3.5 + 3.0)/9 = 25·31/9 = 86.111… → 86.11, grade B (76.61–88.30).
        //   Had r2 counted: NRR U1..U8 = 8/3, U9 = 7/3, IKM = 25·(64/3 + 7/3)/9 = 65.74 (C).
        let skm = out.appendingPathComponent("skm")
        // --min-group 1: the breakdown of these two respondents is checked group by group below
        // (a published breakdown withholds groups under 5).
        let skmRun = try patuh([
            "score", "--rubric", "skm-2017", imported.path, registry, "--out", skm.path, "--min-group", "1"
        ])
        #expect(skmRun.status == 0, "\(skmRun.stderr)")
        let skmUnits = try read(skm.appendingPathComponent("units.csv"))
        #expect(column(skmUnits, "score", "2023-S1,9971-disdukcapil") == "86.11")
        #expect(column(skmUnits, "band", "2023-S1,9971-disdukcapil") == "B")
        #expect(column(skmUnits, "respondents", "2023-S1,9971-disdukcapil") == "2")
        #expect(column(skmUnits, "ind_U1", "2023-S1,9971-disdukcapil") == "3.50")
        #expect(column(skmUnits, "ind_U9", "2023-S1,9971-disdukcapil") == "3.00")
        // The respondents' stored answers (sma, wiraswasta; s1, pns) are recorded as the survey
        // format writes them. r1 (L, 34, SMA): all 4, IKM 25·36/9 = 100.00.
        let breakdown = try read(skm.appendingPathComponent("breakdown.csv"))
        #expect(breakdown.contains("2023-S1,9971-disdukcapil,education,SMA,1,100.00,A"))
        #expect(breakdown.contains("2023-S1,9971-disdukcapil,occupation,Wiraswasta,1,100.00,A"))
        // r3 (P, 58, S1, PNS): 25·(8·3 + 2)/9 = 25·26/9 = 72.22, grade C.
        #expect(breakdown.contains("2023-S1,9971-disdukcapil,gender,P,1,72.22,C"))
        let comments = try read(skm.appendingPathComponent("comments.csv"))
        #expect(comments.contains("Pelayanan cepat, petugas ramah <terima kasih>"))
    }

    /// Each form's folder is rewritten whole from the submissions given: importing only the
    /// Collect folder leaves the Kobo submissions out, and b2 is then the last version of b.
    @Test func reimportingRewritesTheFormsFolder() throws {
        let out = try scratchDirectory()
        #expect(try patuh(["import", "odk", odk.path, "--out", out.path]).status == 1)
        let again = try patuh(["import", "odk", odk.appendingPathComponent("collect").path, "--out", out.path])
        #expect(again.status == 0, "\(again.stderr)")
        let assessments = try read(out.appendingPathComponent("patuh-ombudsman-kepatuhan-2019/2023.xml"))
        #expect(assessments.contains("id=\"0b8e2f6a-1c2d-4e5f-8a9b-0c1d2e3f4a51\""))
        #expect(assessments.contains("id=\"5d0c7e3b-2a4f-4b6d-9e8f-1a2b3c4d5e02\""))
        #expect(!assessments.contains("0b8e2f6a-1c2d-4e5f-8a9b-0c1d2e3f4a53"))
        #expect(!assessments.contains("5d0c7e3b-2a4f-4b6d-9e8f-1a2b3c4d5e03"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func usageErrors() throws {
        #expect(try patuh(["import", "odk", "--out", "/tmp/x"]).status == 2)
        #expect(try patuh(["xform", "--rubric", "skm-2017", "--lang", "fr", "--out", "/tmp/x.xml"]).status == 2)
        #expect(try patuh(["xform", "--rubric", "skm-2017", "--period", "2023/S1", "--out", "/tmp/x.xml"]).status == 2)
        let noRubric = try patuh(["xform", "--rubric", "tidak-ada", "--out", "/tmp/x.xml"])
        #expect(noRubric.status == 2)
        #expect(noRubric.stderr.contains("no rubric with id 'tidak-ada'"))
        let noSurvey = try patuh(["xform", "--rubric", "ombudsman-kepatuhan-2019", "--survey", "--out", "/tmp/x.xml"])
        #expect(noSurvey.status == 2)
        #expect(noSurvey.stderr.contains("rubric 'ombudsman-kepatuhan-2019' has no survey indicators"))
    }

    func column(_ csv: String, _ name: String, _ prefix: String) -> String? {
        let rows = csv.split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        guard let header = rows.first, let i = header.firstIndex(of: name),
            let row = rows.first(where: { $0.joined(separator: ",").hasPrefix(prefix + ",") })
        else { return nil }
        return row[i]
    }

    func runProcess(_ executable: String, _ arguments: [String]) throws -> Run {
        try run(URL(fileURLWithPath: executable), arguments)
    }
}

/// The element paths of a (trusted, test-made) XML file, to compare instances with forms.
final class ElementTree: NSObject, XMLParserDelegate {
    struct Instance {
        var id: String
        var version: String
        /// Paths of leaf elements below the instance root.
        var leaves: Set<String>
    }

    private var stack: [(name: String, attributes: [String: String], hasChildren: Bool)] = []
    private var elements: [(path: [String], attributes: [String: String], leaf: Bool)] = []

    init(file: URL) throws {
        super.init()
        let parser = XMLParser(data: try Data(contentsOf: file))
        parser.delegate = self
        guard parser.parse() else { throw CocoaError(.fileReadCorruptFile) }
    }

    /// Instances (elements with an `id`) whose parent path is `parent` ("" for the root).
    func instances(under parent: String) -> [Instance] {
        let parentPath = parent.isEmpty ? [] : parent.split(separator: "/").map(String.init)
        return elements.enumerated().compactMap { i, e in
            guard e.path.dropLast() == ArraySlice(parentPath), let id = e.attributes["id"] else { return nil }
            let prefix = e.path
            var leaves = Set<String>()
            for other in elements[(i + 1)...] {
                guard other.path.starts(with: prefix), other.path.count > prefix.count else { break }
                if other.leaf { leaves.insert(other.path.dropFirst(prefix.count).joined(separator: "/")) }
            }
            return Instance(id: id, version: e.attributes["version"] ?? "", leaves: leaves)
        }
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if !stack.isEmpty { stack[stack.count - 1].hasChildren = true }
        let local = String(name.split(separator: ":").last ?? Substring(name))
        stack.append((local, attributes, false))
        elements.append((stack.map(\.name), attributes, false))
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let open = stack.removeLast()
        if !open.hasChildren, let i = elements.lastIndex(where: { $0.path == stack.map(\.name) + [open.name] }) {
            elements[i].leaf = true
        }
    }
}
