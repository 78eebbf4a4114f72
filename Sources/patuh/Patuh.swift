import ArgumentParser
import Foundation
import PatuhFormats

/// `patuh`: compliance scoring for Indonesian public services (UU 25/2009).
struct Patuh: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patuh",
        abstract: "Assess public-service units against UU 25/2009 compliance rubrics.",
        version: "0.1.0",
        subcommands: [ValidateCommand.self, ScoreCommand.self, ReportCommand.self, GenerateCommand.self, XFormCommand.self, ImportCommand.self, TemplateCommand.self, BenchCommand.self]
    )
}

@main
enum Main {
    static func main() {
        Allocator.mapsLargeBlocks()
        Allocator.usesOneArena()
        do {
            var command = try Patuh.parseAsRoot()
            try command.run()
        } catch {
            // The contract's exit status for bad usage is 2 (ArgumentParser's default is 64).
            if Patuh.exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((Patuh.fullMessage(for: error) + "\n").utf8))
                exit(2)
            }
            Patuh.exit(withError: error)
        }
    }
}
