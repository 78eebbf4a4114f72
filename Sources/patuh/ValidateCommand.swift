import ArgumentParser
import Foundation
import PatuhCore
import PatuhFormats

/// `patuh validate PATH...`: schema and reference checks on every file.
struct ValidateCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "validate",
            abstract: ValidateHelp.abstract, discussion: ValidateHelp.discussion)
    }

    @OptionGroup var common: CommonOptions
    @OptionGroup var language: LanguageOption

    @Argument(help: OptionsHelp.paths)
    var paths: [String] = []

    @Flag(
        name: .customLong("reconstructed"),
        help: ValidateHelp.reconstructed)
    var listsReconstructed = false

    func validate() throws {
        try UsageChecks.atLeastOne(
            paths, id: "sebutkan sedikitnya satu berkas atau folder", en: "name at least one file or directory")
    }

    func run() throws {
        var loader = try common.loader()
        loader.use = .problems  // only the problems are reported
        var inputs = loader.load(paths)
        // Region codes and names against Kemendagri's list (warnings: a registry may be ahead of it).
        inputs.diagnostics += inputs.registries.flatMap { RegionReference.kemendagri.check($0.registry) }
        Console.print(inputs.diagnostics, quiet: common.quiet)
        let rejected = Set(inputs.rejectedFiles)
        let valid = inputs.files.filter { !rejected.contains($0) }
        if !common.quiet {
            for file in valid {
                print(
                    Console.say(
                        (
                            "\(file): sah (\(inputs.kinds[file]?.rawValue ?? "?"))",
                            "\(file): valid (\(inputs.kinds[file]?.rawValue ?? "?"))"
                        )))
            }
        }
        if listsReconstructed {
            let given = Set(inputs.files)
            for rubric in inputs.rubrics.values.sorted(by: { $0.id < $1.id }) where given.contains(rubric.location.file)
            {
                print(ReconstructedListing.lines(rubric), terminator: "")
            }
        }
        let errors = inputs.diagnostics.errorCount
        let warnings = inputs.diagnostics.warningCount
        Console.error(
            Console.say(
                (
                    "patuh validate: \(Console.number(inputs.files.count)) berkas: \(Console.number(valid.count)) sah, \(Console.number(rejected.count)) bermasalah; \(Console.number(errors)) galat, \(Console.number(warnings)) peringatan",
                    "patuh validate: \(Console.count(inputs.files.count, "file")): \(valid.count) valid, \(rejected.count) with errors; \(Console.count(errors, "error")), \(Console.count(warnings, "warning"))"
                )))
        if errors > 0 { throw ExitCode(1) }
    }
}
