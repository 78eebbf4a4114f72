import Foundation
import Testing

/// `check` reads its round through the pipeline `score` runs (`RoundPipeline`): the same
/// rules pick the rubric and the registry, and a round that cannot be scored fails alike.
@Suite struct PipelineCommandTests {
    /// The score fixture round, and beside it an old registry.xml with other unit names.
    func roundWithTwoRegistries() throws -> (round: URL, old: URL) {
        let dir = try scratchDirectory()
        let round = dir.appendingPathComponent("round")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("score"), to: round)
        let old = dir.appendingPathComponent("old")
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        let registry = try read(round.appendingPathComponent("registry.xml")).replacingOccurrences(
            of: "Dinas Satu", with: "Dinas Lama")
        try Data(registry.utf8).write(to: old.appendingPathComponent("registry.xml"))
        return (round, old)
    }

    @Test func checkTakesTheVeryRegistryNamedNotOneWhosePathEndsAlike() throws {
        let (round, old) = try roundWithTwoRegistries()
        let rubric = round.appendingPathComponent("uji.xml").path
        // "registry.xml" ends both inputs' paths, but the working directory (the repository)
        // holds no such file: nothing is named, and nothing is guessed.
        let out = try scratchDirectory()
        let guessed = try patuh([
            "check", "--rubric", rubric, "--registry", "registry.xml", round.path, old.path, "--out", out.path
        ])
        #expect(guessed.status == 2, "\(guessed.stderr)")
        #expect(
            guessed.stderr.contains("patuh: error: the registry registry.xml could not be read"), "\(guessed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("qa.csv").path))
        // Named by its full path, the old registry is the one checked against; the other is
        // left unread, with a warning (printed only without -q; check prints errors only).
        let named = try patuh([
            "check", "--rubric", rubric, "--registry", old.appendingPathComponent("registry.xml").path,
            round.path, old.path, "--out", out.path
        ])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("qa.csv").path))
    }

    @Test(arguments: ["score", "check"])
    func twoRegistriesAndNoneNamedFailAlike(command: String) throws {
        let (round, old) = try roundWithTwoRegistries()
        let out = try scratchDirectory().appendingPathComponent("out")
        let run = try patuh([
            command, "--rubric", round.appendingPathComponent("uji.xml").path, round.path, old.path, "--out", out.path
        ])
        #expect(run.status == 2)
        #expect(
            run.stderr.hasSuffix("patuh: error: the inputs hold 2 registries: name one with --registry\n"),
            "\(run.stderr)")
    }
}
