import Foundation
import Testing

/// `report` and `score` keep what reading each input file gave, per output folder, and a
/// re-run takes unchanged files from there (issue 23, point 2).
@Suite struct ReadCacheCommandTests {
    /// The fixture round `score`, every file's times an hour back (a file changed in the
    /// instant it is read is not kept).
    func inputs() throws -> URL {
        let dir = try copyFixture("score")
        for path in try FileManager.default.subpathsOfDirectory(atPath: dir.path) {
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSinceNow: -3600)],
                ofItemAtPath: dir.appendingPathComponent(path).path)
        }
        return dir
    }

    func report(_ inputs: URL, _ out: URL, cache: URL, _ extra: [String] = []) throws -> Run {
        let run = try patuh(
            [
                "report", "--rubric", inputs.appendingPathComponent("uji.xml").path, inputs.path, "--out", out.path,
                "-q", "--cache"
            ] + extra, environment: ["PATUH_CACHE_DIR": cache.path])
        #expect(run.status == 0, "\(run.stderr)")
        return run
    }

    @Test func aReportFromTheCacheIsByteIdenticalToOneReadingEveryFile() throws {
        let dir = try inputs()
        let cache = try scratchDirectory().appendingPathComponent("cache")
        let site = try scratchDirectory().appendingPathComponent("site")
        let plain = try scratchDirectory().appendingPathComponent("site")
        _ = try report(dir, site, cache: cache)
        let cacheFiles = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        #expect(cacheFiles.count == 1 && cacheFiles[0].hasPrefix("reads-"), "\(cacheFiles)")
        let first = try siteFiles(site)
        let again = try report(dir, site, cache: cache)
        _ = try report(dir, plain, cache: cache, ["--no-cache"])
        #expect(try siteFiles(site) == first)
        #expect(try siteFiles(plain) == first)
        #expect(again.status == 0)
        // --no-cache neither reads nor writes one: still the one file, of the first folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path) == cacheFiles)
    }

    @Test func twoOutputFoldersKeepTwoCaches() throws {
        let dir = try inputs()
        let cache = try scratchDirectory().appendingPathComponent("cache")
        _ = try report(dir, try scratchDirectory().appendingPathComponent("a"), cache: cache)
        _ = try report(dir, try scratchDirectory().appendingPathComponent("b"), cache: cache)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).count == 2)
    }

    @Test func theHelpSaysHowToTurnItOn() throws {
        for command in ["report", "score"] {
            // One language at a time (the help follows the reader's language).
            for (language, words) in [("id_ID.UTF-8", "cache bacaan"), ("C.UTF-8", "read cache")] {
                let help = try patuh(
                    [command, "--help"], environment: ["LANG": language, "LC_ALL": "", "LC_MESSAGES": ""]
                )
                .stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                #expect(help.contains("--cache/--no-cache") && help.contains(words), "\(help)")
            }
        }
    }

    /// Off unless asked for: a report without `--cache` writes no cache.
    @Test func withoutTheOptionNoCacheIsKept() throws {
        let dir = try inputs()
        let cache = try scratchDirectory().appendingPathComponent("cache")
        let run = try patuh(
            [
                "report", "--rubric", dir.appendingPathComponent("uji.xml").path, dir.path, "--out",
                try scratchDirectory().appendingPathComponent("site").path, "-q"
            ], environment: ["PATUH_CACHE_DIR": cache.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cache.path))
    }
}
