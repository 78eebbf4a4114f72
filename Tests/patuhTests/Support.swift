import Foundation
import PatuhTestSupport

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let fixtures = repositoryRoot.appendingPathComponent("Tests/patuhTests/Fixtures")

/// What a run of `patuh` printed and returned.
typealias Run = ChildRun

/// The `patuh` executable built beside the test bundle.
func patuhExecutable() throws -> URL {
    let candidates = [
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("patuh"),
        Bundle.main.bundleURL.appendingPathComponent("patuh"),
        repositoryRoot.appendingPathComponent(".build/debug/patuh")
    ]
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "patuh executable not found"])
    }
    return found
}

/// Runs `patuh` with `arguments` from the repository root (`environment` added to the test's own).
func patuh(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
    try run(try patuhExecutable(), arguments, environment: environment)
}

/// Runs any executable with `arguments` from the repository root, capturing its output.
func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> Run {
    // A fixed date for outputs that carry one (datapackage.json's `created`), so that two
    // runs on the same inputs write the same bytes. `environment` is added to the test's own
    // (it used to be overwritten by this line, so that it was never passed on).
    var environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    if environment["SOURCE_DATE_EPOCH"] == nil { environment["SOURCE_DATE_EPOCH"] = "1700000000" }
    // The read cache of `report` and `score` goes with the tests' scratch files, never into ~/.cache.
    if environment["PATUH_CACHE_DIR"] == nil {
        environment["PATUH_CACHE_DIR"] = Scratch.root.appendingPathComponent("read-cache").path
    }
    return try ChildProcess.run(executable, arguments, in: repositoryRoot, environment: environment)
}

func scratchDirectory() throws -> URL { try Scratch.directory("e2e") }

/// Copies a fixture folder into a scratch directory, so a test can add files to it.
func copyFixture(_ name: String) throws -> URL {
    let dir = try scratchDirectory().appendingPathComponent(name)
    try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: dir)
    return dir
}

func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }
