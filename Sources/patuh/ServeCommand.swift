import ArgumentParser
import Foundation
import PatuhCore
import PatuhFormats
import PatuhServe

/// `patuh serve`: the counter questionnaire, ODK Collect direct and the live view, on an
/// embedded database under `--data`.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: ServeHelp.abstract,
        subcommands: [ServeRunCommand.self, ServeUserCommand.self, ServeExportCommand.self],
        defaultSubcommand: ServeRunCommand.self)
}

/// Where `patuh serve` keeps its copy of the registry.
enum ServeData {
    static func registryPath(_ data: String) -> String { (data as NSString).appendingPathComponent("registry.xml") }

    /// The registry given, or the copy kept under `data` by an earlier start.
    static func registry(given: String?, data: String, library: RubricLibraryOption) throws -> Registry {
        let path = given ?? registryPath(data)
        guard FileManager.default.fileExists(atPath: path) else {
            throw ValidationError(
                Console.say(
                    (
                        "tidak ada registri: beri --registry BERKAS (disimpan sebagai \(registryPath(data)) untuk mulai berikutnya)",
                        "no registry: give --registry FILE (kept as \(registryPath(data)) for later starts)"
                    )))
        }
        let loader = try library.loader()
        let inputs = loader.load([path], only: nil)
        guard inputs.registries.count == 1, let registry = inputs.registry else {
            Console.print(inputs.diagnostics)
            throw ValidationError(
                Console.say(("registri \(path) tidak dapat dibaca", "the registry \(path) could not be read")))
        }
        return registry
    }

    /// Keeps a copy of `given` under `data` (what `export` writes beside the survey files).
    static func keep(registry given: String, data: String) throws {
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let target = registryPath(data)
        if (given as NSString).standardizingPath == (target as NSString).standardizingPath { return }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: given))
        try bytes.write(to: URL(fileURLWithPath: target), options: .atomic)
    }

    static func rubric(_ id: String, library: RubricLibraryOption) throws -> Rubric {
        let rubric = try RubricSource.load(id, registry: nil, library: library).rubric
        guard rubric.hasSurveyIndicators else {
            throw ValidationError(
                Console.say(
                    (
                        "rubrik '\(rubric.id)' tidak memiliki unsur survei",
                        "rubric '\(rubric.id)' has no survey indicators"
                    )))
        }
        return rubric
    }
}
