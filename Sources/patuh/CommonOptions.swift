import ArgumentParser
import Foundation
import PatuhFormats

/// `--rubrics`: where rubric ids are looked up. Every command that reads a rubric has it.
struct RubricLibraryOption: ParsableArguments {
    @Option(name: .long, help: OptionsHelp.rubrics)
    var rubrics: String?

    /// The `Rubrics/` folder: given, from the environment, or found above the working
    /// directory or the executable.
    func rubricsDirectory() throws -> String {
        if let given = rubrics ?? ProcessInfo.processInfo.environment["PATUH_RUBRICS"] { return given }
        if let found = Self.foundDirectory() { return found }
        throw ValidationError(
            Console.say(
                (
                    "folder Rubrics/ dengan schema/*.xsd tidak ditemukan; beri --rubrics FOLDER atau setel PATUH_RUBRICS",
                    "cannot find the Rubrics/ folder with schema/*.xsd; pass --rubrics DIR or set PATUH_RUBRICS"
                )))
    }

    /// The nearest `Rubrics/` above the working directory or the executable, if any.
    static func foundDirectory() -> String? {
        let starts = [
            FileManager.default.currentDirectoryPath,
            URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path
        ]
        for start in starts {
            var dir = URL(fileURLWithPath: start)
            for _ in 0..<8 {
                let candidate = dir.appendingPathComponent("Rubrics")
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("schema/rubric.xsd").path) {
                    return candidate.path
                }
                dir.deleteLastPathComponent()
            }
        }
        return nil
    }

    /// A loader with the schemas compiled.
    func loader(threads: Int = 0, alwaysValidates: Bool = false) throws -> InputLoader {
        let directory = try rubricsDirectory()
        do {
            let schemas = try SchemaSet(directory: (directory as NSString).appendingPathComponent("schema"))
            var loader = InputLoader(schemas: schemas, rubricsDirectory: directory, threads: threads)
            loader.alwaysValidates = alwaysValidates
            loader.onPhase = Self.phaseEnded
            return loader
        } catch let rejection {
            Console.print(rejection.diagnostics)
            throw ExitCode(2)
        }
    }

    /// Between a run's phases: freed heap pages go back to the system where much was just
    /// freed (a registry's parsed tree is ten times its file; parsers' buffers once every file
    /// is read), so that what comes next is what the resident figure shows; and, with
    /// `PATUH_TIMING`, the phase's time.
    @Sendable static func phaseEnded(_ phase: RoundPhase) {
        if phase == .registriesRead || phase == .filesRead { Allocator.releaseFreedMemory() }
        if phase != .registriesRead { PhaseTimer.mark(phase.rawValue) }
    }
}

/// Options every command that reads a batch of inputs shares.
struct CommonOptions: ParsableArguments {
    @OptionGroup var library: RubricLibraryOption

    @Option(name: .long, help: OptionsHelp.threads)
    var threads: Int = 0

    @Flag(name: .shortAndLong, help: OptionsHelp.quiet)
    var quiet = false

    @Flag(
        name: .customLong("always-validate"),
        help: OptionsHelp.alwaysValidate)
    var alwaysValidates = false

    var rubrics: String? { library.rubrics }

    func rubricsDirectory() throws -> String { try library.rubricsDirectory() }

    /// A loader with the schemas compiled.
    func loader() throws -> InputLoader { try library.loader(threads: threads, alwaysValidates: alwaysValidates) }
}
