import ArgumentParser
import Foundation
import PatuhCore
import PatuhFormats
import PatuhServe

/// `patuh serve [run]`: starts the server.
struct ServeRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: ServeRunHelp.abstract, discussion: ServeRunHelp.discussion)

    @Option(help: ServeRunHelp.data)
    var data: String

    @Option(help: ServeRunHelp.registry)
    var registry: String?

    @Option(help: ServeRunHelp.rubric)
    var rubric: String = "skm-2017"

    @Option(
        name: .customLong("period"), help: ServeRunHelp.period)
    var periods: [String] = []

    @Option(
        name: .customLong("form-rubric"),
        help: ServeRunHelp.formRubric)
    var formRubrics: [String] = []

    @Option(help: ServeRunHelp.listen)
    var listen: String = "127.0.0.1:8080"

    @Option(help: ServeRunHelp.publicURL)
    var publicURL: String?

    @Option(help: ServeRunHelp.perDeviceLimit)
    var perDeviceLimit: Int = 20

    @Option(help: ServeRunHelp.perAddressLimit)
    var perAddressLimit: Int = 2000

    @OptionGroup var library: RubricLibraryOption

    func validate() throws {
        try UsageChecks.atLeastOne(
            periods, id: "beri sedikitnya satu --period yang terbuka untuk jawaban",
            en: "give at least one --period open for answers")
        for p in periods where !ContractText.isPeriod(p) {
            throw ValidationError(
                id: "--period '\(p)' bukan periode seperti 2026 atau 2026-S2",
                en: "--period '\(p)' is not a period such as 2026 or 2026-S2")
        }
        guard listenAddress != nil else {
            throw ValidationError(
                id: "--listen berbentuk HOST:PORT, misalnya 127.0.0.1:8080",
                en: "--listen takes HOST:PORT, e.g. 127.0.0.1:8080")
        }
    }

    var listenAddress: (host: String, port: Int)? {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
            (0...65535).contains(port)
        else { return nil }
        return (String(listen[..<colon]), port)
    }

    func run() throws {
        let reg = try ServeData.registry(given: registry, data: data, library: library)
        if let registry { try ServeData.keep(registry: registry, data: data) }
        let survey = try ServeData.rubric(rubric, library: library)
        let extra = try formRubrics.map { try RubricSource.load($0, registry: nil, library: library).rubric }
        var config = ServeConfiguration(
            rubric: survey, registry: reg, openPeriods: periods, dataDirectory: data,
            formRubrics: [survey] + extra)
        config.publicURL = publicURL
        config.perDeviceLimit = perDeviceLimit
        config.perAddressLimit = perAddressLimit
        let server = try PatuhServe.Server(config: config)
        guard let (host, port) = listenAddress else { throw ExitCode(2) }
        let summary =
            "\(Console.count(config.surveyedUnits.count, "unit")) · period \(periods.joined(separator: ", ")) · database \(server.store.path)"
        let failed = ServeRunner.run(server: server, host: host, port: port) { bound in
            // One line that scripts and tests wait for (the port, when --listen asked for 0).
            Console.error("patuh serve: listening on http://\(host):\(bound)/ · \(summary)")
        }
        if let failed {
            Console.error("patuh serve: error: \(failed)")
            throw ExitCode(1)
        }
    }
}
