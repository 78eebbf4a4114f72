import Foundation
import Testing

/// Every file under `dir` (relative path → bytes), hidden ones included.
func siteFiles(_ dir: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: dir.path) {
        let url = dir.appendingPathComponent(path)
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue {
            files[path] = try Data(contentsOf: url)
            // The marker's page list records inodes and times, which differ from site to site.
            if path == ".patuh-site", let text = files[path].map({ String(decoding: $0, as: UTF8.self) }) {
                files[path] = Data(text.components(separatedBy: "\n# ").first?.utf8 ?? "".utf8)
            }
        }
    }
    return files
}

/// `patuh report` replaces its folder whole (issue 17, point 2; issue 15, case 10).
@Suite(.serialized) struct SiteReplacementTests {
    let sample = repositoryRoot.appendingPathComponent("Samples/riau").path

    @Test func reportIntoAnOlderSiteLeavesExactlyTheNewSite() throws {
        let used = try scratchDirectory().appendingPathComponent("site")
        let fresh = try scratchDirectory().appendingPathComponent("site")
        // The older site: the SKM round, two periods (index-2023-S1.html, a page per unit and period).
        let first = try patuh(["report", "--rubric", "skm-2017", sample, "--out", used.path, "-q"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: used.appendingPathComponent("index-2023-S1.html").path))
        for out in [used, fresh] {
            let run = try patuh(["report", "--rubric", "ombudsman-opini-2022", sample, "--out", out.path, "-q"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let now = try siteFiles(used)
        let expected = try siteFiles(fresh)
        #expect(
            Set(now.keys) == Set(expected.keys), "stale: \(Set(now.keys).subtracting(expected.keys).sorted().prefix(5))"
        )
        #expect(now["index-2023-S1.html"] == nil && now["skm.csv"] == nil)
        // Nothing left beside it either (no staging or moved-aside folder).
        let beside = try FileManager.default.contentsOfDirectory(atPath: used.deletingLastPathComponent().path)
        #expect(beside == ["site"], "\(beside)")
    }

    @Test func aFolderWithFilesPatuhDidNotWriteIsRefusedAndUntouched() throws {
        let out = try scratchDirectory().appendingPathComponent("thesis")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("bab 1".utf8).write(to: out.appendingPathComponent("draft.txt"))
        let run = try patuh(["report", "--rubric", "ombudsman-opini-2022", sample, "--out", out.path, "-q"])
        #expect(run.status == 2)
        #expect(run.stderr.contains(out.path) && run.stderr.contains("draft.txt"), "\(run.stderr)")
        #expect(try siteFiles(out) == ["draft.txt": Data("bab 1".utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path) == ["thesis"])
    }

    @Test func withNoPeriodTheIndexStillExists() throws {
        let out = try scratchDirectory().appendingPathComponent("site")
        let run = try patuh([
            "report", "--rubric", "ombudsman-opini-2022", sample, "--out", out.path, "--period", "1999", "-q"
        ])
        #expect(run.status <= 1, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("index.html").path))
    }

    /// Two reports into one folder at once: the folder ends as one of the two sites, whole.
    @Test func concurrentReportsLeaveOneWholeSite() throws {
        let out = try scratchDirectory().appendingPathComponent("site")
        var processes: [Process] = []
        for lang in ["id", "en"] {
            let p = Process()
            p.executableURL = try patuhExecutable()
            p.arguments = [
                "report", "--rubric", "ombudsman-opini-2022", sample, "--out", out.path, "--lang", lang, "-q"
            ]
            p.currentDirectoryURL = repositoryRoot
            p.standardError = FileHandle.nullDevice
            p.standardOutput = FileHandle.nullDevice
            processes.append(p)
        }
        for p in processes { try p.run() }
        for p in processes { p.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let pages = try siteFiles(out).filter { $0.key.hasSuffix(".html") }
        let indonesian = pages.values.filter { String(decoding: $0, as: UTF8.self).contains("<html lang=\"id\">") }
            .count
        #expect(pages.count > 100)
        #expect(indonesian == 0 || indonesian == pages.count, "\(indonesian) of \(pages.count) pages in Indonesian")
    }
}
