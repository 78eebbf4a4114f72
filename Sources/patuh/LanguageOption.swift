import ArgumentParser
import PatuhCore

/// `--lang id|en`: the language of messages, for commands without a language of their own
/// (`report` and `xform` have theirs, which sets the messages' too). Read before parsing
/// (`Console.language(in:)`), declared here so that it is accepted and shown in help.
struct LanguageOption: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help: OptionsHelp.lang)
    var lang: Language?
}

extension Language: ExpressibleByArgument {}
