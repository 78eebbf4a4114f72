import Foundation
import Testing

/// Every input fuzzing once crashed on (Fixtures/fuzz-regressions, see its README) goes
/// through the loaders again, in an ordinary build of `PatuhFuzz`: a trap or a crash fails
/// the test. Memory errors inside libxml2 need the AddressSanitizer build:
/// `scripts/fuzz.sh --replay` replays the same files through it.
@Suite struct FuzzRegressionTests {
    static let directory = fixtures.appendingPathComponent("fuzz-regressions")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0 != "README.md" }.sorted()
    }

    @Test func thereAreRegressionInputs() {
        #expect(Self.inputs.count >= 4)
    }

    @Test(arguments: inputs)
    func loadersSurvive(_ name: String) throws {
        let fuzz = try patuhExecutable().deletingLastPathComponent().appendingPathComponent("PatuhFuzz")
        let process = Process()
        process.executableURL = fuzz
        process.arguments = [Self.directory.appendingPathComponent(name).path]
        process.environment = ["PATUH_ROOT": repositoryRoot.path, "SWIFT_BACKTRACE": "enable=no"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(
            process.terminationReason == .exit && process.terminationStatus == 0,
            "\(name): \(process.terminationReason == .uncaughtSignal ? "signal" : "status") \(process.terminationStatus)\n\(stderr.suffix(2000))"
        )
        #expect(stdout.contains("ok: "), "\(name)")
    }
}
