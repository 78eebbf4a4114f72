import Foundation
import PatuhTestSupport
import Testing

// Issue 15's cases about `patuh import odk`: files a phone user must not reach, an import
// that must not delete its own input, edits that must not vanish, one bad value that must
// not stop the rest.

private let instanceFolder = "patuh-ombudsman-kepatuhan-2019_2023-07-14_09-30-12"

/// The ODK Collect instance folder of the fixtures (one assessment with a photo), copied.
private func collectInstance() throws -> (folder: URL, xml: URL) {
    let folder = try scratchDirectory().appendingPathComponent("instances/\(instanceFolder)")
    try FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
        at: fixtures.appendingPathComponent("odk/collect/instances/\(instanceFolder)"), to: folder)
    return (folder, folder.appendingPathComponent("\(instanceFolder).xml"))
}

private func edit(_ url: URL, _ change: (String) -> String) throws {
    try change(try read(url)).write(to: url, atomically: false, encoding: .utf8)
}

/// Every file under `dir`, as paths relative to it.
private func tree(_ dir: URL) -> [String] {
    (FileManager.default.enumerator(atPath: dir.path)?.compactMap { $0 as? String } ?? []).sorted()
}

@Suite struct ImportReliabilityTests {
    @Test func onlyPlainAttachmentsBesideTheSubmissionAreCopied() throws {
        let (folder, xml) = try collectInstance()
        // A secret beside the submission, and a "photo" that is a link to a system file.
        try "machine example.org login me password secret".write(
            to: folder.appendingPathComponent(".netrc"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("selfie.jpg").path, withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("media").path, withDestinationPath: "/etc")
        try edit(xml) {
            $0.replacingOccurrences(
                of: "<SP-02><answer>2</answer><note/><photo/>",
                with: "<SP-02><answer>2</answer><note/><photo>.netrc</photo>"
            )
            .replacingOccurrences(
                of: "<SP-03><answer>2</answer><note/><photo/>",
                with: "<SP-03><answer>2</answer><note/><photo>selfie.jpg</photo>"
            )
            .replacingOccurrences(
                of: "<SP-04><answer>2</answer><note/><photo/>",
                with: "<SP-04><answer>2</answer><note/><photo>passwd.jpg</photo>")
        }
        let out = folder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("out")
        let run = try patuh(["import", "odk", folder.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let media = out.appendingPathComponent("patuh-ombudsman-kepatuhan-2019/media")
        // Only the real photo, whole.
        #expect(
            tree(media) == [
                "0b8e2f6a-1c2d-4e5f-8a9b-0c1d2e3f4a51", "0b8e2f6a-1c2d-4e5f-8a9b-0c1d2e3f4a51/1689301812345.jpg"
            ])
        let copied = try Data(
            contentsOf: media.appendingPathComponent("0b8e2f6a-1c2d-4e5f-8a9b-0c1d2e3f4a51/1689301812345.jpg"))
        #expect(copied == (try Data(contentsOf: folder.appendingPathComponent("1689301812345.jpg"))))
        #expect(
            run.stderr.contains(
                "3 photos of submission uuid:0b8e2f6a-1c2d-4e5f-8a9b-0c1d2e3f4a51 not copied (.netrc, selfie.jpg, passwd.jpg)"
            ), "\(run.stderr)")
    }

    @Test func anImportNeverReplacesTheFolderHoldingItsInput() throws {
        let (folder, _) = try collectInstance()
        // The submissions were saved into the form's folder of the round (cd round; import ... --out .).
        let round = folder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("round")
        let formFolder = round.appendingPathComponent("patuh-ombudsman-kepatuhan-2019")
        try FileManager.default.createDirectory(at: formFolder, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: folder, to: formFolder.appendingPathComponent(instanceFolder))
        let before = tree(formFolder)
        let run = try patuh(["import", "odk", formFolder.path, "--out", round.path])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(
            run.stderr.contains(
                "lies inside \(round.path)/patuh-ombudsman-kepatuhan-2019, which the import replaces whole"),
            "\(run.stderr)")
        #expect(tree(formFolder) == before)
    }

    @Test func editsThatNameEachOtherAreRejectedAndTheEarlierImportStays() throws {
        let (folder, xml) = try collectInstance()
        let out = folder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("out")
        #expect(try patuh(["import", "odk", folder.path, "--out", out.path]).status == 0)
        let earlier = tree(out)
        #expect(earlier.contains("patuh-ombudsman-kepatuhan-2019/2023.xml"))
        // Two edits: a names b as the version it replaces, and b names a.
        let original = try read(xml)
        let meta = "<meta><instanceID>uuid:0b8e2f6a-1c2d-4e5f-8a9b-0c1d2e3f4a51</instanceID>"
        for (id, replaces) in [
            ("aaaaaaaa-0000-4000-8000-000000000001", "aaaaaaaa-0000-4000-8000-000000000002"),
            ("aaaaaaaa-0000-4000-8000-000000000002", "aaaaaaaa-0000-4000-8000-000000000001")
        ] {
            let text = original.replacingOccurrences(
                of: meta, with: "<meta><instanceID>uuid:\(id)</instanceID><deprecatedID>uuid:\(replaces)</deprecatedID>"
            )
            try text.write(to: folder.appendingPathComponent("\(id).xml"), atomically: false, encoding: .utf8)
        }
        try FileManager.default.removeItem(at: xml)
        let run = try patuh(["import", "odk", folder.path, "--out", out.path])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("replace each other (their deprecatedIDs form a loop)"), "\(run.stderr)")
        #expect(run.stderr.contains("is left as it was"), "\(run.stderr)")
        #expect(tree(out) == earlier)
    }

    @Test func aSubmissionWithAnOverlongPeriodIsRejectedAndTheOthersWritten() throws {
        let (folder, xml) = try collectInstance()
        let long = "2023-" + String(repeating: "x", count: 300)
        let original = try read(xml)
        let bad = original.replacingOccurrences(of: "<period>2023</period>", with: "<period>\(long)</period>")
            .replacingOccurrences(
                of: "uuid:0b8e2f6a-1c2d-4e5f-8a9b-0c1d2e3f4a51", with: "uuid:bbbbbbbb-0000-4000-8000-000000000001")
        try bad.write(to: folder.appendingPathComponent("long.xml"), atomically: false, encoding: .utf8)
        let out = folder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("out")
        let run = try patuh(["import", "odk", folder.path, "--out", out.path])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("long.xml:1:") && run.stderr.contains("is not a period"), "\(run.stderr)")
        let written = try read(out.appendingPathComponent("patuh-ombudsman-kepatuhan-2019/2023.xml"))
        #expect(written.contains("id=\"0b8e2f6a-1c2d-4e5f-8a9b-0c1d2e3f4a51\""))
        #expect(!written.contains("bbbbbbbb"))
    }
}
