import Foundation
import PatuhTestSupport
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
        let run = try ChildProcess.run(
            fuzz, [Self.directory.appendingPathComponent(name).path],
            environment: ["PATUH_ROOT": repositoryRoot.path, "SWIFT_BACKTRACE": "enable=no"])
        #expect(
            run.reason == .exit && run.status == 0,
            "\(name): \(run.reason == .uncaughtSignal ? "signal" : "status") \(run.status)\n\(run.stderr.suffix(2000))"
        )
        #expect(run.stdout.contains("ok: "), "\(name)")
    }
}
