import ArgumentParser
import PatuhCore
import PatuhFormats

/// `--rubric` and `--registry` of a command that reads a round (`score`, `report`,
/// `followup-template`, `check`): the rubric scored, and the registry among the inputs.
struct RoundRubricOptions: ParsableArguments {
    @Option(help: OptionsHelp.rubric)
    var rubric: String

    @Option(help: OptionsHelp.roundRegistry)
    var registry: String?
}

/// `--rubric`, `--registry`, `--period` and `--survey` of a command that writes a form to fill
/// in from a rubric (`xform`, `template`).
struct FormRubricOptions: ParsableArguments {
    @Option(help: OptionsHelp.rubric)
    var rubric: String

    @Option(help: OptionsHelp.formRegistry)
    var registry: String?

    @Option(help: OptionsHelp.formPeriod)
    var period: String?

    @Flag(help: OptionsHelp.survey)
    var survey = false

    func validate() throws {
        if let period, !ContractText.isPeriod(period) {
            throw ValidationError(
                Console.say(
                    (
                        "--period '\(period)' bukan periode seperti 2023 atau 2023-S1",
                        "--period '\(period)' is not a period such as 2023 or 2023-S1"
                    )))
        }
    }

    /// The rubric and the registry (if given), read as `score` reads them.
    func load(library: RubricLibraryOption) throws -> (rubric: Rubric, registry: Registry?) {
        try RubricSource.load(rubric, registry: registry, library: library)
    }
}

/// `--data`, `--registry`, `--cost` and the rubric library of the commands that save accounts
/// (`serve user add`, `serve user import`).
struct ServeAccountOptions: ParsableArguments {
    @Option(help: OptionsHelp.data)
    var data: String

    @Option(help: OptionsHelp.accountRegistry)
    var registry: String?

    @Option(help: OptionsHelp.cost)
    var cost: UInt8 = 12

    @OptionGroup var library: RubricLibraryOption

    func validate() throws {
        guard (4...16).contains(cost) else {
            throw ValidationError(Console.say(("--cost berupa 4 sampai 16", "--cost takes 4 to 16")))
        }
    }

    /// The registry that scopes accounts: the one given, or the copy under `--data`.
    func readRegistry() throws -> Registry {
        try ServeData.registry(given: registry, data: data, library: library)
    }

    /// Keeps the registry given under `--data`, once the accounts are known to be good.
    func keepRegistry() throws {
        if let registry { try ServeData.keep(registry: registry, data: data) }
    }
}
