import ArgumentParser
import Foundation
import PatuhCore
import PatuhFormats

/// `patuh validate PATH...`: schema and reference checks on every file.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check files against their schema and against each other; report every problem.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "Files, or directories searched recursively for *.xml.")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one file or directory") }
    }

    func run() throws {
        var loader = try common.loader()
        loader.keepsRecords = false  // only the problems are reported
        var inputs = loader.load(paths)
        // Region codes and names against Kemendagri's list (warnings: a registry may be ahead of it).
        inputs.diagnostics += inputs.registries.flatMap { RegionReference.kemendagri.check($0.registry) }
        Console.print(inputs.diagnostics, quiet: common.quiet)
        let rejected = Set(inputs.rejectedFiles)
        let valid = inputs.files.filter { !rejected.contains($0) }
        if !common.quiet {
            for file in valid { print("\(file): valid (\(inputs.kinds[file]?.rawValue ?? "?"))") }
        }
        let errors = inputs.diagnostics.errorCount
        let warnings = inputs.diagnostics.warningCount
        Console.error("patuh validate: \(Console.count(inputs.files.count, "file")): \(valid.count) valid, \(rejected.count) with errors; \(Console.count(errors, "error")), \(Console.count(warnings, "warning"))")
        if errors > 0 { throw ExitCode(1) }
    }
}
