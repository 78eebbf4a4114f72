import ArgumentParser
import Foundation
import PatuhFormats

/// Options every command that reads inputs shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "The rubric library (default: $PATUH_RUBRICS, else the nearest Rubrics/ folder).")
    var rubrics: String?

    @Option(name: .long, help: "Worker threads for reading files (0: all cores).")
    var threads: Int = 0

    @Flag(name: .shortAndLong, help: "Print only errors and the summary.")
    var quiet = false

    @Flag(name: .customLong("always-validate"),
          help: "Put every survey file through libxml2's schema validator, even one Patuh's own check of the survey format passes (slower; the results are the same).")
    var alwaysValidates = false

    /// The `Rubrics/` folder: given, from the environment, or found above the working
    /// directory or the executable.
    func rubricsDirectory() throws -> String {
        if let given = rubrics ?? ProcessInfo.processInfo.environment["PATUH_RUBRICS"] { return given }
        let starts = [FileManager.default.currentDirectoryPath,
                      URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path]
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
        throw ValidationError("cannot find the Rubrics/ folder with schema/*.xsd; pass --rubrics DIR or set PATUH_RUBRICS")
    }

    /// A loader with the schemas compiled.
    func loader() throws -> InputLoader {
        let directory = try rubricsDirectory()
        do {
            let schemas = try SchemaSet(directory: (directory as NSString).appendingPathComponent("schema"))
            var loader = InputLoader(schemas: schemas, rubricsDirectory: directory, threads: threads)
            loader.alwaysValidates = alwaysValidates
            return loader
        } catch let rejection {
            Console.print(rejection.diagnostics)
            throw ExitCode(2)
        }
    }
}
