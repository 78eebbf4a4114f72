import ArgumentParser
import Foundation
import PatuhFormats

/// `--rubrics`: where rubric ids are looked up. Every command that reads a rubric has it.
struct RubricLibraryOption: ParsableArguments {
    @Option(name: .long, help: "The rubric library (default: $PATUH_RUBRICS, else the nearest Rubrics/ folder).")
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

    @Option(name: .long, help: "Worker threads for reading files (0: all cores).")
    var threads: Int = 0

    @Flag(name: .shortAndLong, help: "Print only errors and the summary.")
    var quiet = false

    @Flag(
        name: .customLong("always-validate"),
        help:
            "Put every survey and assessment file through libxml2's schema validator, even one Patuh's own check of its format passes (slower; the results are the same)."
    )
    var alwaysValidates = false

    var rubrics: String? { library.rubrics }

    func rubricsDirectory() throws -> String { try library.rubricsDirectory() }

    /// A loader with the schemas compiled.
    func loader() throws -> InputLoader { try library.loader(threads: threads, alwaysValidates: alwaysValidates) }
}

/// What every command's help ends with: the rubric ids of the library and the exit codes.
enum HelpText {
    /// The ids of the rubrics in the nearest `Rubrics/` (file names, as `--rubric` takes them).
    static var rubricIDs: String {
        guard let dir = ProcessInfo.processInfo.environment["PATUH_RUBRICS"] ?? RubricLibraryOption.foundDirectory(),
            let names = try? FileManager.default.contentsOfDirectory(atPath: dir)
        else { return "(no Rubrics/ folder found)" }
        let ids = names.filter { $0.hasSuffix(".xml") }.map { String($0.dropLast(4)) }.sorted()
        return ids.isEmpty ? "(none)" : ids.joined(separator: ", ")
    }

    static let exitCodes = """
        Exit status / kode keluar: 0 all good / semua baik; 1 some input rejected (the rest is \
        still written) or nothing in the inputs for the rubric or period / ada masukan ditolak \
        atau tidak ada masukan untuk rubrik atau periode itu; 2 bad usage / pemakaian salah.
        """

    /// Examples, then the rubric ids found and the exit codes.
    static func discussion(_ text: String, examples: [String], rubrics: Bool = true) -> String {
        var out = text.isEmpty ? "" : text + "\n\n"
        out += "Examples / contoh:\n" + examples.map { "  " + $0 }.joined(separator: "\n")
        if rubrics { out += "\n\nRubrics / rubrik (--rubric): " + rubricIDs }
        return out + "\n\n" + exitCodes
    }
}
