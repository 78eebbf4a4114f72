import ArgumentParser
import Foundation
import PatuhFormats

/// `patuh`: compliance scoring for Indonesian public services (UU 25/2009).
struct Patuh: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "patuh",
            abstract: RootHelp.abstract,
            version: "0.1.0",
            subcommands: [
                ValidateCommand.self, ScoreCommand.self, ReportCommand.self, CheckCommand.self, GenerateCommand.self,
                XFormCommand.self, ImportCommand.self, TemplateCommand.self, BenchCommand.self,
                FollowupTemplateCommand.self, ServeCommand.self
            ]
        )
    }
}

@main
enum Main {
    static func main() {
        // Process-wide tuning, here only: the libraries leave the allocator alone.
        Allocator.mapsLargeBlocks()
        Allocator.usesOneArena()
        if let language = Console.language(in: Array(CommandLine.arguments.dropFirst())) { Console.language = language }
        var command: any ParsableCommand
        do {
            command = try Patuh.parseAsRoot()
        } catch {
            exitForUsage(error)
        }
        do {
            try command.run()
        } catch let error
            where error is ExitCode || error is CleanExit || error is ValidationError
            || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
        {
            // ArgumentParser's own, help included (its help command throws an internal type).
            exitForUsage(error)
        } catch let failure as PatuhError {
            // What cannot be done at all: the problems found on the way, then the sentence.
            Console.print(failure)
            exit(failure.status)
        } catch {
            // Anything else (a folder that cannot be written, ...) as a sentence, status 1.
            Console.error("patuh: error: \(Console.describe(error))")  // `error` stays: scripts read it
            exit(1)
        }
    }

    /// ArgumentParser's errors as it prints them; bad usage exits 2, as the contract says
    /// (ArgumentParser's default is 64).
    private static func exitForUsage(_ error: any Error) -> Never {
        if Patuh.exitCode(for: error) == .validationFailure {
            let message = ParserWording.message(Patuh.fullMessage(for: error), in: Console.language)
            FileHandle.standardError.write(Data((message + "\n").utf8))
            exit(2)
        }
        if Console.language == .id, Patuh.exitCode(for: error) == .success {
            // Help (and the version): ArgumentParser's own words in Indonesian too.
            print(HelpWording.text(Patuh.fullMessage(for: error), in: .id))
            exit(0)
        }
        Patuh.exit(withError: error)
    }
}
