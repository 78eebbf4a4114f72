import ArgumentParser
import Foundation

/// `patuh import`: other tools' files made into Patuh's.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn files collected elsewhere into Patuh assessment and survey files.",
        subcommands: [ODKImportCommand.self, SheetImportCommand.self])
}
