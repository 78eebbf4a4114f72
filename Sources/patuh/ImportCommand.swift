import ArgumentParser
import Foundation

/// `patuh import`: other tools' files made into Patuh's.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: ImportHelp.abstract,
        subcommands: [ODKImportCommand.self, SheetImportCommand.self])
}
