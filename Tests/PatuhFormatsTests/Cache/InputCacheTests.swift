import Foundation
import PatuhCore
import PatuhFormats
import Testing

/// A copy of part of `Samples/riau` (the registry, `folders`), every file's times an hour
/// back (so that none was changed in the instant it is read, which the cache does not keep).
private func sampleCopy(_ folders: [String]) throws -> URL {
    let dir = try scratchDirectory().appendingPathComponent("riau")
    let riau = repositoryRoot.appendingPathComponent("Samples/riau")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for name in ["registry.xml"] + folders {
        let target = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: riau.appendingPathComponent(name), to: target)
    }
    for path in try FileManager.default.subpathsOfDirectory(atPath: dir.path) {
        setTime(dir.appendingPathComponent(path).path, secondsAgo: 3600)
    }
    return dir
}

/// Sets a file's access and modification times to `secondsAgo` before now.
private func setTime(_ path: String, secondsAgo: Int) {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    var times = [
        timespec(tv_sec: now.tv_sec - secondsAgo, tv_nsec: 0), timespec(tv_sec: now.tv_sec - secondsAgo, tv_nsec: 0)
    ]
    _ = utimensat(AT_FDCWD, path, &times, 0)
}

/// Runs the pipeline as `patuh report` does, with `cache` (none: every file read).
private func scored(
    _ dir: URL, rubric: String = "ombudsman-opini-2022", cache: InputCache?
) throws -> ScoredRound {
    var loader = try makeLoader()
    loader.cache = cache
    var options = RoundPipeline.Options(rubric: .id(rubric), paths: [dir.path])
    options.use = .pages
    return try RoundPipeline(loader: loader, options: options).run()
}

/// Everything a round's CSV files and pages are written from, comparable: results, every
/// problem in both languages, each unit's assessments whole (notes, evidence, lines) and
/// each survey's comments and tallies.
private func written(_ round: ScoredRound) -> [String] {
    let r = round.result
    // Field by field: a band's labels are a dictionary, printed in no fixed order.
    var lines = r.units.map {
        "\($0.key) \($0.score) \($0.band?.id ?? "-") \($0.basis) \($0.dimensionPoints) \(Array($0.indicators)) "
            + "\($0.assessmentCount) \(String(describing: $0.respondents)) \(String(describing: $0.change))"
    }
    lines += r.regions.map {
        "\($0.region.code) \($0.period) \(String(describing: $0.score)) \($0.band?.id ?? "-") \($0.unitCount) "
            + "\($0.dimensionPoints) \(String(describing: $0.rankLevel)) \(String(describing: $0.rankInParent))"
    }
    // Sorted: scoring reports units in no fixed order.
    lines += round.diagnostics.map { "\($0) / \($0.indonesian ?? "-")" }.sorted()
    for key in r.assessmentPositions.keys.sorted() { lines += r.assessments(key).map { "\(key): \($0)" } }
    for key in r.surveys.keys.sorted() {
        let s = r.surveys[key]
        lines.append("\(key): \(String(describing: s?.tally)) \(s?.breakdown.sorted { $0.key < $1.key } ?? [])")
        lines += r.comments(key).map { "\(key): \($0)" }
    }
    lines.append("\(round.assessmentCount) \(round.respondentCount) \(round.skippedFiles)")
    return lines
}

@Suite struct InputCacheTests {
    func cache(_ dir: URL, _ name: String = "site") -> InputCache {
        InputCache(path: dir.appendingPathComponent("cache/\(name).cache").path)
    }

    @Test func aReRunTakesEveryUnchangedFileFromTheCacheAndGivesTheSameRound() throws {
        // The 14 assessment files and 113 survey files of 2022 (notes, evidence, comments).
        let dir = try sampleCopy(["assessments/2022", "surveys/2022"])
        let plain = written(try scored(dir, cache: nil))
        let first = cache(dir)
        #expect(written(try scored(dir, cache: first)) == plain)
        #expect(first.figures.hits == 0 && first.figures.misses > 100)
        let second = cache(dir)
        #expect(written(try scored(dir, cache: second)) == plain)
        #expect(second.figures.hits == first.figures.misses && second.figures.misses == 0)
    }

    @Test func aSurveyRubricsBreakdownsComeBackWhole() throws {
        // SKM keeps tallies per service and group: 26 files of 2023-S1.
        let dir = try sampleCopy(["surveys/2023-S1"])
        let plain = written(try scored(dir, rubric: "skm-2017", cache: nil))
        _ = try scored(dir, rubric: "skm-2017", cache: cache(dir))
        let again = cache(dir)
        #expect(written(try scored(dir, rubric: "skm-2017", cache: again)) == plain)
        #expect(again.figures.hits > 0 && again.figures.misses == 0)
    }

    @Test func aFileChangedToTheSameSizeIsReadAgain() throws {
        let dir = try sampleCopy(["assessments/2022"])
        _ = try scored(dir, cache: cache(dir))
        // One answer made another of the same length in one file: same size; its time moves
        // on by a second.
        let file = try #require(
            try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("assessments/2022").path)
                .sorted().first.map { dir.appendingPathComponent("assessments/2022/\($0)") })
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = try #require(text.range(of: "value=\"1\"") ?? text.range(of: "value=\"2\""))
        let other = text[changed] == "value=\"1\"" ? "value=\"2\"" : "value=\"1\""
        try Data(text.replacingCharacters(in: changed, with: other).utf8).write(to: file)
        setTime(file.path, secondsAgo: 3599)
        let again = cache(dir)
        let round = try scored(dir, cache: again)
        #expect(again.figures.misses == 1 && again.figures.hits > 0)
        #expect(written(round) == written(try scored(dir, cache: nil)))
    }

    @Test func aCorruptOrTruncatedCacheIsNotUsed() throws {
        let dir = try sampleCopy(["assessments/2022"])
        let plain = written(try scored(dir, cache: nil))
        let path = cache(dir).path
        _ = try scored(dir, cache: cache(dir))
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        // A byte in the middle of the records: that record's checksum no longer matches.
        bytes[bytes.count / 3] ^= 0x5A
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let corrupt = cache(dir)
        #expect(written(try scored(dir, cache: corrupt)) == plain)
        #expect(corrupt.figures.misses >= 1)
        // Cut in half: no index, nothing used.
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: path))
        let truncated = cache(dir)
        #expect(written(try scored(dir, cache: truncated)) == plain)
        #expect(truncated.figures.hits == 0 && truncated.figures.misses > 0)
        // Garbage of any length is no cache either.
        try Data("not a cache".utf8).write(to: URL(fileURLWithPath: path))
        let garbage = cache(dir)
        #expect(written(try scored(dir, cache: garbage)) == plain)
        #expect(garbage.figures.hits == 0)
    }

    @Test func aChangedRegistryOrRubricReadsEveryFileAgain() throws {
        let dir = try sampleCopy(["assessments/2022"])
        _ = try scored(dir, cache: cache(dir))
        let registry = dir.appendingPathComponent("registry.xml")
        try Data((try String(contentsOf: registry, encoding: .utf8) + "\n<!-- -->\n").utf8).write(to: registry)
        let afterRegistry = cache(dir)
        _ = try scored(dir, cache: afterRegistry)
        #expect(afterRegistry.figures.hits == 0 && afterRegistry.figures.misses > 0)
        // The same rubric from another file with other bytes (a comment added).
        let rubric = dir.appendingPathComponent("rubric.xml")
        let shipped = try String(contentsOfFile: rubricsDirectory + "/ombudsman-opini-2022.xml", encoding: .utf8)
        try Data((shipped + "\n<!-- -->\n").utf8).write(to: rubric)
        let afterRubric = cache(dir)
        var loader = try makeLoader()
        loader.cache = afterRubric
        var options = RoundPipeline.Options(rubric: .file(rubric.path), paths: [dir.path])
        options.use = .pages
        _ = try RoundPipeline(loader: loader, options: options).run()
        #expect(afterRubric.figures.hits == 0 && afterRubric.figures.misses > 0)
    }

    @Test func eachOutputFolderHasItsOwnCacheAndNoneInsideIt() throws {
        let home = ["HOME": "/home/u"]
        let a = try #require(InputCache.location(forOutput: "/srv/a/site", environment: home))
        let b = try #require(InputCache.location(forOutput: "/srv/b/site", environment: home))
        #expect(a != b)
        #expect(a.hasPrefix("/home/u/.cache/patuh/") && b.hasPrefix("/home/u/.cache/patuh/"))
        // The same folder however it is written.
        #expect(InputCache.location(forOutput: "/srv/a/./x/../site", environment: home) == a)
        #expect(
            try #require(InputCache.location(forOutput: "/srv/a", environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"]))
                .hasPrefix("/c/patuh/"))
        #expect(
            try #require(InputCache.location(forOutput: "/srv/a", environment: ["PATUH_CACHE_DIR": "/p", "HOME": "/h"]))
                .hasPrefix("/p/"))
        // Never inside the folder that is published.
        #expect(InputCache.location(forOutput: "/srv/a", environment: ["PATUH_CACHE_DIR": "/srv/a/.cache"]) == nil)
        #expect(InputCache.location(forOutput: "/srv/a", environment: [:]) == nil)
    }

    @Test func aCacheThatCannotBeWrittenChangesNothing() throws {
        let dir = try sampleCopy(["assessments/2022"])
        let plain = written(try scored(dir, cache: nil))
        // A cache file under a regular file: its folder can never be made.
        let blocked = InputCache(path: dir.appendingPathComponent("registry.xml/x/site.cache").path)
        #expect(written(try scored(dir, cache: blocked)) == plain)
        let again = InputCache(path: blocked.path)
        _ = try scored(dir, cache: again)
        #expect(again.figures.hits == 0)
    }
}
